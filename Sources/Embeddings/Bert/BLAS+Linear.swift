import LinearAlgebra

extension BLAS {
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
