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
    /// Each sequence must hold 1 to `max_position_embeddings` ids below the vocabulary size.
    func forward(_ sequences: [[Int32]]) throws -> TokenStates {
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

        let buffers = Workspace(rows: rows, config: config)
        defer { buffers.deallocate() }
        embed(tokens: tokens, positions: positions, into: buffers.states)
        var offsets: [Int] = []
        var running = 0
        for length in lengths {
            offsets.append(running)
            running += length
        }
        for layer in weights.layers {
            run(layer, lengths: lengths, offsets: offsets, buffers: buffers)
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
                        layerNorm(states + slice.lowerBound * hidden, rows: slice.count,
                                  weight: weights.embeddingNormWeight, bias: weights.embeddingNormBias)
                    }
                }
            }
        }
    }

    private func run(_ layer: BertLayerWeights, lengths: [Int], offsets: [Int], buffers: Workspace) {
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        let states = buffers.states, qkv = buffers.qkv, context = buffers.context
        let attended = buffers.attended, intermediate = buffers.intermediate

        Parallel.forEachSlice(of: buffers.rows, minimumSlice: 16) { slice in
            linear(states + slice.lowerBound * hidden, rows: slice.count, inFeatures: hidden,
                   weight: layer.qkvWeight, bias: layer.qkvBias, outFeatures: 3 * hidden,
                   into: qkv + slice.lowerBound * 3 * hidden)
        }

        let heads = config.headCount
        Parallel.forEach(lengths.count * heads) { job in
            attend(sequenceOffset: offsets[job / heads], length: lengths[job / heads], head: job % heads,
                   qkv: qkv, into: context)
        }

        Parallel.forEachSlice(of: buffers.rows, minimumSlice: 16) { slice in
            let first = slice.lowerBound
            let count = slice.count
            let input = states + first * hidden
            let middle = attended + first * hidden
            linear(context + first * hidden, rows: count, inFeatures: hidden,
                   weight: layer.attentionOutputWeight, bias: layer.attentionOutputBias, outFeatures: hidden,
                   into: middle)
            for i in 0..<(count * hidden) { middle[i] += input[i] }
            layerNorm(middle, rows: count, weight: layer.attentionNormWeight, bias: layer.attentionNormBias)

            let expanded = intermediate + first * inner
            linear(middle, rows: count, inFeatures: hidden,
                   weight: layer.intermediateWeight, bias: layer.intermediateBias, outFeatures: inner,
                   into: expanded)
            config.hiddenActivation.apply(to: UnsafeMutableBufferPointer(start: expanded, count: count * inner))

            linear(expanded, rows: count, inFeatures: inner,
                   weight: layer.outputWeight, bias: layer.outputBias, outFeatures: hidden, into: input)
            for i in 0..<(count * hidden) { input[i] += middle[i] }
            layerNorm(input, rows: count, weight: layer.outputNormWeight, bias: layer.outputNormBias)
        }
    }

    /// Scaled dot-product attention of one head over one sequence's rows of the packed Q|K|V matrix.
    private func attend(sequenceOffset: Int, length: Int, head: Int,
                        qkv: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        let size = config.headSize
        let stride = 3 * hidden
        let query = qkv + sequenceOffset * stride + head * size
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: length * length)
        defer { scores.deallocate() }
        BLAS.gemm(m: length, n: length, k: size, a: query, lda: stride, b: query + hidden, ldb: stride,
                  transposeB: true, c: scores, ldc: length, alpha: 1 / Float(size).squareRoot())
        for row in 0..<length {
            let line = scores + row * length
            var largest = -Float.infinity
            for j in 0..<length { largest = max(largest, line[j]) }
            var total: Float = 0
            for j in 0..<length {
                line[j] = expf(line[j] - largest)
                total += line[j]
            }
            let scale = 1 / total
            for j in 0..<length { line[j] *= scale }
        }
        BLAS.gemm(m: length, n: size, k: length, a: scores, lda: length, b: query + 2 * hidden, ldb: stride,
                  transposeB: false, c: context + sequenceOffset * hidden + head * size, ldc: hidden)
    }

    private func linear(_ input: UnsafePointer<Float>, rows: Int, inFeatures: Int,
                        weight: [Float], bias: [Float], outFeatures: Int, into output: UnsafeMutablePointer<Float>) {
        weight.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                BLAS.linear(input, rows: rows, inFeatures: inFeatures, weight: weight.baseAddress!,
                            bias: bias.baseAddress, outFeatures: outFeatures, into: output)
            }
        }
    }

    /// LayerNorm over each row: (x - mean) / sqrt(biased variance + eps) * weight + bias.
    private func layerNorm(_ rows: UnsafeMutablePointer<Float>, rows count: Int, weight: [Float], bias: [Float]) {
        let width = config.hiddenSize
        let epsilon = config.layerNormEpsilon
        for row in 0..<count {
            let x = rows + row * width
            var sum: Float = 0
            for i in 0..<width { sum += x[i] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for i in 0..<width {
                let centered = x[i] - mean
                squares += centered * centered
            }
            let inverse = 1 / (squares / Float(width) + epsilon).squareRoot()
            for i in 0..<width { x[i] = (x[i] - mean) * inverse * weight[i] + bias[i] }
        }
    }
}

/// Scratch matrices for one forward pass, allocated once per batch.
private struct Workspace {
    let rows: Int
    let states: UnsafeMutablePointer<Float>
    let qkv: UnsafeMutablePointer<Float>
    let context: UnsafeMutablePointer<Float>
    let attended: UnsafeMutablePointer<Float>
    let intermediate: UnsafeMutablePointer<Float>

    init(rows: Int, config: BertConfig) {
        self.rows = rows
        states = .allocate(capacity: rows * config.hiddenSize)
        qkv = .allocate(capacity: rows * 3 * config.hiddenSize)
        context = .allocate(capacity: rows * config.hiddenSize)
        attended = .allocate(capacity: rows * config.hiddenSize)
        intermediate = .allocate(capacity: rows * config.intermediateSize)
    }

    func deallocate() {
        for buffer in [states, qkv, context, attended, intermediate] { buffer.deallocate() }
    }
}
