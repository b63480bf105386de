import Foundation
import Testing
@testable import Embeddings

/// `tunelens embed` run as a user runs it: the built binary, next to the test bundle.
@Suite("tunelens embed")
struct EmbedCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let outcome = try TunelensProcess.run(arguments)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    @Test("writes one float32 row per input line, in order, and nothing on stderr when it is not a terminal")
    func embeds() throws {
        let folder = try TunelensProcess.temporaryFolder("embed")
        let input = folder.appendingPathComponent("texts.txt")
        try Data((EncoderFixtures.tinyExpected.texts.joined(separator: "\n") + "\n").utf8).write(to: input)
        let result = try Self.run(["embed", "--model", EncoderFixtures.tiny.path, input.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let npy = folder.appendingPathComponent("texts.npy")
        let matrix = try NpyFile.readFloat32Matrix(Data(contentsOf: npy), path: npy.path)
        #expect(matrix.rows == EncoderFixtures.tinyExpected.texts.count && matrix.columns == 16)
        let rows = (0..<matrix.rows).map { Array(matrix.values[($0 * 16)..<(($0 + 1) * 16)]) }
        expectRows(rows, EncoderFixtures.tinyExpected.pipeline, tolerance: 2e-5)
    }

    /// Runs `tunelens embed` on the architecture fixtures' texts (JSONL, so every text survives) with
    /// `flags`, returning the exit status, stderr and the rows written.
    static func embedFixtureTexts(model: String, _ flags: [String]) throws -> (status: Int32, stderr: String, rows: [[Float]]) {
        let folder = try TunelensProcess.temporaryFolder("embed-prompt")
        let input = folder.appendingPathComponent("texts.jsonl")
        let lines = try EncoderFixtures.architectureExpected.texts.map { text in
            String(decoding: try JSONSerialization.data(withJSONObject: ["text": text]), as: UTF8.self)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let result = try Self.run(["embed", "--no-cache", "--model", EncoderFixtures.architectures.appendingPathComponent(model).path,
                                   input.path] + flags)
        let npy = folder.appendingPathComponent("texts.npy")
        guard result.status == 0 else { return (result.status, result.stderr, []) }
        let matrix = try NpyFile.readFloat32Matrix(Data(contentsOf: npy), path: npy.path)
        let rows = (0..<matrix.rows).map { Array(matrix.values[($0 * matrix.columns)..<(($0 + 1) * matrix.columns)]) }
        return (result.status, result.stderr, rows)
    }

    @Test("--prompt-name and --prompt put the model's prompt or any text before each text; with neither, the default prompt applies")
    func prompts() throws {
        let mpnet = EncoderFixtures.architectureExpected.models["mpnet"]!
        expectRows(try Self.embedFixtureTexts(model: "mpnet", ["--prompt-name", "query"]).rows, mpnet.query, tolerance: 1e-5)
        expectRows(try Self.embedFixtureTexts(model: "mpnet", ["--prompt-name", "document"]).rows, mpnet.document, tolerance: 1e-5)
        expectRows(try Self.embedFixtureTexts(model: "mpnet", ["--prompt", "passage: "]).rows, mpnet.document, tolerance: 1e-5)
        expectRows(try Self.embedFixtureTexts(model: "mpnet", []).rows, mpnet.raw, tolerance: 1e-5)
        // The BERT fixture names "query" its default prompt; --prompt "" turns it off.
        let bert = EncoderFixtures.architectureExpected.models["bert"]!
        expectRows(try Self.embedFixtureTexts(model: "bert", []).rows, bert.default, tolerance: 1e-5)
        expectRows(try Self.embedFixtureTexts(model: "bert", ["--prompt", ""]).rows, bert.raw, tolerance: 1e-5)
    }

    @Test("an unknown prompt name, or both prompt flags, is one line and a non-zero exit")
    func promptErrors() throws {
        let unknown = try Self.embedFixtureTexts(model: "mpnet", ["--prompt-name", "passage"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "tunelens embed: no prompt named \"passage\"; the model's prompts are document, query\n")
        let both = try Self.embedFixtureTexts(model: "mpnet", ["--prompt-name", "query", "--prompt", "q: "])
        #expect(both.status != 0)
        #expect(both.stderr.hasPrefix("tunelens embed: --prompt-name and --prompt are mutually exclusive"))
        #expect(both.stderr.split(separator: "\n").count == 1)
    }

    static let hostileModels: [(String, (URL) throws -> Void)] = [
        ("model_type tunelens does not run", { try Data(#"{"model_type": "gpt2"}"#.utf8).write(to: $0.appendingPathComponent("config.json")) }),
        ("truncated safetensors", { folder in
            let url = folder.appendingPathComponent("model.safetensors")
            try Data(contentsOf: url).prefix(5000).write(to: url)
        }),
        ("header length past the file", { folder in
            var bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("model.safetensors")))
            bytes.replaceSubrange(0..<8, with: withUnsafeBytes(of: UInt64(1 << 40).littleEndian, Array.init))
            try Data(bytes).write(to: folder.appendingPathComponent("model.safetensors"))
        }),
        ("missing tokenizer", { folder in
            for name in ["tokenizer.json", "vocab.txt"] {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }),
    ]

    @Test("a hostile model exits non-zero with one line on stderr naming the file",
          arguments: hostileModels.map(\.0))
    func hostile(label: String) throws {
        let folder = try EncoderFixtures.tinyCopy()
        try Self.hostileModels.first { $0.0 == label }!.1(folder)
        let input = folder.deletingLastPathComponent().appendingPathComponent("texts.txt")
        try Data("hello world\n".utf8).write(to: input)
        let result = try Self.run(["embed", "--model", folder.path, input.path])
        #expect(result.status != 0, "\(label)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(label): \(result.stderr)")
        #expect(result.stderr.contains(folder.path), "\(label): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: input.deletingPathExtension().appendingPathExtension("npy").path))
    }

    @Test("a bad JSONL input line is reported with its line number")
    func badInput() throws {
        let folder = try TunelensProcess.temporaryFolder("embed")
        let input = folder.appendingPathComponent("texts.jsonl")
        try Data("{\"text\": \"a\"}\n{\"text\": 3}\n".utf8).write(to: input)
        let result = try Self.run(["embed", "--model", EncoderFixtures.tiny.path, input.path])
        #expect(result.status != 0)
        #expect(result.stderr == "tunelens embed: \(input.path):2: missing \"text\" string\n")
    }
}
