import Foundation

/// Turns a sequence's token embeddings into one sentence embedding.
///
/// Modes, as sentence-transformers computes them on right-padded batches: `cls` the first token;
/// `max` the elementwise maximum over tokens; `mean` sum / max(n, 1e-9); `mean_sqrt_len_tokens`
/// sum / sqrt(n); `weightedmean` weights token t (1-based) by t; `lasttoken` the last token. Several
/// modes are concatenated in the configured order.
///
/// With `include_prompt: false`, the first `promptLength` tokens of each sequence (the prompt's, as
/// sentence-transformers counts them) are masked out first: `cls` takes the first token after them,
/// `lasttoken` the last, the means and the maximum skip them, and `weightedmean` keeps the remaining
/// tokens' weights t. A sequence with no token left pools to zeros (the maximum to -infinity), as the
/// masked tensors do there.
/// Source: sentence-transformers `sentence_transformer/modules/pooling.py` (`_forward_padded`,
/// `_exclude_prompt_from_mask`).
struct Pooling: Equatable, Sendable {
    enum Mode: String, CaseIterable, Sendable {
        case cls
        case max
        case mean
        case meanSquareRootLength = "mean_sqrt_len_tokens"
        case weightedMean = "weightedmean"
        case lastToken = "lasttoken"
    }

    /// The order of the legacy boolean keys, which is the concatenation order they imply.
    static let legacyKeys: [(key: String, mode: Mode)] = [
        ("pooling_mode_cls_token", .cls),
        ("pooling_mode_max_tokens", .max),
        ("pooling_mode_mean_tokens", .mean),
        ("pooling_mode_mean_sqrt_len_tokens", .meanSquareRootLength),
        ("pooling_mode_weightedmean_tokens", .weightedMean),
        ("pooling_mode_lasttoken", .lastToken),
    ]

    let modes: [Mode]
    let embeddingDimension: Int
    /// `include_prompt`: false leaves the prompt's tokens out of the pooled embedding.
    let includePrompt: Bool

    var outputDimension: Int { modes.count * embeddingDimension }

    init(modes: [Mode], embeddingDimension: Int, includePrompt: Bool = true) {
        precondition(!modes.isEmpty, "pooling needs at least one mode")
        self.modes = modes
        self.embeddingDimension = embeddingDimension
        self.includePrompt = includePrompt
    }

    /// Reads a Pooling `config.json`: the `pooling_mode` string or list (sentence-transformers 6), else
    /// the `pooling_mode_*` booleans (older folders); no mode at all means mean pooling.
    init(config json: JSONConfig) throws {
        let dimension = try json.int("embedding_dimension") ?? json.int("word_embedding_dimension")
        guard let dimension, dimension > 0 else {
            throw EmbeddingsError.invalidConfig(path: json.path, reason: "missing \"embedding_dimension\"")
        }
        var names: [String] = []
        if json.has("pooling_mode") {
            if let single = json.values["pooling_mode"] as? String {
                names = [single]
            } else if let list = json.values["pooling_mode"] as? [Any], let strings = list as? [String], !strings.isEmpty {
                names = strings
            } else {
                throw EmbeddingsError.invalidConfig(
                    path: json.path, reason: "\"pooling_mode\" must be a mode name or a non-empty list of them")
            }
        } else {
            for (key, mode) in Self.legacyKeys where try json.bool(key) == true {
                names.append(mode.rawValue)
            }
            if names.isEmpty { names = [Mode.mean.rawValue] }
        }
        let modes = try names.map { name -> Mode in
            guard let mode = Mode(rawValue: name == "mean_sqrt_len" ? Mode.meanSquareRootLength.rawValue : name) else {
                let valid = Mode.allCases.map(\.rawValue).joined(separator: ", ")
                throw EmbeddingsError.invalidConfig(path: json.path, reason: "unknown pooling mode \"\(name)\" (valid: \(valid))")
            }
            return mode
        }
        self.init(modes: modes, embeddingDimension: dimension, includePrompt: try json.bool("include_prompt") ?? true)
    }

    /// One pooled vector per sequence of `states`, whose first `promptLength` tokens are a prompt's.
    func pool(_ states: TokenStates, promptLength: Int = 0) -> [[Float]] {
        precondition(states.width == embeddingDimension, "pooling width does not match the token embeddings")
        let width = embeddingDimension
        let skipped = includePrompt ? 0 : max(0, promptLength)
        return (0..<states.sequenceCount).map { sequence in
            let rows = states.rows(of: sequence)
            let length = states.lengths[sequence]
            let start = rows.startIndex
            let kept = skipped..<Swift.max(skipped, length)
            var output: [Float] = []
            output.reserveCapacity(outputDimension)
            for mode in modes {
                switch mode {
                case .cls:
                    let first = kept.isEmpty ? 0 : kept.lowerBound
                    output += rows[(start + first * width)..<(start + (first + 1) * width)]
                case .lastToken:
                    if kept.isEmpty {
                        output += [Float](repeating: 0, count: width)
                    } else {
                        output += rows[(start + (length - 1) * width)..<(start + length * width)]
                    }
                case .max:
                    var best = [Float](repeating: -.infinity, count: width)
                    for t in kept {
                        for i in 0..<width { best[i] = Swift.max(best[i], rows[start + t * width + i]) }
                    }
                    output += best
                case .mean, .meanSquareRootLength, .weightedMean:
                    var sum = [Float](repeating: 0, count: width)
                    var weightSum: Float = 0
                    for t in kept {
                        let weight: Float = mode == .weightedMean ? Float(t + 1) : 1
                        weightSum += weight
                        for i in 0..<width { sum[i] += weight * rows[start + t * width + i] }
                    }
                    let denominator = Swift.max(weightSum, 1e-9)
                    let divisor = mode == .meanSquareRootLength ? denominator.squareRoot() : denominator
                    output += sum.map { $0 / divisor }
                }
            }
            return output
        }
    }
}
