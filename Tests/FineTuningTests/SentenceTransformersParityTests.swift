import Embeddings
import Foundation
import Testing
@testable import FineTuning

/// Folders written by `tunelens finetune` load in sentence-transformers (Python) and give the embeddings
/// tunelens' encoder gives; and today's trainer still writes those very folders. The fixtures come from
/// scripts/fixtures/make_adapter_fixtures.py (a linear and an MLP adapter on the tiny random BERT).
@Suite("Adapter folders, as sentence-transformers reads them")
struct SentenceTransformersParityTests {
    struct Expected: Decodable {
        struct Run: Decodable {
            let modules: [String]
            let embeddings: [[Float]]
        }
        let texts: [String]
        let runs: [String: Run]
        let arguments: [String: [String]]
    }

    static let folder = Bundle.module.url(forResource: "adapters", withExtension: nil, subdirectory: "Resources")!
    static let tinyBase = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EmbeddingsTests/Resources/encoder/tiny")
    static let expected: Expected = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    @Test("tunelens' encoder gives sentence-transformers' embeddings of the saved folder", arguments: ["linear", "mlp"])
    func parity(_ name: String) throws {
        let run = try #require(Self.expected.runs[name])
        #expect(run.modules.last == "Normalize")
        let encoder = try EncoderLoader.load(Self.folder.appendingPathComponent(name).path)
        let rows = try encoder.encode(Self.expected.texts, progress: nil)
        #expect(rows.count == run.embeddings.count)
        for (index, (row, reference)) in zip(rows, run.embeddings).enumerated() {
            let difference = zip(row, reference).map { abs($0 - $1) }.max() ?? .infinity
            let cosine = zip(row, reference).map { Double($0) * Double($1) }.reduce(0, +)
            #expect(row.count == reference.count && difference <= 1e-5 && cosine >= 0.99999,
                    "\(name) text \(index): max |diff| \(difference), cosine \(cosine)")
        }
    }

    @Test("training again with the same settings writes the same adapter weights", arguments: ["linear", "mlp"])
    func retrain(_ name: String) throws {
        let arguments = try #require(Self.expected.arguments[name])
        var options: [String: String] = [:]
        for index in stride(from: 0, to: arguments.count - 1, by: 2) { options[arguments[index]] = arguments[index + 1] }
        var configuration = TrainingConfiguration()
        configuration.adapter = try #require(options["--adapter"].flatMap(AdapterKind.init(rawValue:)))
        configuration.hidden = options["--hidden"].flatMap(Int.init)
        configuration.epochs = try #require(options["--epochs"].flatMap(Int.init))
        configuration.learningRate = try #require(options["--lr"].flatMap(Double.init))
        configuration.seed = try #require(options["--seed"].flatMap(UInt64.init))

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-retrain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let job = FineTuningJob(base: Self.tinyBase.path, trainFile: Self.folder.appendingPathComponent("train.jsonl"),
                                configuration: configuration, output: output, tool: "tunelens test")
        _ = try job.run()
        let committed = Self.folder.appendingPathComponent(name)
        let dense = try FileManager.default.contentsOfDirectory(atPath: committed.path).filter { $0.hasSuffix("_Dense") }.sorted()
        #expect(dense.count == (name == "mlp" ? 3 : 2), "the base's Dense and the adapter's")
        for module in dense {
            for file in ["model.safetensors", "config.json"] {
                let expected = try Data(contentsOf: committed.appendingPathComponent(module).appendingPathComponent(file))
                let written = try Data(contentsOf: output.appendingPathComponent(module).appendingPathComponent(file))
                #expect(expected == written, "\(name)/\(module)/\(file) differs from the committed fixture")
            }
        }
    }
}
