import CBLAS

/// The one door to BLAS (OpenBLAS's cblas): matrix products on row-major buffers, for the encoder,
/// the metrics and the adapter trainer alike. No C type leaves this file; callers build their own
/// shapes (a linear layer, a Gram matrix, a batch of scores) on top of `gemm`.
public enum BLAS {
    /// Makes OpenBLAS run every call on the calling thread. Process-wide; idempotent.
    ///
    /// The encoder splits work across cores itself (rows of a batch, attention heads), so two layers of
    /// threading on two cores would oversubscribe.
    public static let singleThreaded: Void = {
        openblas_set_num_threads(1)
    }()

    /// C = alpha * op(A) * op(B) + beta * C in single precision, row-major, with leading dimensions
    /// (row strides) given; op transposes when asked.
    ///
    /// op(A) is `m x k` and op(B) is `k x n`; `C` is `m x n`. Does nothing when `m` or `n` is 0; with
    /// `k` 0, C becomes beta * C (BLAS's own rule).
    /// - Complexity: O(m n k) multiply-adds, at the machine's sgemm rate.
    public static func gemm(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool = false,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        alpha: Float = 1, beta: Float = 0
    ) {
        guard m > 0, n > 0 else { return }
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// C = alpha * A^T A + beta * C in double precision, for A `k x n` row-major (lda its row stride)
    /// and C `n x n`: BLAS's symmetric rank-k update, half the work of the general product. Only the
    /// upper triangle of C is written; callers mirror it.
    /// - Complexity: O(n^2 k / 2) multiply-adds.
    public static func symmetricRankKUpdate(n: Int, k: Int, a: UnsafePointer<Double>, lda: Int,
                                            c: UnsafeMutablePointer<Double>, ldc: Int, alpha: Double = 1, beta: Double = 0) {
        guard n > 0 else { return }
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(n), Int32(k), alpha, a, Int32(lda), beta, c, Int32(ldc))
    }

    /// The same product in double precision.
    public static func gemm(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Double>, lda: Int, transposeA: Bool = false,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Double>, ldc: Int,
        alpha: Double = 1, beta: Double = 0
    ) {
        guard m > 0, n > 0 else { return }
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
