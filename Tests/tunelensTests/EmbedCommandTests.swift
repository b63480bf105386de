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

    static let hostileModels: [(String, (URL) throws -> Void)] = [
        ("model_type not bert", { try Data(#"{"model_type": "gpt2"}"#.utf8).write(to: $0.appendingPathComponent("config.json")) }),
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
