import Foundation
import Testing
@testable import Embeddings

/// A fine-tuned folder over its base's Transformer (what `tunelens finetune` writes) shares the base's
/// stage: the Transformer runs once for both, in one run (``StageSharing``) and across runs (the
/// store), and each model's embeddings stay what it gives alone, bit for bit.
@Suite("models that share a Transformer")
struct StageSharingTests {
    static let texts = Fixtures.tinyExpected.texts + ["a text only this suite encodes", "heart attack", "x"]

    /// A copy of the tiny model (Transformer, Pooling, Dense 32 -> 16, Normalize) with a Dense 16 -> 16
    /// adapter layer and a Normalize appended, as `tunelens finetune` lays it out; `seed` varies its weights.
    static func adapterFolder(seed: Int, modify: (URL) throws -> Void = { _ in }) throws -> URL {
        let folder = try Fixtures.tinyCopy()
        try modify(folder)
        let dense = folder.appendingPathComponent("4_Dense"), normalize = folder.appendingPathComponent("5_Normalize")
        try FileManager.default.createDirectory(at: dense, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: normalize, withIntermediateDirectories: true)
        try Data(#"{"in_features": 16, "out_features": 16, "bias": true, "activation_function": "torch.nn.modules.activation.Tanh"}"#.utf8)
            .write(to: dense.appendingPathComponent("config.json"))
        let weight = (0..<256).map { Float(($0 * 37 + seed * 11) % 23 - 11) / 40 }
        let bias = (0..<16).map { Float(($0 + seed) % 5) / 10 }
        try SafetensorsWriter.write([.init(name: "linear.weight", shape: [16, 16], values: weight),
                                     .init(name: "linear.bias", shape: [16], values: bias)],
                                    to: dense.appendingPathComponent("model.safetensors"))
        try Data("{}".utf8).write(to: normalize.appendingPathComponent("config.json"))
        let manifest = folder.appendingPathComponent("modules.json")
        var modules = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [[String: Any]])
        modules.append(["idx": 4, "name": "4", "path": "4_Dense", "type": "sentence_transformers.models.Dense"])
        modules.append(["idx": 5, "name": "5", "path": "5_Normalize", "type": "sentence_transformers.models.Normalize"])
        try JSONSerialization.data(withJSONObject: modules).write(to: manifest)
        return folder
    }

    static func load(_ folder: URL) throws -> SentenceTransformerEncoder {
        try SentenceTransformerEncoder(folder: folder, name: folder.lastPathComponent)
    }

    @Test("an adapter folder has its base's stage digest but a digest and embeddings of its own")
    func adapterSharesTheStage() throws {
        let base = try Self.load(Fixtures.tiny)
        let adapter = try Self.load(try Self.adapterFolder(seed: 1))
        #expect(!base.stageDigest.isEmpty)
        #expect(adapter.stageDigest == base.stageDigest, "copied files, another folder and other times: same content")
        #expect(adapter.digest != base.digest)
        #expect(try adapter.encode(Self.texts) != base.encode(Self.texts))
    }

    @Test("another Transformer, max length, tokenizer or pooling is another stage",
          arguments: ["weights", "max length", "tokenizer", "pooling"])
    func otherStages(change: String) throws {
        let base = try Self.load(Fixtures.tiny)
        let other = try Self.load(try Self.adapterFolder(seed: 1) { folder in
            switch change {
            case "weights":
                // One byte of the last tensor's data: still a valid file, another Transformer.
                let url = folder.appendingPathComponent("model.safetensors")
                var bytes = try Data(contentsOf: url)
                bytes[bytes.count - 2] ^= 0x01
                try bytes.write(to: url)
            case "max length":
                try Data(#"{"max_seq_length": 8, "do_lower_case": false}"#.utf8)
                    .write(to: folder.appendingPathComponent("sentence_bert_config.json"))
            case "tokenizer":
                let url = folder.appendingPathComponent("tokenizer_config.json")
                try (Data(contentsOf: url) + Data("\n".utf8)).write(to: url)
            default:
                try Data(#"{"embedding_dimension": 32, "pooling_mode": "cls"}"#.utf8)
                    .write(to: folder.appendingPathComponent("1_Pooling/config.json"))
            }
        })
        #expect(other.stageDigest != base.stageDigest)
        let sharing = StageSharing(models: [base, other])
        #expect(!sharing.sharesAnything)
        _ = try sharing.encode(Self.texts, prompt: nil, with: base, progress: nil)
        let rows = try sharing.encode(Self.texts, prompt: nil, with: other, progress: nil)
        #expect(other.lastWork.texts == Self.texts.count, "the other Transformer ran")
        #expect(rows == (try Self.load(other.folder).encode(Self.texts)))
    }

    @Test("in one run the Transformer runs once, and each model's embeddings are its own alone, bit for bit")
    func oneRun() throws {
        let adapterFolder = try Self.adapterFolder(seed: 2)
        let baseAlone = try Self.load(Fixtures.tiny).encode(Self.texts)
        let adapterAlone = try Self.load(adapterFolder).encode(Self.texts)

        let base = try Self.load(Fixtures.tiny), adapter = try Self.load(adapterFolder)
        let sharing = StageSharing(models: [base, adapter])
        #expect(sharing.sharesAnything)
        var reported: [(Int, Int)] = []
        let baseRows = try sharing.encode(Self.texts, prompt: nil, with: base, progress: nil)
        let adapterRows = try sharing.encode(Self.texts, prompt: nil, with: adapter) { reported.append(($0, $1)) }
        #expect(baseRows == baseAlone)
        #expect(adapterRows == adapterAlone)
        #expect(base.lastWork.texts == Self.texts.count)
        #expect(adapter.lastWork.texts == 0, "the adapter ran no Transformer")
        #expect(reported.last.map { $0 == (Self.texts.count, Self.texts.count) } == true)

        // Another prompt is another stage input: computed again.
        _ = try sharing.encode(Self.texts, prompt: "query: ", with: adapter, progress: nil)
        #expect(adapter.lastWork.texts == Self.texts.count)
    }

    @Test("across runs, the store holds the stage: a second adapter over the base encodes nothing")
    func acrossRuns() throws {
        let folder = try Fixtures.temporaryFolder()
        let first = try Self.adapterFolder(seed: 3), second = try Self.adapterFolder(seed: 4)

        let base = try Self.load(Fixtures.tiny)
        let baseRows = try CachedEncoder(base, store: EmbeddingStore(directory: folder)).encode(Self.texts)
        #expect(baseRows == (try Self.load(Fixtures.tiny).encode(Self.texts)))
        for adapter in [first, second] {
            // A new process: new encoders over the same cache folder.
            let store = try EmbeddingStore(directory: folder)
            let model = try Self.load(adapter)
            let cached = CachedEncoder(model, store: store)
            #expect(try cached.encode(Self.texts) == Self.load(adapter).encode(Self.texts),
                    "the stored stage finished by the adapter's head is the adapter's embedding, bit for bit")
            #expect(cached.lastMisses == 0 && model.lastWork.texts == 0, "no Transformer ran")
            #expect(try store.count(model: model.digest) == 0, "nothing is stored under a whole model's digest")
        }
        #expect(try EmbeddingStore(directory: folder).count(model: base.stageDigest) == Set(Self.texts).count)
    }

    @Test("stage rows stored from other batches give the adapter's embeddings to float rounding")
    func otherBatches() throws {
        // The Transformer's rounding depends on which sequences share its matrix products, as it always
        // has for cached embeddings; the head adds nothing to that.
        let folder = try Fixtures.temporaryFolder()
        let adapter = try Self.adapterFolder(seed: 5)
        _ = try CachedEncoder(try Self.load(Fixtures.tiny), store: EmbeddingStore(directory: folder)).encode(Array(Self.texts.prefix(4)))
        let cached = CachedEncoder(try Self.load(adapter), store: try EmbeddingStore(directory: folder))
        let rows = try cached.encode(Self.texts)
        #expect(cached.lastHits == 4 && cached.lastMisses == Set(Self.texts).count - 4)
        for (row, alone) in zip(rows, try Self.load(adapter).encode(Self.texts)) {
            #expect(maxAbsDifference(row, alone) <= 1e-6)
        }
    }

    @Test("a head's output for a row does not depend on the rows that come with it")
    func headIsRowwise() throws {
        let adapter = try Self.load(try Self.adapterFolder(seed: 6))
        let stage = try adapter.encodeStage(Self.texts, prompt: nil, progress: nil)
        let together = adapter.applyHead(stage)
        #expect(stage.indices.map { adapter.applyHead([stage[$0]])[0] } == together)
        #expect(adapter.applyHead(Array(stage[3...])) == Array(together[3...]))
    }
}
