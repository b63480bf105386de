import LinearAlgebra
import CEncoderKernels
import Foundation

/// A BERT encoder: token ids in, contextual token embeddings (the last hidden state) out.
///
/// Embeddings: word[id] + position[t] + token_type[0], LayerNorm. Each layer (post-LayerNorm):
/// Q, K, V = X W^T + b; per head softmax(Q K^T / sqrt(d_head)) V over the sequence's own tokens;
/// A = LN(context W_o^T + b_o + X); Y = LN(act(A W_i^T + b_i) W_2^T + b_2 + A).
/// Source: huggingface/transformers `models/bert/modeling_bert.py` (`BertModel`, eval mode).
///
/// Sequences are packed without padding. The products over all rows of a batch are split into row
/// slices, one per core; attention runs one (sequence, head) pair per task.
/// - Complexity: O(L (n H^2 + n I H) + L sum(n_s^2) H) for n tokens in all, hidden size H,
///   intermediate size I, L layers.
final class BertModel: Sendable {
    let config: BertConfig
    let weights: BertWeights
    /// The weights file, for error messages.
    let weightsPath: String

    init(config: BertConfig, weights: BertWeights, weightsPath: String) {
        self.config = config
        self.weights = weights
        self.weightsPath = weightsPath
        _ = BLAS.singleThreaded
    }

    /// Loads `config.json` and `model.safetensors` from a folder.
    convenience init(folder: URL) throws {
        let config = try BertConfig(url: folder.appendingPathComponent("config.json"))
        let weightsURL = folder.appendingPathComponent("model.safetensors")
        try Self.requireSafetensors(weightsURL)
        let file = try SafetensorsFile(url: weightsURL)
        self.init(config: config, weights: try BertWeights(file: file, config: config), weightsPath: weightsURL.path)
    }

    /// Throws a clear error when a folder has PyTorch pickles instead of safetensors.
    static func requireSafetensors(_ url: URL) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        let pickle = url.deletingLastPathComponent().appendingPathComponent("pytorch_model.bin")
        if FileManager.default.fileExists(atPath: pickle.path) {
            throw EmbeddingsError.unsupportedModel(
                path: pickle.path, reason: "only PyTorch pickle weights; convert them to model.safetensors")
        }
        throw EmbeddingsError.missingFile(path: url.path)
    }

    /// The last hidden states of each token sequence.
    ///
    /// Each sequence must hold 1 to `max_position_embeddings` ids below the vocabulary size. A
    /// `workspace` kept across calls saves allocating (and page-faulting) the scratch matrices per batch.
    func forward(_ sequences: [[Int32]], workspace: BertWorkspace? = nil) throws -> TokenStates {
        let hidden = config.hiddenSize
        let lengths = sequences.map(\.count)
        let rows = lengths.reduce(0, +)
        var tokens: [Int] = []
        var positions: [Int] = []
        tokens.reserveCapacity(rows)
        positions.reserveCapacity(rows)
        for sequence in sequences {
            guard !sequence.isEmpty, sequence.count <= config.maxPositions else {
                throw EmbeddingsError.invalidWeights(path: weightsPath, reason:
                    "a sequence of \(sequence.count) tokens does not fit the model's \(config.maxPositions) positions")
            }
            for (position, id) in sequence.enumerated() {
                guard id >= 0, Int(id) < config.vocabSize else {
                    throw EmbeddingsError.invalidWeights(path: weightsPath, reason:
                        "token id \(id) is outside the vocabulary of \(config.vocabSize); does the tokenizer match the model?")
                }
                tokens.append(Int(id))
                positions.append(position)
            }
        }
        guard rows > 0 else { return TokenStates(values: [], width: hidden, lengths: lengths) }

        let buffers = workspace ?? BertWorkspace(config: config)
        buffers.reserve(rows: rows)
        embed(tokens: tokens, positions: positions, into: buffers.states)
        var offsets: [Int] = []
        var running = 0
        for length in lengths {
            offsets.append(running)
            running += length
        }
        for layer in weights.layers {
            run(layer, rows: rows, lengths: lengths, offsets: offsets, buffers: buffers)
        }
        return TokenStates(values: Array(UnsafeBufferPointer(start: buffers.states, count: rows * hidden)),
                           width: hidden, lengths: lengths)
    }

    // MARK: - Steps

    private func embed(tokens: [Int], positions: [Int], into states: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        weights.wordEmbeddings.withUnsafeBufferPointer { words in
            weights.positionEmbeddings.withUnsafeBufferPointer { places in
                weights.tokenTypeEmbedding.withUnsafeBufferPointer { type in
                    Parallel.forEachSlice(of: tokens.count, minimumSlice: 64) { slice in
                        for row in slice {
                            let out = states + row * hidden
                            let word = words.baseAddress! + tokens[row] * hidden
                            let place = places.baseAddress! + positions[row] * hidden
                            for i in 0..<hidden { out[i] = word[i] + place[i] + type[i] }
                        }
                        layerNorm(states + slice.lowerBound * hidden, rows: slice.count, bias: nil, residual: nil,
                                  weight: weights.embeddingNormWeight, shift: weights.embeddingNormBias)
                    }
                }
            }
        }
    }

    private func run(_ layer: BertLayerWeights, rows: Int, lengths: [Int], offsets: [Int], buffers: BertWorkspace) {
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        let states = buffers.states, qkv = buffers.qkv, context = buffers.context
        let attended = buffers.attended, intermediate = buffers.intermediate

        Parallel.forEachSlice(of: rows, minimumSlice: 16) { slice in
            linear(states + slice.lowerBound * hidden, rows: slice.count, inFeatures: hidden,
                   weight: layer.qkvWeight, bias: layer.qkvBias, outFeatures: 3 * hidden,
                   into: qkv + slice.lowerBound * 3 * hidden)
        }

        let heads = config.headCount
        Parallel.forEach(lengths.count * heads) { job in
            attend(sequenceOffset: offsets[job / heads], length: lengths[job / heads], head: job % heads,
                   qkv: qkv, into: context)
        }

        Parallel.forEachSlice(of: rows, minimumSlice: 16) { slice in
            let first = slice.lowerBound
            let count = slice.count
            let input = states + first * hidden
            let middle = attended + first * hidden
            // A = LN(context W_o^T + b_o + X): the bias and residual are added in the LayerNorm's pass.
            linear(context + first * hidden, rows: count, inFeatures: hidden,
                   weight: layer.attentionOutputWeight, bias: nil, outFeatures: hidden, into: middle)
            layerNorm(middle, rows: count, bias: layer.attentionOutputBias, residual: input,
                      weight: layer.attentionNormWeight, shift: layer.attentionNormBias)

            let expanded = intermediate + first * inner
            linear(middle, rows: count, inFeatures: hidden,
                   weight: layer.intermediateWeight, bias: nil, outFeatures: inner, into: expanded)
            activate(expanded, rows: count, bias: layer.intermediateBias)

            // Y = LN(act(...) W_2^T + b_2 + A), written over X, which is no longer needed.
            linear(expanded, rows: count, inFeatures: inner,
                   weight: layer.outputWeight, bias: nil, outFeatures: hidden, into: input)
            layerNorm(input, rows: count, bias: layer.outputBias, residual: middle,
                      weight: layer.outputNormWeight, shift: layer.outputNormBias)
        }
    }

    /// `x = act(x + bias)` over `rows` rows of the intermediate size; the exact GELU in one fused pass.
    private func activate(_ x: UnsafeMutablePointer<Float>, rows: Int, bias: [Float]) {
        let width = config.intermediateSize
        bias.withUnsafeBufferPointer { bias in
            if config.hiddenActivation == .geluErf {
                tl_bias_gelu_erf(x, bias.baseAddress!, rows, width)
                return
            }
            for row in 0..<rows {
                let line = x + row * width
                for i in 0..<width { line[i] += bias[i] }
            }
            config.hiddenActivation.apply(to: UnsafeMutableBufferPointer(start: x, count: rows * width))
        }
    }

    /// Scaled dot-product attention of one head over one sequence's rows of the packed Q|K|V matrix.
    private func attend(sequenceOffset: Int, length: Int, head: Int,
                        qkv: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        let size = config.headSize
        let stride = 3 * hidden
        let query = qkv + sequenceOffset * stride + head * size
        let scale = 1 / Float(size).squareRoot()
        if length <= Int(TL_ATTENTION_MAX_LENGTH), size <= Int(TL_ATTENTION_MAX_SIZE) {
            // Short sequences (most texts): one vectorised pass, no BLAS call overhead.
            tl_attention_head(qkv + sequenceOffset * stride, length, stride, hidden, head * size, size, scale,
                              context + sequenceOffset * hidden, hidden)
            return
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: length * length) { buffer in
            let scores = buffer.baseAddress!
            BLAS.gemm(m: length, n: length, k: size, a: query, lda: stride, b: query + hidden, ldb: stride,
                      transposeB: true, c: scores, ldc: length, alpha: scale)
            tl_softmax_rows(scores, length, length, length)
            BLAS.gemm(m: length, n: size, k: length, a: scores, lda: length, b: query + 2 * hidden, ldb: stride,
                      transposeB: false, c: context + sequenceOffset * hidden + head * size, ldc: hidden)
        }
    }

    private func linear(_ input: UnsafePointer<Float>, rows: Int, inFeatures: Int,
                        weight: [Float], bias: [Float]?, outFeatures: Int, into output: UnsafeMutablePointer<Float>) {
        weight.withUnsafeBufferPointer { weight in
            guard let bias else {
                BLAS.linear(input, rows: rows, inFeatures: inFeatures, weight: weight.baseAddress!,
                            bias: nil, outFeatures: outFeatures, into: output)
                return
            }
            bias.withUnsafeBufferPointer { bias in
                BLAS.linear(input, rows: rows, inFeatures: inFeatures, weight: weight.baseAddress!,
                            bias: bias.baseAddress, outFeatures: outFeatures, into: output)
            }
        }
    }

    /// x = LayerNorm(x + bias + residual) * weight + shift over each row, biased variance, in one pass
    /// per row; `bias` and `residual` are optional.
    private func layerNorm(_ x: UnsafeMutablePointer<Float>, rows count: Int, bias: [Float]?,
                           residual: UnsafePointer<Float>?, weight: [Float], shift: [Float]) {
        weight.withUnsafeBufferPointer { weight in
            shift.withUnsafeBufferPointer { shift in
                if let bias {
                    bias.withUnsafeBufferPointer { bias in
                        tl_bias_residual_layernorm(x, bias.baseAddress, residual, weight.baseAddress, shift.baseAddress,
                                                   count, config.hiddenSize, config.layerNormEpsilon)
                    }
                } else {
                    tl_bias_residual_layernorm(x, nil, residual, weight.baseAddress, shift.baseAddress,
                                               count, config.hiddenSize, config.layerNormEpsilon)
                }
            }
        }
    }
}

/// Scratch matrices for forward passes, grown to the largest batch seen and reused: one per caller
/// (not shared between concurrent forward passes).
final class BertWorkspace {
    private let hidden: Int
    private let inner: Int
    private(set) var capacity = 0
    private(set) var states: UnsafeMutablePointer<Float>
    private(set) var qkv: UnsafeMutablePointer<Float>
    private(set) var context: UnsafeMutablePointer<Float>
    private(set) var attended: UnsafeMutablePointer<Float>
    private(set) var intermediate: UnsafeMutablePointer<Float>

    init(config: BertConfig) {
        hidden = config.hiddenSize
        inner = config.intermediateSize
        states = .allocate(capacity: 0)
        qkv = .allocate(capacity: 0)
        context = .allocate(capacity: 0)
        attended = .allocate(capacity: 0)
        intermediate = .allocate(capacity: 0)
    }

    /// Makes room for `rows` token rows.
    func reserve(rows: Int) {
        guard rows > capacity else { return }
        release()
        capacity = rows
        states = .allocate(capacity: rows * hidden)
        qkv = .allocate(capacity: rows * 3 * hidden)
        context = .allocate(capacity: rows * hidden)
        attended = .allocate(capacity: rows * hidden)
        intermediate = .allocate(capacity: rows * inner)
    }

    private func release() {
        for buffer in [states, qkv, context, attended, intermediate] { buffer.deallocate() }
    }

    deinit { release() }
}
