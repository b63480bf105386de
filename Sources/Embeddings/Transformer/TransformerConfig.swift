import Foundation

/// The hyperparameters of a transformer encoder, read from a Hugging Face `config.json`, and the
/// ``Architecture`` its `model_type` names.
///
/// Keys and defaults follow each family's `configuration_*.py` in huggingface/transformers: DistilBERT
/// says `dim`, `n_layers`, `n_heads`, `hidden_dim`, `activation` and has no eps key (its LayerNorms use
/// 1e-12); ModernBERT says `hidden_activation`, `norm_eps`, `norm_bias`, and describes its attention by
/// `layer_types` + `rope_parameters` (transformers 5) or `global_attn_every_n_layers` +
/// `global_rope_theta` / `local_rope_theta` (the configs on the Hub).
struct TransformerConfig: Equatable, Sendable {
    /// ModernBERT's attention: rotary embeddings everywhere, a local window on some layers.
    struct Rotary: Equatable, Sendable {
        /// The RoPE base of global (full-attention) layers, and of local (sliding-window) ones.
        var globalTheta: Float
        var localTheta: Float
        /// `local_attention / 2`: a local layer's query attends to keys at most this many tokens away.
        var halfWindow: Int
        /// One entry per layer: true when it attends to the whole sequence.
        var globalLayers: [Bool]
    }

    var architecture: Architecture
    var vocabSize: Int
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    var intermediateSize: Int
    var maxPositions: Int
    /// Rows of the token-type table (0 when the family has none).
    var typeVocabSize: Int
    var layerNormEpsilon: Float
    var hiddenActivation: Activation
    /// LayerNorms have a bias (false for ModernBERT's `norm_bias: false`).
    var normBias = true
    /// The attention's projections have biases (ModernBERT: `attention_bias`).
    var attentionBias = true
    /// The feed-forward projections have biases (ModernBERT: `mlp_bias`).
    var feedForwardBias = true
    /// Rows of MPNet's `relative_attention_bias` table.
    var relativeBucketRows = 0
    var rotary: Rotary?

    var headSize: Int { hiddenSize / headCount }

    /// The width of the feed-forward block's first product: twice the intermediate size for GeGLU.
    var feedForwardWidth: Int { architecture.feedForward == .gated ? 2 * intermediateSize : intermediateSize }

    /// The most tokens one sequence may hold: RoBERTa-style positions start after the padding index.
    var maxSequenceLength: Int {
        if case .afterPadding(let index) = architecture.positions { return max(1, maxPositions - index - 1) }
        return maxPositions
    }

    /// Floating-point operations of the linear layers per token: layers x 2 (4 H^2 + H F + I H), F the
    /// first feed-forward width.
    var linearFLOPsPerToken: Double {
        let hidden = Double(hiddenSize), inner = Double(intermediateSize), first = Double(feedForwardWidth)
        return Double(layerCount) * 2 * (4 * hidden * hidden + hidden * first + inner * hidden)
    }

    /// Whether layer `index` attends only within ``Rotary/halfWindow`` tokens.
    func isLocal(layer index: Int) -> Bool {
        guard let rotary else { return false }
        return !rotary.globalLayers[index]
    }

    /// A BERT configuration, for tests and tools.
    init(bert vocabSize: Int, hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int,
         maxPositions: Int, typeVocabSize: Int = 2, layerNormEpsilon: Float = 1e-12,
         hiddenActivation: Activation = .geluErf) {
        architecture = .of(.bert)
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.typeVocabSize = typeVocabSize
        self.layerNormEpsilon = layerNormEpsilon
        self.hiddenActivation = hiddenActivation
    }

    /// Reads `config.json`; a `model_type` outside ``Architecture/Family`` is a one-line error naming it.
    init(url: URL) throws {
        let json = try JSONConfig(url: url)
        let path = url.path
        let supported = Architecture.Family.allCases.map(\.displayName).joined(separator: ", ")
        guard let modelType = try json.string("model_type") else {
            throw EmbeddingsError.unsupportedModel(path: path, reason:
                "no \"model_type\"; tunelens runs \(supported); use precomputed embeddings for other models")
        }
        guard let family = Architecture.Family(rawValue: modelType) else {
            throw EmbeddingsError.unsupportedModel(path: path, reason:
                "model_type \"\(modelType)\" is not one tunelens runs (\(supported)); use precomputed embeddings for it")
        }
        var architecture = Architecture.of(family)
        if family == .bert || family == .roberta || family == .xlmRoberta,
           let positions = try json.string("position_embedding_type"), positions != "absolute" {
            throw EmbeddingsError.unsupportedModel(path: path, reason: "position_embedding_type \"\(positions)\" is not \"absolute\"")
        }
        if family == .roberta || family == .xlmRoberta {
            architecture = architecture.withPaddingIndex(try json.int("pad_token_id") ?? 1)
        }
        self.architecture = architecture

        let isDistil = family == .distilbert
        vocabSize = try json.requiredInt("vocab_size")
        hiddenSize = try json.requiredInt(isDistil && json.has("dim") ? "dim" : "hidden_size")
        layerCount = try json.requiredInt(isDistil && json.has("n_layers") ? "n_layers" : "num_hidden_layers", atLeast: 0)
        headCount = try json.requiredInt(isDistil && json.has("n_heads") ? "n_heads" : "num_attention_heads")
        intermediateSize = try json.requiredInt(isDistil ? "hidden_dim" : "intermediate_size")
        maxPositions = try json.int("max_position_embeddings") ?? (family == .modernbert ? 8192 : 512)
        typeVocabSize = architecture.tokenTypes ? try json.int("type_vocab_size") ?? 2 : 0
        switch family {
        case .distilbert: layerNormEpsilon = 1e-12
        case .modernbert: layerNormEpsilon = Float(try json.double("norm_eps") ?? 1e-5)
        default: layerNormEpsilon = Float(try json.double("layer_norm_eps") ?? 1e-12)
        }
        let activationKey = isDistil ? "activation" : family == .modernbert ? "hidden_activation" : "hidden_act"
        let activationName = try json.string(activationKey) ?? "gelu"
        guard let activation = Activation(huggingFaceName: activationName) else {
            throw EmbeddingsError.unsupportedModel(path: path, reason: "\(activationKey) \"\(activationName)\" is not supported")
        }
        hiddenActivation = activation
        guard hiddenSize % headCount == 0 else {
            throw EmbeddingsError.invalidConfig(
                path: path, reason: "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
        guard !architecture.tokenTypes || typeVocabSize >= 1 else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "type_vocab_size must be at least 1")
        }
        if family == .mpnet {
            relativeBucketRows = try json.int("relative_attention_num_buckets") ?? 32
            guard relativeBucketRows >= RelativePositionBuckets.count else {
                throw EmbeddingsError.unsupportedModel(path: path, reason:
                    "relative_attention_num_buckets \(relativeBucketRows) is below the \(RelativePositionBuckets.count) buckets MPNet uses")
            }
        }
        if family == .modernbert {
            normBias = try json.bool("norm_bias") ?? false
            attentionBias = try json.bool("attention_bias") ?? false
            feedForwardBias = try json.bool("mlp_bias") ?? false
            rotary = try Self.rotary(json, layerCount: layerCount)
            guard headSize % 2 == 0 else {
                throw EmbeddingsError.invalidConfig(path: path, reason: "rotary embeddings need an even head size, not \(headSize)")
            }
        }
    }

    /// ModernBERT's layer pattern and RoPE bases, in either config format.
    private static func rotary(_ json: JSONConfig, layerCount: Int) throws -> Rotary {
        let path = json.path
        var globalLayers: [Bool]
        if json.has("layer_types") {
            guard let types = json.values["layer_types"] as? [String], types.count == layerCount,
                  types.allSatisfy({ $0 == "full_attention" || $0 == "sliding_attention" }) else {
                throw EmbeddingsError.invalidConfig(path: path, reason:
                    "\"layer_types\" must list \"full_attention\" or \"sliding_attention\" for each of the \(layerCount) layers")
            }
            globalLayers = types.map { $0 == "full_attention" }
        } else {
            let every = try json.int("global_attn_every_n_layers") ?? 3
            guard every >= 1 else {
                throw EmbeddingsError.invalidConfig(path: path, reason: "\"global_attn_every_n_layers\" must be at least 1")
            }
            globalLayers = (0..<layerCount).map { $0 % every == 0 }
        }
        var theta = (global: try json.double("global_rope_theta") ?? 160_000, local: try json.double("local_rope_theta") ?? 10_000)
        if let parameters = json.values["rope_parameters"] as? [String: Any] {
            for (key, isGlobal) in [("full_attention", true), ("sliding_attention", false)] {
                guard let entry = parameters[key] as? [String: Any] else { continue }
                if let type = entry["rope_type"] as? String, type != "default" {
                    throw EmbeddingsError.unsupportedModel(path: path, reason: "rope_type \"\(type)\" of \(key) is not supported")
                }
                if let value = (entry["rope_theta"] as? NSNumber)?.doubleValue {
                    if isGlobal { theta.global = value } else { theta.local = value }
                }
            }
        }
        if let scaling = json.values["rope_scaling"], !(scaling is NSNull) {
            throw EmbeddingsError.unsupportedModel(path: path, reason: "rope_scaling is not supported")
        }
        let window = try json.int("local_attention") ?? 128
        guard window >= 0, theta.global > 0, theta.local > 0 else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "local_attention and the RoPE bases must be positive")
        }
        return Rotary(globalTheta: Float(theta.global), localTheta: Float(theta.local), halfWindow: window / 2,
                      globalLayers: globalLayers)
    }
}
