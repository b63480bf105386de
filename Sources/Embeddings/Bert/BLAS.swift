import CBLAS
import Foundation

/// The encoder's only door to BLAS: single-precision matrix products on row-major buffers.
///
/// The encoder splits work across cores itself (rows of a batch, attention heads), so OpenBLAS is asked
/// to run each call on the calling thread; two layers of threading on two cores would oversubscribe.
enum BLAS {
    /// Makes OpenBLAS run every call on the calling thread. Process-wide; idempotent.
    static let singleThreaded: Void = {
        openblas_set_num_threads(1)
    }()

    /// C = alpha * A * op(B) + beta * C, row-major, with leading dimensions (row strides) given.
    ///
    /// `A` is `m x k`; `B` is `n x k` when `transposeB` (so `op(B) = B^T`), else `k x n`; `C` is `m x n`.
    static func gemm(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        alpha: Float = 1, beta: Float = 0
    ) {
        guard m > 0, n > 0 else { return }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `output[r] = input[r] W^T + bias` for `rows` rows: a PyTorch `nn.Linear` with weight `[out, in]`.
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, inFeatures: Int,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, outFeatures: Int,
        into output: UnsafeMutablePointer<Float>
    ) {
        if let bias {
            for row in 0..<rows {
                (output + row * outFeatures).update(from: bias, count: outFeatures)
            }
        }
        gemm(m: rows, n: outFeatures, k: inFeatures, a: input, lda: inFeatures,
             b: weight, ldb: inFeatures, transposeB: true, c: output, ldc: outFeatures,
             beta: bias == nil ? 0 : 1)
    }
}
