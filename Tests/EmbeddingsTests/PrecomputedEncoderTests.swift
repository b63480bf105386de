import Core
import Foundation
import Testing
@testable import Embeddings

@Suite("precomputed embeddings")
struct PrecomputedEncoderTests {
    static func file(_ text: String, name: String = "embeddings.jsonl") throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("looks texts up by exact match, in the order asked")
    func lookup() throws {
        let url = try Self.file("""
            {"text": "heart attack", "embedding": [1, 0, 0.5]}

            {"text": "<b>x</b>", "embedding": [0, 1e-3, -2]}\r
            {"text": "heart attack", "embedding": [1, 0, 0.5]}
            """)
        let encoder = try EncoderLoader.load(url.path)
        #expect(encoder.dimension == 3)
        #expect(encoder.name == "embeddings.jsonl")
        #expect(encoder.digest == ContentDigest.hex(of: try Data(contentsOf: url)))
        #expect(try encoder.encode(["<b>x</b>", "heart attack"]) == [[0, 1e-3, -2], [1, 0, 0.5]])
        let error = #expect(throws: EmbeddingsError.self) { try encoder.encode(["heart  attack"]) }
        #expect(error?.description == "\(url.path): no precomputed embedding for the text \"heart  attack\"")
    }

    @Test("bad lines name the file and line", arguments: [
        ("{\"text\": \"a\", \"embedding\": [1, 2]}\n{\"text\": \"b\", \"embedding\": [1, 2, 3]}", 2, "has 3 values, earlier lines have 2"),
        ("{\"text\": \"a\", \"embedding\": [1, NaN]}", 1, "not a JSON object"),
        ("{\"text\": \"a\", \"embedding\": [1, 1e999]}", 1, "not"),
        ("{\"text\": \"a\", \"embedding\": [1, \"2\"]}", 1, "not a number"),
        ("{\"text\": \"a\", \"embedding\": []}", 1, "missing \"embedding\""),
        ("{\"embedding\": [1]}", 1, "missing \"text\""),
        ("\n\n[1, 2]", 3, "not a JSON object"),
        ("{\"text\": \"a\", \"embedding\": [1]}\n{\"text\": \"a\", \"embedding\": [2]}", 2, "different embedding"),
    ])
    func badLines(content: String, line: Int, expected: String) throws {
        let url = try Self.file(content)
        let error = #expect(throws: EmbeddingsError.self) { try EncoderLoader.load(url.path) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("\(url.path):\(line): "), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test("non-UTF-8 bytes and empty files are errors")
    func bytes() throws {
        let url = try Self.file("")
        #expect(throws: EmbeddingsError.invalidConfig(path: url.path, reason: "no embeddings in the file")) {
            try EncoderLoader.load(url.path)
        }
        try Data([0x7B, 0xFF, 0x7D, 0x0A]).write(to: url)
        #expect(throws: EmbeddingsError.invalidLine(path: url.path, line: 1, reason: "not UTF-8")) {
            try EncoderLoader.load(url.path)
        }
    }
}

@Suite("model references")
struct EncoderLoaderTests {
    /// A Hugging Face cache holding the tiny model as `tiny-org/tiny-model`.
    static func cache(refsMain: Bool) throws -> URL {
        let root = try Fixtures.temporaryFolder()
        let repository = root.appendingPathComponent("models--tiny-org--tiny-model")
        let revision = "0123456789abcdef"
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("snapshots"),
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.tiny,
                                         to: repository.appendingPathComponent("snapshots/\(revision)"))
        if refsMain {
            try FileManager.default.createDirectory(at: repository.appendingPathComponent("refs"),
                                                    withIntermediateDirectories: true)
            try Data(revision.utf8).write(to: repository.appendingPathComponent("refs/main"))
        }
        return root
    }

    @Test("a model id resolves offline from HF_HUB_CACHE, HF_HOME/hub or ~/.cache/huggingface/hub")
    func hubCache() throws {
        let hub = try Self.cache(refsMain: true)
        let viaHubCache = try EncoderLoader.load("tiny-org/tiny-model", environment: ["HF_HUB_CACHE": hub.path])
        #expect(viaHubCache.name == "tiny-org/tiny-model")
        #expect(viaHubCache.dimension == 16)

        let home = try Fixtures.temporaryFolder()
        try FileManager.default.moveItem(at: try Self.cache(refsMain: false), to: home.appendingPathComponent("hub"))
        _ = try EncoderLoader.load("tiny-org/tiny-model", environment: ["HF_HOME": home.path])

        let user = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: user.appendingPathComponent(".cache/huggingface"),
                                                withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: try Self.cache(refsMain: true),
                                         to: user.appendingPathComponent(".cache/huggingface/hub"))
        _ = try EncoderLoader.load("tiny-org/tiny-model", environment: ["HOME": user.path])
    }

    @Test("unknown references say what was looked for and never download")
    func unknown() throws {
        let hub = try Fixtures.temporaryFolder()
        let error = #expect(throws: EmbeddingsError.self) {
            try EncoderLoader.load("sentence-transformers/not-here", environment: ["HF_HUB_CACHE": hub.path])
        }
        #expect(error?.description.hasPrefix("sentence-transformers/not-here: not in the local Hugging Face cache") == true)
        let missing = #expect(throws: EmbeddingsError.self) {
            try EncoderLoader.load("./no/such/folder", environment: [:])
        }
        #expect(missing?.description.hasPrefix("./no/such/folder: no such folder or file") == true)
        let weights = Fixtures.tiny.appendingPathComponent("model.safetensors").path
        let file = #expect(throws: EmbeddingsError.self) { try EncoderLoader.load(weights, environment: [:]) }
        #expect(file?.description.hasPrefix("\(weights): a file, but not a .jsonl") == true)
        #expect(HubCache.isModelID("BAAI/bge-small-en-v1.5"))
        #expect(!HubCache.isModelID("../etc"))
        #expect(!HubCache.isModelID("a/b/c"))
    }
}
