import Foundation

/// The parameters of one post-LayerNorm BERT layer, linear weights `[out, in]` row-major.
struct BertLayerWeights: Sendable {
    /// Query, key and value weights stacked into one `[3H, H]` matrix (one product instead of three).
    var qkvWeight: [Float]
    var qkvBias: [Float]
    var attentionOutputWeight: [Float]
    var attentionOutputBias: [Float]
    var attentionNormWeight: [Float]
    var attentionNormBias: [Float]
    var intermediateWeight: [Float]
    var intermediateBias: [Float]
    var outputWeight: [Float]
    var outputBias: [Float]
    var outputNormWeight: [Float]
    var outputNormBias: [Float]
}

/// The parameters of a BERT encoder read from a safetensors checkpoint.
///
/// Tensor names follow huggingface/transformers `modeling_bert.py`; checkpoints saved from
/// `BertForPreTraining` and friends prefix them with `bert.`, and old ones call the LayerNorm
/// parameters `gamma`/`beta`. The pooler and `position_ids` are not needed and are ignored.
struct BertWeights: Sendable {
    var wordEmbeddings: [Float]
    var positionEmbeddings: [Float]
    /// The row of token type 0, the only type a single text uses.
    var tokenTypeEmbedding: [Float]
    var embeddingNormWeight: [Float]
    var embeddingNormBias: [Float]
    var layers: [BertLayerWeights]

    init(file: SafetensorsFile, config: BertConfig) throws {
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        let prefix = file.tensors["embeddings.word_embeddings.weight"] == nil
            && file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""

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
        func norm(_ name: String) throws -> (weight: [Float], bias: [Float]) {
            (try tensor(name + ".weight", [hidden], alternative: name + ".gamma"),
             try tensor(name + ".bias", [hidden], alternative: name + ".beta"))
        }

        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [config.vocabSize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, hidden])
        tokenTypeEmbedding = Array(try tensor("embeddings.token_type_embeddings.weight",
                                              [config.typeVocabSize, hidden]).prefix(hidden))
        (embeddingNormWeight, embeddingNormBias) = try norm("embeddings.LayerNorm")
        layers = try (0..<config.layerCount).map { index in
            let layer = "encoder.layer.\(index)."
            let attention = layer + "attention."
            var qkvWeight: [Float] = []
            var qkvBias: [Float] = []
            for part in ["query", "key", "value"] {
                qkvWeight += try tensor(attention + "self.\(part).weight", [hidden, hidden])
                qkvBias += try tensor(attention + "self.\(part).bias", [hidden])
            }
            let attentionNorm = try norm(attention + "output.LayerNorm")
            let outputNorm = try norm(layer + "output.LayerNorm")
            return BertLayerWeights(
                qkvWeight: qkvWeight, qkvBias: qkvBias,
                attentionOutputWeight: try tensor(attention + "output.dense.weight", [hidden, hidden]),
                attentionOutputBias: try tensor(attention + "output.dense.bias", [hidden]),
                attentionNormWeight: attentionNorm.weight, attentionNormBias: attentionNorm.bias,
                intermediateWeight: try tensor(layer + "intermediate.dense.weight", [inner, hidden]),
                intermediateBias: try tensor(layer + "intermediate.dense.bias", [inner]),
                outputWeight: try tensor(layer + "output.dense.weight", [hidden, inner]),
                outputBias: try tensor(layer + "output.dense.bias", [hidden]),
                outputNormWeight: outputNorm.weight, outputNormBias: outputNorm.bias)
        }
    }
}
