import Embeddings
import Datasets
import Foundation

/// Base-model embeddings kept on disk between runs, so trying another adapter, loss or learning rate on
/// the same data does not re-encode every text (encoding is nearly all of a run's time).
///
/// One float32 `.npy` per (model digest, text list): the file name is the SHA-256 of the digest and the
/// texts, so a changed model or a changed text gives a different file and a stale cache is never read.
public struct EmbeddingCache: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    func file(modelDigest: String, texts: [String]) -> URL {
        var key = Data("tunelens.embedding-cache/1\u{0}\(modelDigest)\u{0}".utf8)
        for text in texts {
            key.append(contentsOf: Array(text.utf8))
            key.append(0)
        }
        return folder.appendingPathComponent(SHA256.hex(of: key) + ".npy")
    }

    /// The cached embeddings, or nil when there are none (or the file does not fit the texts).
    public func load(modelDigest: String, texts: [String], dimension: Int) -> [[Float]]? {
        let url = file(modelDigest: modelDigest, texts: texts)
        guard let data = FileManager.default.contents(atPath: url.path),
              let matrix = try? NpyFile.readFloat32Matrix(data, path: url.path),
              matrix.rows == texts.count, matrix.columns == dimension else { return nil }
        return (0..<matrix.rows).map { Array(matrix.values[($0 * dimension)..<(($0 + 1) * dimension)]) }
    }

    public func store(_ embeddings: [[Float]], modelDigest: String, texts: [String]) throws {
        guard let dimension = embeddings.first?.count else { return }
        let url = file(modelDigest: modelDigest, texts: texts)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try NpyFile.float32Matrix(embeddings, columns: dimension).write(to: url, options: .atomic)
        } catch {
            throw FineTuningError.io(path: url.path, detail: "cannot write the embedding cache (\(error.localizedDescription))")
        }
    }
}
