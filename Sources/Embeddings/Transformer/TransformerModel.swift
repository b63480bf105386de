import LinearAlgebra
import CEncoderKernels
import Foundation

/// A transformer encoder of any ``Architecture/Family``: token ids in, contextual token embeddings (the
/// last hidden state) out.
///
/// Embeddings: word[id] (+ position[p]) (+ token_type[0]), LayerNorm. Each layer is one attention
/// sublayer and one feed-forward sublayer, wired as the architecture says:
/// - post-norm (BERT, RoBERTa, XLM-R, MPNet, DistilBERT): A = LN(Attn(X) W_o^T + b_o + X),
///   Y = LN(FF(A) + A);
/// - pre-norm (ModernBERT): A = X + Attn(LN(X)) W_o^T, Y = A + FF(LN(A)), then a final LN.
/// Attention is softmax(Q K^T / sqrt(d_head) + B) V per head over the sequence's own tokens, where B
/// is MPNet's relative position bias or ModernBERT's local window (0 inside, -1e30 outside), and
/// ModernBERT rotates Q and K by their positions first. FF is act(x W_i^T + b_i) W_2^T + b_2, or GeGLU.
/// Source: huggingface/transformers `models/*/modeling_*.py` of each family (eval mode).
///
/// Sequences are packed without padding. The products over all rows of a batch are split into row
/// slices, one per core; attention runs one (sequence, head) pair per task.
/// - Complexity: O(L (n H^2 + n F H) + L sum(n_s^2) H) for n tokens in all, hidden size H,
///   feed-forward width F, L layers.
final class TransformerModel: Sendable {
    let config: TransformerConfig
    let weights: TransformerWeights
    /// The weights file, for error messages.
    let weightsPath: String
    /// ModernBERT: rotary tables of the global and the local layers.
    let rotary: (global: RotaryTable, local: RotaryTable)?
    /// Attention-score biases by key offset, per head: row h holds 2M - 1 values for offsets
    /// -(M - 1)...(M - 1), M = ``TransformerConfig/maxSequenceLength``. MPNet: its relative position
    /// bias; ModernBERT: one row, 0 within the local window and -1e30 outside (used on local layers).
    let offsetBias: [Float]

    init(config: TransformerConfig, weights: TransformerWeights, weightsPath: String) {
        self.config = config
        self.weights = weights
        self.weightsPath = weightsPath
        let span = config.maxSequenceLength
        if let settings = config.rotary {
            rotary = (RotaryTable(theta: settings.globalTheta, headSize: config.headSize, positions: span),
                      RotaryTable(theta: settings.localTheta, headSize: config.headSize, positions: span))
        } else {
            rotary = nil
        }
        let offsets = (-(span - 1))...(span - 1)
        if let table = weights.relativeAttentionBias {
            let heads = config.headCount
            offsetBias = (0..<heads).flatMap { head in
                offsets.map { table[RelativePositionBuckets.bucket(offset: $0) * heads + head] }
            }
        } else if let settings = config.rotary {
            offsetBias = offsets.map { abs($0) <= settings.halfWindow ? 0 : -1e30 }
        } else {
            offsetBias = []
        }
        _ = BLAS.singleThreaded
    }

    /// Loads `config.json` and `model.safetensors` from a folder.
    convenience init(folder: URL) throws {
        let config = try TransformerConfig(url: folder.appendingPathComponent("config.json"))
        let weightsURL = folder.appendingPathComponent("model.safetensors")
        try Self.requireSafetensors(weightsURL)
        let file = try SafetensorsFile(url: weightsURL)
        self.init(config: config, weights: try TransformerWeights(file: file, config: config), weightsPath: weightsURL.path)
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

    /// The packed rows of one forward pass: which sequence each row belongs to and where.
    struct Batch {
        let rows: Int
        let lengths: [Int]
        /// The first row of each sequence.
        let offsets: [Int]
        /// Each row's index within its sequence (the rotary position).
        let positions: [Int]
    }

    /// The last hidden states of each token sequence.
    ///
    /// Each sequence must hold 1 to ``TransformerConfig/maxSequenceLength`` ids below the vocabulary
    /// size. A `workspace` kept across calls saves allocating (and page-faulting) the scratch matrices
    /// per batch.
    func forward(_ sequences: [[Int32]], workspace: TransformerWorkspace? = nil) throws -> TokenStates {
        let hidden = config.hiddenSize
        let lengths = sequences.map(\.count)
        let rows = lengths.reduce(0, +)
        var tokens: [Int] = []
        var embeddingRows: [Int] = []
        var positions: [Int] = []
        var offsets: [Int] = []
        tokens.reserveCapacity(rows)
        embeddingRows.reserveCapacity(rows)
        positions.reserveCapacity(rows)
        for sequence in sequences {
            guard !sequence.isEmpty, sequence.count <= config.maxSequenceLength else {
                throw EmbeddingsError.invalidWeights(path: weightsPath, reason:
                    "a sequence of \(sequence.count) tokens does not fit the model's \(config.maxSequenceLength) positions")
            }
            offsets.append(tokens.count)
            var counted = 0
            for (position, id) in sequence.enumerated() {
                guard id >= 0, Int(id) < config.vocabSize else {
                    throw EmbeddingsError.invalidWeights(path: weightsPath, reason:
                        "token id \(id) is outside the vocabulary of \(config.vocabSize); does the tokenizer match the model?")
                }
                tokens.append(Int(id))
                positions.append(position)
                switch config.architecture.positions {
                case .absolute, .rotary:
                    embeddingRows.append(position)
                case .afterPadding(let padding):
                    if Int(id) != padding { counted += 1 }
                    embeddingRows.append(Int(id) == padding ? padding : padding + counted)
                }
            }
        }
        guard rows > 0 else { return TokenStates(values: [], width: hidden, lengths: lengths) }

        let batch = Batch(rows: rows, lengths: lengths, offsets: offsets, positions: positions)
        let buffers = workspace ?? TransformerWorkspace(config: config)
        buffers.reserve(rows: rows)
        embed(tokens: tokens, positions: embeddingRows, into: buffers.states)
        for (index, layer) in weights.layers.enumerated() {
            switch config.architecture.norm {
            case .post: runPostNorm(layer, index: index, batch: batch, buffers: buffers)
            case .pre: runPreNorm(layer, index: index, batch: batch, buffers: buffers)
            }
        }
        if let final = weights.finalNorm {
            Parallel.forEachSlice(of: rows, minimumSlice: 64) { slice in
                layerNorm(buffers.states + slice.lowerBound * hidden, rows: slice.count, bias: nil, residual: nil,
                          norm: final)
            }
        }
        return TokenStates(values: Array(UnsafeBufferPointer(start: buffers.states, count: rows * hidden)),
                           width: hidden, lengths: lengths)
    }

    /// word[id] + position[p] + token_type[0] (each where the family has it), then LayerNorm.
    private func embed(tokens: [Int], positions: [Int], into states: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        let zeros = [Float](repeating: 0, count: hidden)
        weights.wordEmbeddings.withUnsafeBufferPointer { words in
            (weights.positionEmbeddings ?? []).withUnsafeBufferPointer { places in
                (weights.tokenTypeEmbedding ?? zeros).withUnsafeBufferPointer { type in
                    Parallel.forEachSlice(of: tokens.count, minimumSlice: 64) { slice in
                        for row in slice {
                            let out = states + row * hidden
                            let word = words.baseAddress! + tokens[row] * hidden
                            if !places.isEmpty {
                                let place = places.baseAddress! + positions[row] * hidden
                                for i in 0..<hidden { out[i] = word[i] + place[i] + type[i] }
                            } else {
                                for i in 0..<hidden { out[i] = word[i] + type[i] }
                            }
                        }
                        layerNorm(states + slice.lowerBound * hidden, rows: slice.count, bias: nil, residual: nil,
                                  norm: weights.embeddingNorm)
                    }
                }
            }
        }
    }
}

/// Scratch matrices for forward passes, grown to the largest batch seen and reused: one per caller
/// (not shared between concurrent forward passes).
final class TransformerWorkspace {
    private let hidden: Int
    private let feedForward: Int
    private(set) var capacity = 0
    private(set) var states: UnsafeMutablePointer<Float>
    private(set) var qkv: UnsafeMutablePointer<Float>
    private(set) var context: UnsafeMutablePointer<Float>
    /// Post-norm: the attention sublayer's output; pre-norm: the normalised input of a sublayer.
    private(set) var attended: UnsafeMutablePointer<Float>
    private(set) var intermediate: UnsafeMutablePointer<Float>

    init(config: TransformerConfig) {
        hidden = config.hiddenSize
        feedForward = config.feedForwardWidth
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
        intermediate = .allocate(capacity: rows * feedForward)
    }

    private func release() {
        for buffer in [states, qkv, context, attended, intermediate] { buffer.deallocate() }
    }

    deinit { release() }
}
