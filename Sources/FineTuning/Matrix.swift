import LinearAlgebra

/// A dense row-major Float32 matrix: a batch of embeddings (rows) or a layer's weights ([out, in]).
///
/// The only place in FineTuning that calls BLAS.
struct Matrix: Equatable {
    var rows: Int
    var columns: Int
    var values: [Float]

    init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "matrix storage does not match its shape")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    init(zeros rows: Int, _ columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
    }

    /// Stacks the given rows (all of one length) into a matrix.
    init(stacking rowList: [[Float]], columns: Int) {
        var values = [Float]()
        values.reserveCapacity(rowList.count * columns)
        for row in rowList {
            precondition(row.count == columns, "row length differs from the matrix width")
            values.append(contentsOf: row)
        }
        self.init(rows: rowList.count, columns: columns, values: values)
    }

    subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    func row(_ index: Int) -> ArraySlice<Float> {
        values[(index * columns)..<((index + 1) * columns)]
    }

    /// C = alpha * op(A) * op(B) + beta * C through `BLAS.gemm`, op = transpose when asked.
    ///
    /// - Complexity: O(m n k) multiply-adds, at the machine's BLAS rate.
    static func gemm(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
                     alpha: Float = 1, beta: Float = 0, into c: inout Matrix) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb && c.rows == m && c.columns == n, "gemm shapes do not agree")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in c.values.indices { c.values[i] *= beta }
            return
        }
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                c.values.withUnsafeMutableBufferPointer { pc in
                    BLAS.gemm(m: m, n: n, k: k,
                              a: pa.baseAddress!, lda: a.columns, transposeA: transposeA,
                              b: pb.baseAddress!, ldb: b.columns, transposeB: transposeB,
                              c: pc.baseAddress!, ldc: c.columns, alpha: alpha, beta: beta)
                }
            }
        }
    }

    /// op(A) * op(B) as a new matrix.
    static func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
        var c = Matrix(zeros: transposeA ? a.columns : a.rows, transposeB ? b.rows : b.columns)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }
}
