import LinearAlgebra
import CEncoderKernels

/// Scaled dot-product attention over packed sequences, with the score biases some families add.
extension TransformerModel {
    /// Runs every (sequence, head) pair of one layer, spread over the cores.
    func attend(layerIndex: Int, batch: Batch, qkv: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>) {
        let heads = config.headCount
        let usesBias = weights.relativeAttentionBias != nil || config.isLocal(layer: layerIndex)
        let span = config.maxSequenceLength
        offsetBias.withUnsafeBufferPointer { biases in
            Parallel.forEach(batch.lengths.count * heads) { job in
                let sequence = job / heads, head = job % heads
                let length = batch.lengths[sequence]
                var relative: UnsafePointer<Float>? = nil
                if usesBias {
                    // The 2 length - 1 offsets this sequence needs, -(length - 1)...(length - 1), are a
                    // contiguous run of the head's row (a local window's single row serves every head).
                    let row = weights.relativeAttentionBias != nil ? head : 0
                    let localWindowIsWider = weights.relativeAttentionBias == nil
                        && length - 1 <= (config.rotary?.halfWindow ?? 0)
                    if !localWindowIsWider {
                        relative = UnsafePointer(biases.baseAddress! + row * (2 * span - 1) + (span - length))
                    }
                }
                attend(sequenceOffset: batch.offsets[sequence], length: length, head: head, relative: relative,
                       qkv: qkv, into: context)
            }
        }
    }

    /// softmax(Q K^T scale + B) V of one head over one sequence's rows of the packed Q|K|V matrix, B the
    /// `relative` offset biases (2 length - 1 of them) or none.
    private func attend(sequenceOffset: Int, length: Int, head: Int, relative: UnsafePointer<Float>?,
                        qkv: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        let size = config.headSize
        let stride = 3 * hidden
        let query = qkv + sequenceOffset * stride + head * size
        let scale = 1 / Float(size).squareRoot()
        if length <= Int(TL_ATTENTION_MAX_LENGTH), size <= Int(TL_ATTENTION_MAX_SIZE) {
            // Short sequences (most texts): one vectorised pass, no BLAS call overhead.
            tl_attention_head(qkv + sequenceOffset * stride, length, stride, hidden, head * size, size, scale,
                              relative, context + sequenceOffset * hidden, hidden)
            return
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: length * length) { buffer in
            let scores = buffer.baseAddress!
            BLAS.gemm(m: length, n: length, k: size, a: query, lda: stride, b: query + hidden, ldb: stride,
                      transposeB: true, c: scores, ldc: length, alpha: scale)
            if let relative { tl_add_relative_bias(scores, length, length, relative) }
            tl_softmax_rows(scores, length, length, length)
            BLAS.gemm(m: length, n: size, k: length, a: scores, lda: length, b: query + 2 * hidden, ldb: stride,
                      transposeB: false, c: context + sequenceOffset * hidden + head * size, ldc: hidden)
        }
    }
}
