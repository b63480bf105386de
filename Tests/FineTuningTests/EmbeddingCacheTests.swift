import Foundation
import Testing
@testable import FineTuning

@Suite("Embedding cache and base folder resolution")
struct EmbeddingCacheTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-ft-\(UUID().uuidString)")
    }

    @Test("cached embeddings come back bit for bit, only for the same model digest and texts")
    func roundTrip() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = EmbeddingCache(folder: folder)
        let texts = ["first text", "second text"]
        let embeddings: [[Float]] = [[0.1, -0.2, 0.3], [1e-8, 4, -5.5]]
        #expect(cache.load(modelDigest: "abc", texts: texts, dimension: 3) == nil)
        try cache.store(embeddings, modelDigest: "abc", texts: texts)
        #expect(cache.load(modelDigest: "abc", texts: texts, dimension: 3) == embeddings)
        #expect(cache.load(modelDigest: "abd", texts: texts, dimension: 3) == nil)
        #expect(cache.load(modelDigest: "abc", texts: ["first text", "second text!"], dimension: 3) == nil)
        #expect(cache.load(modelDigest: "abc", texts: texts, dimension: 4) == nil)
    }

    @Test("a model id resolves to its snapshot in the Hugging Face cache; a file or unknown id is an error")
    func hubSnapshot() throws {
        let hub = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: hub) }
        let repo = hub.appendingPathComponent("models--org--model")
        let snapshot = repo.appendingPathComponent("snapshots/rev1")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("snapshots/rev0"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("refs"), withIntermediateDirectories: true)
        try Data("rev1\n".utf8).write(to: repo.appendingPathComponent("refs/main"))
        let resolved = try BaseModelFolder.resolve("org/model", environment: ["HF_HUB_CACHE": hub.path])
        #expect(resolved.standardizedFileURL.path == snapshot.standardizedFileURL.path)
        #expect(throws: FineTuningError.self) {
            try BaseModelFolder.resolve("org/other", environment: ["HF_HUB_CACHE": hub.path])
        }
        let file = hub.appendingPathComponent("embeddings.jsonl")
        try Data("{}".utf8).write(to: file)
        #expect(throws: FineTuningError.self) { try BaseModelFolder.resolve(file.path, environment: [:]) }
    }
}
