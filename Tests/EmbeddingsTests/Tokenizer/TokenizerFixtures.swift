import Foundation
@testable import Embeddings

/// Shared fixtures for the tokenizer tests: the real model folder and the golden cases.
enum TokenizerFixtures {
    /// The all-MiniLM-L6-v2 folder: `$TUNELENS_MODEL_DIR`, else `<repo>/.cache/models/all-MiniLM-L6-v2`.
    static let modelFolder: URL = {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        let repoRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repoRoot.appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
    }()

    /// Whether the real model's tokenizer files are there (`make setup` fetches them).
    static let modelIsPresent = FileManager.default.fileExists(
        atPath: modelFolder.appendingPathComponent("tokenizer.json").path)

    struct Case: Decodable, Sendable {
        let text: String
        let ids: [Int32]
        let tokens: [String]
        let vocabIds: [Int32]?
    }

    struct Truncated: Decodable, Sendable {
        let `case`: Int
        let maxLength: Int
        let ids: [Int32]
    }

    struct Golden: Decodable, Sendable {
        let cases: [Case]
        let truncated: [Truncated]
    }

    struct UnicodeBlocks: Decodable, Sendable {
        let blockSize: Int
        let separator: String
        let configs: [String: [String]]
    }

    static func resource(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Resources/tokenizer/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return try Data(contentsOf: url)
    }

    static let golden: Golden = {
        do {
            return try JSONDecoder().decode(Golden.self, from: resource("tokenizer_cases.json"))
        } catch {
            fatalError("tokenizer_cases.json: \(error)")
        }
    }()

    /// The text escaped to ASCII so that a failure message shows exactly which scalars it holds.
    static func escaped(_ text: String) -> String {
        let body = text.unicodeScalars.prefix(80).map { scalar in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F
                ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }.joined()
        return text.unicodeScalars.count > 80 ? body + "..." : body
    }

    /// A fresh temporary folder holding `files` (name to contents).
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tokenizer-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }
}
