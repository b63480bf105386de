import LinearAlgebra

/// The matrix products the metrics need, on Swift arrays, through the one BLAS door.
extension BLAS {
    /// C (rows x cols) = A (rows x depth) * B^T, where B is (cols x depth); all row-major Float.
    static func multiplyTransposed(_ a: UnsafePointer<Float>, rows: Int, _ b: UnsafePointer<Float>, cols: Int,
                                   depth: Int, into c: UnsafeMutablePointer<Float>) {
        gemm(m: rows, n: cols, k: depth, a: a, lda: depth, b: b, ldb: depth, transposeB: true, c: c, ldc: cols)
    }

    /// The Gram matrix X X^T of `rows` (n x depth, row-major Double), full n x n.
    static func gram(_ x: [Double], rows: Int, depth: Int) -> [Double] {
        var c = [Double](repeating: 0, count: rows * rows)
        guard rows > 0, depth > 0 else { return c }
        x.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { out in
                gemm(m: rows, n: rows, k: depth, a: a.baseAddress!, lda: depth, b: a.baseAddress!, ldb: depth,
                     transposeB: true, c: out.baseAddress!, ldc: rows)
            }
        }
        return c
    }

    /// The scatter matrix X^T X (depth x depth) of `rows` (n x depth, row-major Double).
    static func scatter(_ x: [Double], rows: Int, depth: Int) -> [Double] {
        var c = [Double](repeating: 0, count: depth * depth)
        guard rows > 0, depth > 0 else { return c }
        x.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { out in
                gemm(m: depth, n: depth, k: rows, a: a.baseAddress!, lda: depth, transposeA: true,
                     b: a.baseAddress!, ldb: depth, transposeB: false, c: out.baseAddress!, ldc: depth)
            }
        }
        return c
    }

    /// scatter += X^T X for a block `x` of `rows` rows (row-major Double, depth wide), so a scatter
    /// matrix can be summed over blocks of rows that never exist all at once.
    /// Only the upper triangle is accumulated (a symmetric rank-k update, half the work of the general
    /// product); ``mirrorUpper(_:depth:)`` completes the matrix once the blocks are summed.
    static func accumulateScatter(_ x: [Double], rows: Int, depth: Int, into scatter: inout [Double]) {
        guard rows > 0, depth > 0 else { return }
        x.withUnsafeBufferPointer { a in
            scatter.withUnsafeMutableBufferPointer { out in
                symmetricRankKUpdate(n: depth, k: rows, a: a.baseAddress!, lda: depth, c: out.baseAddress!, ldc: depth, beta: 1)
            }
        }
    }

    /// Copies the upper triangle of a square matrix onto its lower triangle.
    static func mirrorUpper(_ matrix: inout [Double], depth: Int) {
        for i in 0..<depth { for j in 0..<i { matrix[i * depth + j] = matrix[j * depth + i] } }
    }

    /// C (rows x k) = A (rows x depth) * B (depth x k); all row-major Double.
    static func multiply(_ a: [Double], rows: Int, depth: Int, _ b: [Double], k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: rows * k)
        guard rows > 0, depth > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { out in
                    gemm(m: rows, n: k, k: depth, a: ap.baseAddress!, lda: depth, b: bp.baseAddress!, ldb: k,
                         transposeB: false, c: out.baseAddress!, ldc: k)
                }
            }
        }
        return c
    }
}
