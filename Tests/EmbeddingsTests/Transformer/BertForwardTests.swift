import Foundation
import Testing
@testable import Embeddings

/// The forward pass against transformers + sentence-transformers on the tiny random BERT.
@Suite("BERT forward on the tiny model")
struct BertForwardTests {
    static let expected = Fixtures.tinyExpected
    static let model = try! TransformerModel(folder: Fixtures.tiny)

    static func meanPooled(_ model: TransformerModel) throws -> [[Float]] {
        Pooling(modes: [.mean], embeddingDimension: model.config.hiddenSize)
            .pool(try model.forward(expected.token_ids))
    }

    @Test("every pooling mode matches sentence-transformers", arguments: [
        ("cls", [Pooling.Mode.cls]), ("max", [.max]), ("mean", [.mean]),
        ("mean_sqrt_len_tokens", [.meanSquareRootLength]), ("weightedmean", [.weightedMean]),
        ("lasttoken", [.lastToken]), ("cls+max+mean", [.cls, .max, .mean]),
    ])
    func poolingModes(key: String, modes: [Pooling.Mode]) throws {
        let states = try Self.model.forward(Self.expected.token_ids)
        let pooled = Pooling(modes: modes, embeddingDimension: 32).pool(states)
        expectRows(pooled, try #require(Self.expected.pooling[key]), tolerance: 2e-5)
    }

    @Test("a sequence's embedding does not depend on its batch")
    func batchIndependence() throws {
        let ids = Self.expected.token_ids
        let together = Pooling(modes: [.mean], embeddingDimension: 32).pool(try Self.model.forward(ids))
        for (index, sequence) in ids.enumerated() {
            let alone = Pooling(modes: [.mean], embeddingDimension: 32).pool(try Self.model.forward([sequence]))
            #expect(maxAbsDifference(alone[0], together[index]) <= 1e-6)
        }
    }

    @Test("gelu_new uses the tanh form of GELU")
    func geluTanh() throws {
        var config = Self.model.config
        config.hiddenActivation = .geluTanh
        let model = TransformerModel(config: config, weights: Self.model.weights, weightsPath: Self.model.weightsPath)
        expectRows(try Self.meanPooled(model), Self.expected.gelu_new, tolerance: 2e-5)
        // The two forms differ enough that the check above could not pass by accident.
        #expect(maxAbsDifference(Self.expected.gelu_new[0], Self.expected.pooling["mean"]![0]) > 1e-4)
    }

    @Test("weight variants load", arguments: [
        ("prefixed.safetensors", "mean"), ("f16.safetensors", "f16"), ("bf16.safetensors", "bf16"),
    ])
    func variants(file: String, key: String) throws {
        let url = Fixtures.variants.appendingPathComponent(file)
        let weights = try TransformerWeights(file: SafetensorsFile(url: url), config: Self.model.config)
        let model = TransformerModel(config: Self.model.config, weights: weights, weightsPath: url.path)
        let expected: [[Float]] = switch key {
        case "f16": Self.expected.f16
        case "bf16": Self.expected.bf16
        default: Self.expected.pooling["mean"]!
        }
        expectRows(try Self.meanPooled(model), expected, tolerance: 2e-5)
    }

    @Test("Dense activations match sentence-transformers", arguments: ["identity", "tanh", "relu", "gelu", "sigmoid"])
    func dense(activation: String) throws {
        let dense = try Dense(folder: Fixtures.variants.appendingPathComponent("dense_\(activation)"))
        expectRows(dense.apply(try Self.meanPooled(Self.model)), try #require(Self.expected.dense[activation]),
                   tolerance: 2e-5)
    }

    @Test("token ids past the vocabulary or the positions are errors, not crashes")
    func badIDs() throws {
        #expect(throws: EmbeddingsError.self) { try Self.model.forward([[2, 999, 3]]) }
        #expect(throws: EmbeddingsError.self) { try Self.model.forward([[Int32](repeating: 5, count: 33)]) }
        #expect(throws: EmbeddingsError.self) { try Self.model.forward([[]]) }
    }
}
