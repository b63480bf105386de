import LinearAlgebra

extension BLAS {
    /// `output[r] = input[r] W^T + bias` for `rows` rows: a PyTorch `nn.Linear` with weight `[out, in]`.
    ///
    /// With `accumulate`, the product (and bias) is added to what `output` holds: a residual connection
    /// `x + f(x)` in the same pass. Input rows are `inputStride` floats apart (default `inFeatures`), so a
    /// product can read the first half of wider rows.
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, inFeatures: Int, inputStride: Int? = nil,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, outFeatures: Int,
        into output: UnsafeMutablePointer<Float>, accumulate: Bool = false
    ) {
        if let bias {
            for row in 0..<rows {
                let line = output + row * outFeatures
                if accumulate {
                    for i in 0..<outFeatures { line[i] += bias[i] }
                } else {
                    line.update(from: bias, count: outFeatures)
                }
            }
        }
        gemm(m: rows, n: outFeatures, k: inFeatures, a: input, lda: inputStride ?? inFeatures,
             b: weight, ldb: inFeatures, transposeB: true, c: output, ldc: outFeatures,
             beta: bias != nil || accumulate ? 1 : 0)
    }
}
