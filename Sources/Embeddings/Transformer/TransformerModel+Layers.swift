import LinearAlgebra
import CEncoderKernels

/// One layer, in its two wirings, and the elementwise passes between the matrix products.
extension TransformerModel {
    /// A = LN(context W_o^T + b_o + X); Y = LN(FF(A) + b_2 + A), written over X.
    func runPostNorm(_ layer: TransformerLayerWeights, index: Int, batch: Batch, buffers: TransformerWorkspace) {
        let hidden = config.hiddenSize
        let states = buffers.states, attended = buffers.attended
        project(layer, layerIndex: index, batch: batch, buffers: buffers, normalize: false)
        attend(layerIndex: index, batch: batch, qkv: buffers.qkv, into: buffers.context)
        Parallel.forEachSlice(of: batch.rows, minimumSlice: 16) { slice in
            let first = slice.lowerBound
            let count = slice.count
            let input = states + first * hidden
            let middle = attended + first * hidden
            // The bias and residual are added in the LayerNorm's pass.
            linear(buffers.context + first * hidden, rows: count, inFeatures: hidden,
                   weight: layer.attentionOutputWeight, bias: nil, outFeatures: hidden, into: middle)
            layerNorm(middle, rows: count, bias: layer.attentionOutputBias, residual: input, norm: layer.attentionNorm!)
            feedForward(layer, from: middle, rows: count, intermediate: buffers.intermediate + first * config.feedForwardWidth,
                        into: input, accumulate: false, addBias: false)
            layerNorm(input, rows: count, bias: layer.feedForwardOutputBias, residual: middle, norm: layer.feedForwardNorm)
        }
    }

    /// A = X + Attn(LN(X)) W_o^T + b_o; Y = A + FF(LN(A)), accumulated into X (layer 0 has no first LN).
    func runPreNorm(_ layer: TransformerLayerWeights, index: Int, batch: Batch, buffers: TransformerWorkspace) {
        let hidden = config.hiddenSize
        let states = buffers.states, attended = buffers.attended
        project(layer, layerIndex: index, batch: batch, buffers: buffers, normalize: true)
        attend(layerIndex: index, batch: batch, qkv: buffers.qkv, into: buffers.context)
        Parallel.forEachSlice(of: batch.rows, minimumSlice: 16) { slice in
            let first = slice.lowerBound
            let count = slice.count
            let residual = states + first * hidden
            let normed = attended + first * hidden
            linear(buffers.context + first * hidden, rows: count, inFeatures: hidden, weight: layer.attentionOutputWeight,
                   bias: layer.attentionOutputBias, outFeatures: hidden, into: residual, accumulate: true)
            normalize(residual, rows: count, into: normed, norm: layer.feedForwardNorm)
            feedForward(layer, from: normed, rows: count, intermediate: buffers.intermediate + first * config.feedForwardWidth,
                        into: residual, accumulate: true, addBias: true)
        }
    }

    /// Q|K|V = X' W_qkv^T + b for every row, X' the rows or (pre-norm) their attention norm; then, for
    /// rotary models, the queries and keys turned by their positions.
    private func project(_ layer: TransformerLayerWeights, layerIndex: Int, batch: Batch, buffers: TransformerWorkspace,
                         normalize usesNorm: Bool) {
        let hidden = config.hiddenSize
        let table = rotary.map { config.isLocal(layer: layerIndex) ? $0.local : $0.global }
        Parallel.forEachSlice(of: batch.rows, minimumSlice: 16) { slice in
            var input = UnsafePointer(buffers.states + slice.lowerBound * hidden)
            if usesNorm, let norm = layer.attentionNorm {
                let normed = buffers.attended + slice.lowerBound * hidden
                normalize(buffers.states + slice.lowerBound * hidden, rows: slice.count, into: normed, norm: norm)
                input = UnsafePointer(normed)
            }
            let qkv = buffers.qkv + slice.lowerBound * 3 * hidden
            linear(input, rows: slice.count, inFeatures: hidden, weight: layer.qkvWeight, bias: layer.qkvBias,
                   outFeatures: 3 * hidden, into: qkv)
            if let table {
                batch.positions.withUnsafeBufferPointer { positions in
                    table.cos.withUnsafeBufferPointer { cos in
                        table.sin.withUnsafeBufferPointer { sin in
                            tl_rotary(qkv, slice.count, 3 * hidden, hidden, config.headCount, config.headSize,
                                      positions.baseAddress! + slice.lowerBound, cos.baseAddress!, sin.baseAddress!)
                        }
                    }
                }
            }
        }
    }

    /// output (+)= FF(input) for `rows` rows: act(input W_i^T + b_i) (or its GeGLU) W_2^T, plus b_2 when
    /// `addBias` (post-norm layers add b_2 in their LayerNorm's pass instead).
    private func feedForward(_ layer: TransformerLayerWeights, from input: UnsafePointer<Float>, rows: Int,
                             intermediate: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>,
                             accumulate: Bool, addBias: Bool) {
        let hidden = config.hiddenSize
        let width = config.feedForwardWidth
        linear(input, rows: rows, inFeatures: hidden, weight: layer.feedForwardInputWeight, bias: nil,
               outFeatures: width, into: intermediate)
        activate(intermediate, rows: rows, bias: layer.feedForwardInputBias)
        linear(intermediate, rows: rows, inFeatures: config.intermediateSize, inputStride: width,
               weight: layer.feedForwardOutputWeight, bias: addBias ? layer.feedForwardOutputBias : nil,
               outFeatures: hidden, into: output, accumulate: accumulate)
    }

    /// `x = act(x + bias)` over `rows` rows of the intermediate size, or for a gated block, the first
    /// half of each row `act(x + b) * (gate + b')`; the exact GELU in one fused pass.
    private func activate(_ x: UnsafeMutablePointer<Float>, rows: Int, bias: [Float]?) {
        let inner = config.intermediateSize
        let activation = config.hiddenActivation
        let gated = config.architecture.feedForward == .gated
        let width = config.feedForwardWidth
        withOptionalPointer(bias) { bias in
            switch (gated, activation == .geluErf) {
            case (false, true):
                if let bias {
                    tl_bias_gelu_erf(x, bias, rows, inner)
                } else {
                    let zeros = [Float](repeating: 0, count: inner)
                    tl_bias_gelu_erf(x, zeros, rows, inner)
                }
            case (true, true):
                tl_bias_geglu_erf(x, bias, rows, inner)
            case (false, false), (true, false):
                for row in 0..<rows {
                    let line = x + row * width
                    if let bias { for i in 0..<width { line[i] += bias[i] } }
                    for i in 0..<inner {
                        line[i] = gated ? activation(line[i]) * line[inner + i] : activation(line[i])
                    }
                }
            }
        }
    }

    func linear(_ input: UnsafePointer<Float>, rows: Int, inFeatures: Int, inputStride: Int? = nil,
                weight: [Float], bias: [Float]?, outFeatures: Int, into output: UnsafeMutablePointer<Float>,
                accumulate: Bool = false) {
        weight.withUnsafeBufferPointer { weight in
            withOptionalPointer(bias) { bias in
                BLAS.linear(input, rows: rows, inFeatures: inFeatures, inputStride: inputStride,
                            weight: weight.baseAddress!, bias: bias, outFeatures: outFeatures, into: output,
                            accumulate: accumulate)
            }
        }
    }

    /// x = LayerNorm(x + bias + residual) * weight + shift over each row, biased variance, in one pass
    /// per row; `bias` and `residual` are optional, and so is the norm's shift.
    func layerNorm(_ x: UnsafeMutablePointer<Float>, rows count: Int, bias: [Float]?,
                   residual: UnsafePointer<Float>?, norm: NormWeights) {
        norm.weight.withUnsafeBufferPointer { weight in
            withOptionalPointer(norm.bias) { shift in
                withOptionalPointer(bias) { bias in
                    tl_bias_residual_layernorm(x, bias, residual, weight.baseAddress, shift,
                                               count, config.hiddenSize, config.layerNormEpsilon)
                }
            }
        }
    }

    /// out = LayerNorm(x) * weight + shift over each row, x unchanged.
    private func normalize(_ x: UnsafePointer<Float>, rows count: Int, into out: UnsafeMutablePointer<Float>,
                           norm: NormWeights) {
        norm.weight.withUnsafeBufferPointer { weight in
            withOptionalPointer(norm.bias) { shift in
                tl_layernorm_into(x, out, weight.baseAddress, shift, count, config.hiddenSize, config.layerNormEpsilon)
            }
        }
    }
}

/// Calls `body` with a pointer to the array's floats, or nil for no array.
func withOptionalPointer<R>(_ values: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
    guard let values else { return body(nil) }
    return values.withUnsafeBufferPointer { body($0.baseAddress) }
}
