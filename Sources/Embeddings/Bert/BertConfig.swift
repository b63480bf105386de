import Foundation

/// The hyperparameters of a BERT encoder, read from a Hugging Face `config.json`.
///
/// Source: huggingface/transformers `models/bert/configuration_bert.py`.
struct BertConfig: Equatable, Sendable {
    var vocabSize: Int
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    var intermediateSize: Int
    var maxPositions: Int
    var typeVocabSize: Int
    var layerNormEpsilon: Float
    var hiddenActivation: Activation

    var headSize: Int { hiddenSize / headCount }

    init(vocabSize: Int, hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int,
         maxPositions: Int, typeVocabSize: Int = 2, layerNormEpsilon: Float = 1e-12,
         hiddenActivation: Activation = .geluErf) {
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

    /// Reads `config.json`; anything but an absolute-position BERT is a clear error naming the file.
    init(url: URL) throws {
        let json = try JSONConfig(url: url)
        let path = url.path
        guard let modelType = try json.string("model_type") else {
            throw EmbeddingsError.unsupportedModel(path: path, reason: "no \"model_type\"; only BERT models can be encoded")
        }
        guard modelType == "bert" else {
            throw EmbeddingsError.unsupportedModel(
                path: path, reason: "model_type \"\(modelType)\" is not \"bert\"; use precomputed embeddings for other architectures")
        }
        if let positions = try json.string("position_embedding_type"), positions != "absolute" {
            throw EmbeddingsError.unsupportedModel(path: path, reason: "position_embedding_type \"\(positions)\" is not \"absolute\"")
        }
        vocabSize = try json.requiredInt("vocab_size")
        hiddenSize = try json.requiredInt("hidden_size")
        layerCount = try json.requiredInt("num_hidden_layers", atLeast: 0)
        headCount = try json.requiredInt("num_attention_heads")
        intermediateSize = try json.requiredInt("intermediate_size")
        maxPositions = try json.requiredInt("max_position_embeddings")
        typeVocabSize = try json.int("type_vocab_size") ?? 2
        layerNormEpsilon = Float(try json.double("layer_norm_eps") ?? 1e-12)
        let activationName = try json.string("hidden_act") ?? "gelu"
        guard let activation = Activation(huggingFaceName: activationName) else {
            throw EmbeddingsError.unsupportedModel(path: path, reason: "hidden_act \"\(activationName)\" is not supported")
        }
        hiddenActivation = activation
        guard hiddenSize % headCount == 0 else {
            throw EmbeddingsError.invalidConfig(
                path: path, reason: "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
        guard typeVocabSize >= 1 else {
            throw EmbeddingsError.invalidConfig(path: path, reason: "type_vocab_size must be at least 1")
        }
    }
}
