import CBLAS

/// The module's only BLAS calls, on Swift arrays; no C type leaves this file.
enum BLAS {
    /// C (rows x cols) = A (rows x depth) * B^T, where B is (cols x depth); all row-major Float.
    static func multiplyTransposed(_ a: UnsafePointer<Float>, rows: Int, _ b: UnsafePointer<Float>, cols: Int,
                                   depth: Int, into c: UnsafeMutablePointer<Float>) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(cols), Int32(depth),
                    1, a, Int32(depth), b, Int32(depth), 0, c, Int32(cols))
    }

    /// The Gram matrix X X^T of `rows` (n x depth, row-major Double), full n x n.
    static func gram(_ x: [Double], rows: Int, depth: Int) -> [Double] {
        var c = [Double](repeating: 0, count: rows * rows)
        x.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { out in
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(rows), Int32(depth),
                            1, a.baseAddress, Int32(depth), a.baseAddress, Int32(depth), 0, out.baseAddress, Int32(rows))
            }
        }
        return c
    }

    /// The scatter matrix X^T X (depth x depth) of `rows` (n x depth, row-major Double).
    static func scatter(_ x: [Double], rows: Int, depth: Int) -> [Double] {
        var c = [Double](repeating: 0, count: depth * depth)
        x.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { out in
                cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(depth), Int32(depth), Int32(rows),
                            1, a.baseAddress, Int32(depth), a.baseAddress, Int32(depth), 0, out.baseAddress, Int32(depth))
            }
        }
        return c
    }

    /// C (rows x k) = A (rows x depth) * B (depth x k); all row-major Double.
    static func multiply(_ a: [Double], rows: Int, depth: Int, _ b: [Double], k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: rows * k)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { out in
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(k), Int32(depth),
                                1, ap.baseAddress, Int32(depth), bp.baseAddress, Int32(k), 0, out.baseAddress, Int32(k))
                }
            }
        }
        return c
    }
}
