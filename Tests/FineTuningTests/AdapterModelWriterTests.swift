import Foundation
import Testing
@testable import Embeddings
@testable import FineTuning

@Suite("Writing the sentence-transformers folder")
struct AdapterModelWriterTests {
    /// A minimal base folder: the files the writer must carry over, and the modules it must keep.
    static func fakeBase() throws -> URL {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("tunelens-ft-base-\(UUID().uuidString)")
        try fm.createDirectory(at: base.appendingPathComponent("1_Pooling"), withIntermediateDirectories: true)
        let modules = """
        [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
         {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
         {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]
        """
        try Data(modules.utf8).write(to: base.appendingPathComponent("modules.json"))
        try Data("{\"hidden_size\": 4}".utf8).write(to: base.appendingPathComponent("config.json"))
        try Data("{\"pooling_mode_mean_tokens\": true}".utf8).write(to: base.appendingPathComponent("1_Pooling/config.json"))
        try Data("base model card".utf8).write(to: base.appendingPathComponent("README.md"))
        return base
    }

    static func record(_ adapter: Adapter) -> TrainingRecord {
        let result = TrainingResult(adapter: adapter, log: [], bestEpoch: 1, epochsRun: 1, steps: 2,
                                    initialValidationLoss: 0.5, bestValidationLoss: 0.25, finalTrainingLoss: 0.2,
                                    finalValidationLoss: 0.25, stoppedEarly: false, seconds: 0.1)
        return TrainingRecord(tool: "tunelens test", baseModel: .init(name: "base", digest: "abc"),
                              trainFile: .init(name: "train.jsonl", digest: "def"), validationFile: nil,
                              validationFraction: 0.1, trainingPairs: 9, validationPairs: 1, distinctTexts: 20,
                              configuration: TrainingConfiguration(), result: result, encodeSeconds: 1)
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    @Test("modules.json keeps the base modules, then one Dense per layer and a final Normalize")
    func layout() throws {
        let base = try Self.fakeBase()
        let out = base.deletingLastPathComponent().appendingPathComponent("tunelens-ft-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base); try? FileManager.default.removeItem(at: out) }
        let adapter = Adapter.mlp(dimension: 4, hidden: 8, activation: .tanh, seed: 3)
        let log = [TrainingLogEntry(step: 1, epoch: 0.5, loss: 0.3, learningRate: 1e-3, validationLoss: nil),
                   TrainingLogEntry(step: 2, epoch: 1, loss: 0.2, learningRate: 0, validationLoss: 0.25)]
        try AdapterModelWriter.write(adapter: adapter, baseFolder: base, log: log, record: Self.record(adapter),
                                     to: out, force: false)

        let modules = try #require(try Self.json(out.appendingPathComponent("modules.json")) as? [[String: Any]])
        #expect(modules.map { $0["path"] as? String } == ["", "1_Pooling", "2_Normalize", "3_Dense", "4_Dense", "5_Normalize"])
        #expect(modules.map { $0["idx"] as? Int } == [0, 1, 2, 3, 4, 5])
        #expect(modules.last?["type"] as? String == "sentence_transformers.models.Normalize")

        let first = try #require(try Self.json(out.appendingPathComponent("3_Dense/config.json")) as? [String: Any])
        #expect(first["in_features"] as? Int == 4 && first["out_features"] as? Int == 8)
        #expect(first["bias"] as? Bool == true)
        #expect(first["activation_function"] as? String == "torch.nn.modules.activation.Tanh")
        #expect(Set(first.keys) == ["in_features", "out_features", "bias", "activation_function"])
        let second = try #require(try Self.json(out.appendingPathComponent("4_Dense/config.json")) as? [String: Any])
        #expect(second["activation_function"] as? String == "torch.nn.modules.linear.Identity")

        let weights = try SafetensorsFile(url: out.appendingPathComponent("3_Dense/model.safetensors"))
        #expect(weights.tensors["linear.weight"]?.shape == [8, 4])
        #expect(try weights.floats("linear.weight") == adapter.layers[0].weight)
        #expect(try weights.floats("linear.bias") == adapter.layers[0].bias)

        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("1_Pooling/config.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("README.md").path))
        let logLines = try String(contentsOf: out.appendingPathComponent("training_log.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(logLines.count == 2)
        #expect(logLines[1] == #"{"epoch":1,"learning_rate":0,"loss":0.2,"step":2,"validation_loss":0.25}"#)
        let record = try #require(try Self.json(out.appendingPathComponent("tunelens_training.json")) as? [String: Any])
        #expect(record["loss"] as? String == "CosineSimilarityLoss")
        #expect(record["best_epoch"] as? Int == 1)
        // The base model's files are never modified: the base modules.json is untouched.
        let baseModules = try #require(try Self.json(base.appendingPathComponent("modules.json")) as? [[String: Any]])
        #expect(baseModules.count == 3)
    }

    @Test("a non-empty output folder is refused without force and replaced with it")
    func refusesOverwrite() throws {
        let base = try Self.fakeBase()
        let out = base.deletingLastPathComponent().appendingPathComponent("tunelens-ft-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base); try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let adapter = Adapter.linear(dimension: 4)
        #expect(throws: FineTuningError.outputExists(path: out.standardizedFileURL.path)) {
            try AdapterModelWriter.write(adapter: adapter, baseFolder: base, log: [], record: Self.record(adapter),
                                         to: out, force: false)
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("notes.txt").path))
        try AdapterModelWriter.write(adapter: adapter, baseFolder: base, log: [], record: Self.record(adapter),
                                     to: out, force: true)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("notes.txt").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("3_Dense/model.safetensors").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(out.lastPathComponent)") }
        #expect(leftovers.isEmpty)
    }

    @Test("a base folder without modules.json is a one-line error and writes nothing")
    func missingModules() throws {
        let base = try Self.fakeBase()
        try FileManager.default.removeItem(at: base.appendingPathComponent("modules.json"))
        let out = base.deletingLastPathComponent().appendingPathComponent("tunelens-ft-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let adapter = Adapter.linear(dimension: 4)
        #expect(throws: FineTuningError.self) {
            try AdapterModelWriter.write(adapter: adapter, baseFolder: base, log: [], record: Self.record(adapter),
                                         to: out, force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
