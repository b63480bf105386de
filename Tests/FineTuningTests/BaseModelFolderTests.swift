import Foundation
import Testing
@testable import FineTuning

@Suite("Base model folders")
struct BaseModelFolderTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-ft-\(UUID().uuidString)")
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
