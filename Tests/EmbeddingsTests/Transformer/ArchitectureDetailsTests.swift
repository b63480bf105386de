import Foundation
import Testing
@testable import Embeddings

/// The parts of each architecture that change numbers, one at a time, so a parity failure has a cause.
@Suite("architectures: the details that change numbers")
struct ArchitectureDetailsTests {
    /// The largest difference from sentence-transformers' embeddings of the texts without a prompt.
    static func parityError(_ modules: SentenceTransformerModules, _ name: String) throws -> Float {
        worstDifference(try modules.embed(tokenIDs: ArchitectureFixtures.model(name).ids), ArchitectureFixtures.model(name).raw)
    }

    static func model(_ name: String, editing edit: (inout TransformerConfig, inout TransformerWeights) -> Void) throws
        -> TransformerModel {
        let original = try TransformerModel(folder: ArchitectureFixtures.url(name))
        var config = original.config, weights = original.weights
        edit(&config, &weights)
        return TransformerModel(config: config, weights: weights, weightsPath: original.weightsPath)
    }

    /// The fixture's mean-pooled last hidden states, from the model as loaded and as edited.
    static func difference(_ name: String, edit: (inout TransformerConfig, inout TransformerWeights) -> Void) throws -> Float {
        let ids = ArchitectureFixtures.model(name).ids
        let original = try TransformerModel(folder: ArchitectureFixtures.url(name))
        let edited = try model(name, editing: edit)
        let pooling = Pooling(modes: [.mean], embeddingDimension: original.config.hiddenSize)
        return worstDifference(pooling.pool(try edited.forward(ids)), pooling.pool(try original.forward(ids)))
    }

    @Test("MPNet's relative position buckets equal torch's for offsets -300...300")
    func buckets() {
        let golden = ArchitectureFixtures.expected.mpnet_relative_buckets
        let ours = golden.buckets.indices.map { RelativePositionBuckets.bucket(offset: golden.first_offset + $0) }
        #expect(ours == golden.buckets)
        // Every bucket but 16 (a key after its query at distance 0, which cannot happen) is used.
        #expect(Set(golden.buckets) == Set(0..<32).subtracting([16]))
    }

    @Test("MPNet's relative position bias and ModernBERT's local window and rotary bases each matter")
    func eachDetailMatters() throws {
        // Without the bias table the texts' embeddings move: the parity test could not pass without it.
        #expect(try Self.difference("mpnet") { _, weights in
            weights.relativeAttentionBias = weights.relativeAttentionBias.map { $0.map { _ in 0 } }
        } > 1e-2)
        // A window wider than every text: the local layer attends globally.
        #expect(try Self.difference("modernbert") { config, _ in config.rotary!.halfWindow = 1000 } > 1e-3)
        // Local layers with the global base.
        #expect(try Self.difference("modernbert") { config, _ in config.rotary!.localTheta = config.rotary!.globalTheta } > 1e-3)
        // RoBERTa's positions start after the padding index, not at 0.
        #expect(try Self.difference("roberta") { config, _ in
            config.architecture = Architecture.of(.bert)
        } > 1e-2)
    }

    @Test("ModernBERT's Hub config keys (global_attn_every_n_layers, *_rope_theta) read as transformers 5's layer_types and rope_parameters")
    func modernBERTLegacyConfig() throws {
        let folder = try ArchitectureFixtures.copy("modernbert")
        let url = folder.appendingPathComponent("config.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        json["layer_types"] = nil
        json["rope_parameters"] = nil
        json["global_attn_every_n_layers"] = 2
        json["global_rope_theta"] = 160_000.0
        json["local_rope_theta"] = 10_000.0
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let legacy = try TransformerConfig(url: url)
        let current = try TransformerConfig(url: ArchitectureFixtures.url("modernbert").appendingPathComponent("config.json"))
        #expect(legacy == current)
        #expect(current.rotary == TransformerConfig.Rotary(globalTheta: 160_000, localTheta: 10_000, halfWindow: 4,
                                                           globalLayers: [true, false, true]))
        #expect(current.normBias == false && current.attentionBias == false && current.feedForwardBias == false)
    }

    @Test("each family's config keys and epsilons", arguments: [
        ("bert", Float(1e-12), 64), ("mpnet", 1e-5, 128), ("distilbert", 1e-12, 64), ("roberta", 1e-5, 64),
        ("xlm_roberta", 1e-5, 64), ("modernbert", 1e-5, 128),
    ])
    func configs(name: String, epsilon: Float, maxSequenceLength: Int) throws {
        let config = try TransformerConfig(url: ArchitectureFixtures.url(name).appendingPathComponent("config.json"))
        #expect(config.layerNormEpsilon == epsilon)
        #expect(config.maxSequenceLength == maxSequenceLength)
        #expect(config.hiddenSize == 32 && config.headCount == 4)
    }

    @Test("weights saved with the task model's prefix load as the base model's")
    func prefixedWeights() throws {
        for (name, prefix) in [("roberta", "roberta."), ("mpnet", "mpnet."), ("distilbert", "distilbert."), ("modernbert", "model.")] {
            let folder = try ArchitectureFixtures.copy(name)
            let url = folder.appendingPathComponent("model.safetensors")
            let file = try SafetensorsFile(url: url)
            let tensors = try file.tensors.keys.sorted().map { key in
                SafetensorsWriter.Tensor(name: prefix + key, shape: file.tensors[key]!.shape, values: try file.floats(key)!)
            }
            try SafetensorsWriter.encode(tensors).write(to: url)
            let modules = try SentenceTransformerModules(folder: folder)
            #expect(try Self.parityError(modules, name) <= 1e-5, "\(name)")
        }
    }

    @Test("a missing tensor names the tensor and the file")
    func missingTensor() throws {
        let folder = try ArchitectureFixtures.copy("modernbert")
        let url = folder.appendingPathComponent("model.safetensors")
        let file = try SafetensorsFile(url: url)
        let tensors = try file.tensors.keys.sorted().filter { $0 != "layers.1.attn_norm.weight" }.map { key in
            SafetensorsWriter.Tensor(name: key, shape: file.tensors[key]!.shape, values: try file.floats(key)!)
        }
        try SafetensorsWriter.encode(tensors).write(to: url)
        let error = #expect(throws: EmbeddingsError.self) { try SentenceTransformerModules(folder: folder) }
        #expect(error?.description == "\(url.path): missing tensor \"layers.1.attn_norm.weight\"")
    }
}
