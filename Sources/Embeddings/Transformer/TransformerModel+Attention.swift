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
    /// `relative` offset biases (2 length - 1 of them) or none: one vectorised pass, no BLAS call.
    private func attend(sequenceOffset: Int, length: Int, head: Int, relative: UnsafePointer<Float>?,
                        qkv: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        let size = config.headSize
        tl_attention_head(qkv + sequenceOffset * 3 * hidden, length, 3 * hidden, hidden, head * size, size,
                          1 / Float(size).squareRoot(), relative, context + sequenceOffset * hidden, hidden)
    }
}
