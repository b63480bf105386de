import Foundation

/// A LayerNorm's scale and, unless the model has bias-free norms, its shift.
struct NormWeights: Sendable {
    var weight: [Float]
    var bias: [Float]?
}

/// The parameters of one transformer layer, linear weights `[out, in]` row-major.
struct TransformerLayerWeights: Sendable {
    /// Query, key and value weights stacked into one `[3H, H]` matrix (one product instead of three).
    var qkvWeight: [Float]
    var qkvBias: [Float]?
    var attentionOutputWeight: [Float]
    var attentionOutputBias: [Float]?
    /// Post-norm: after the attention; pre-norm: before it (nil where the layer has none).
    var attentionNorm: NormWeights?
    /// `[F, H]`, F the intermediate size (twice it for a gated block).
    var feedForwardInputWeight: [Float]
    var feedForwardInputBias: [Float]?
    /// `[H, I]`.
    var feedForwardOutputWeight: [Float]
    var feedForwardOutputBias: [Float]?
    var feedForwardNorm: NormWeights
}

/// The parameters of a transformer encoder read from a safetensors checkpoint, by the names of
/// ``WeightNames``.
///
/// A checkpoint may put the base model's prefix (`bert.`, `roberta.`, ...) before every name, and old
/// BERT ones call LayerNorm parameters `gamma`/`beta`. Poolers, LM heads and `position_ids` are ignored.
struct TransformerWeights: Sendable {
    var wordEmbeddings: [Float]
    /// nil for rotary models.
    var positionEmbeddings: [Float]?
    /// The row of token type 0, the only type a single text uses; nil when the family has none.
    var tokenTypeEmbedding: [Float]?
    var embeddingNorm: NormWeights
    var layers: [TransformerLayerWeights]
    /// Pre-norm models: the norm after the last layer.
    var finalNorm: NormWeights?
    /// MPNet: `[buckets, heads]`, shared by every layer.
    var relativeAttentionBias: [Float]?

    init(file: SafetensorsFile, config: TransformerConfig) throws {
        let architecture = config.architecture
        let names = architecture.names
        let hidden = config.hiddenSize
        let prefix = file.tensors[names.wordEmbeddings + ".weight"] == nil
            && file.tensors[names.prefix + names.wordEmbeddings + ".weight"] != nil ? names.prefix : ""

        func tensor(_ name: String, _ shape: [Int], alternative: String? = nil) throws -> [Float] {
            var chosen = prefix + name
            if file.tensors[chosen] == nil, let alternative { chosen = prefix + alternative }
            guard let info = file.tensors[chosen], let values = try file.floats(chosen) else {
                throw EmbeddingsError.invalidWeights(path: file.path, reason: "missing tensor \"\(prefix + name)\"")
            }
            guard info.shape == shape else {
                throw EmbeddingsError.invalidWeights(
                    path: file.path, reason: "tensor \"\(chosen)\" has shape \(info.shape), config.json implies \(shape)")
            }
            return values
        }
        func norm(_ name: String) throws -> NormWeights {
            NormWeights(weight: try tensor(name + ".weight", [hidden], alternative: name + ".gamma"),
                        bias: config.normBias ? try tensor(name + ".bias", [hidden], alternative: name + ".beta") : nil)
        }
        func linear(_ name: String, out: Int, in width: Int, bias: Bool) throws -> (weight: [Float], bias: [Float]?) {
            (try tensor(name + ".weight", [out, width]), bias ? try tensor(name + ".bias", [out]) : nil)
        }

        wordEmbeddings = try tensor(names.wordEmbeddings + ".weight", [config.vocabSize, hidden])
        positionEmbeddings = try names.positionEmbeddings.map { try tensor($0 + ".weight", [config.maxPositions, hidden]) }
        tokenTypeEmbedding = architecture.tokenTypes
            ? Array(try tensor(names.tokenTypeEmbeddings + ".weight", [config.typeVocabSize, hidden]).prefix(hidden))
            : nil
        embeddingNorm = try norm(names.embeddingNorm)
        relativeAttentionBias = architecture.relativeAttentionBias
            ? try tensor(names.relativeAttentionBias + ".weight", [config.relativeBucketRows, config.headCount])
            : nil
        finalNorm = architecture.norm == .pre ? try norm(names.finalNorm) : nil
        layers = try (0..<config.layerCount).map { index in
            let layer = names.layer(index)
            var qkv: (weight: [Float], bias: [Float]?)
            switch layer.projections {
            case .separate(let query, let key, let value):
                qkv = ([], config.attentionBias ? [] : nil)
                for name in [query, key, value] {
                    let part = try linear(name, out: hidden, in: hidden, bias: config.attentionBias)
                    qkv.weight += part.weight
                    if let bias = part.bias { qkv.bias! += bias }
                }
            case .fused(let name):
                qkv = try linear(name, out: 3 * hidden, in: hidden, bias: config.attentionBias)
            }
            let output = try linear(layer.attentionOutput, out: hidden, in: hidden, bias: config.attentionBias)
            let expand = try linear(layer.feedForwardInput, out: config.feedForwardWidth, in: hidden,
                                    bias: config.feedForwardBias)
            let contract = try linear(layer.feedForwardOutput, out: hidden, in: config.intermediateSize,
                                      bias: config.feedForwardBias)
            return TransformerLayerWeights(
                qkvWeight: qkv.weight, qkvBias: qkv.bias,
                attentionOutputWeight: output.weight, attentionOutputBias: output.bias,
                attentionNorm: try layer.attentionNorm.map(norm),
                feedForwardInputWeight: expand.weight, feedForwardInputBias: expand.bias,
                feedForwardOutputWeight: contract.weight, feedForwardOutputBias: contract.bias,
                feedForwardNorm: try norm(layer.feedForwardNorm))
        }
    }
}
