import Foundation

/// The files of a folder of precomputed embeddings in `.npy` form (SPEC section 2): either
/// `embeddings.npy` with `texts.jsonl`, or shards `embeddings-00000.npy` + `texts-00000.jsonl`,
/// `embeddings-00001.npy` + `texts-00001.jsonl`, ... as a distributed job writes them, one pair per
/// task, matched by the number after the dash.
///
/// Shards are numbered from 0 without gaps: a number missing from the run means a task's output was
/// lost, and is an error naming the file that should be there, as is a shard with only one of its
/// two files or a folder holding both layouts.
struct EmbeddingShards {
    struct Shard: Equatable {
        var embeddings: URL
        var texts: URL
    }

    let folder: URL
    let shards: [Shard]

    /// Whether `folder` holds `.npy` embeddings (`embeddings.npy` or `embeddings-N.npy`) rather than a model.
    static func isShardFolder(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains { $0 == "embeddings.npy" || number(in: $0, prefix: "embeddings-", suffix: ".npy") != nil }
    }

    init(folder: URL) throws {
        self.folder = folder
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw EmbeddingsError.unreadable(path: folder.path, reason: error.localizedDescription)
        }
        var embeddings: [Int: String] = [:], texts: [Int: String] = [:]
        for name in names {
            if let n = Self.number(in: name, prefix: "embeddings-", suffix: ".npy") {
                if let other = embeddings[n] { throw duplicate(other, name) }
                embeddings[n] = name
            } else if let n = Self.number(in: name, prefix: "texts-", suffix: ".jsonl") {
                if let other = texts[n] { throw duplicate(other, name) }
                texts[n] = name
            }
        }
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        func duplicate(_ a: String, _ b: String) -> EmbeddingsError {
            .invalidConfig(path: file(b).path, reason: "the same shard number as \(a)")
        }
        if names.contains("embeddings.npy") {
            guard embeddings.isEmpty && texts.isEmpty else {
                throw EmbeddingsError.invalidConfig(path: file("embeddings.npy").path,
                                                    reason: "the folder also holds numbered shards; keep one layout")
            }
            guard names.contains("texts.jsonl") else { throw EmbeddingsError.missingFile(path: file("texts.jsonl").path) }
            shards = [Shard(embeddings: file("embeddings.npy"), texts: file("texts.jsonl"))]
            return
        }
        let numbers = Set(embeddings.keys).union(texts.keys).sorted()
        guard let last = numbers.last else {
            throw EmbeddingsError.missingFile(path: file("embeddings.npy").path)
        }
        // Names of absent files follow the width the job used (5 digits unless it wrote more).
        let width = (embeddings.values.first ?? texts.values.first).map { $0.filter(\.isNumber).count } ?? 5
        func numbered(_ prefix: String, _ n: Int, _ suffix: String) -> String {
            let digits = String(n)
            return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + suffix
        }
        var list: [Shard] = []
        for n in 0...last {
            guard let e = embeddings[n] else {
                throw EmbeddingsError.invalidConfig(path: file(numbered("embeddings-", n, ".npy")).path,
                                                    reason: "shard \(n) of 0...\(last) is missing")
            }
            guard let t = texts[n] else {
                throw EmbeddingsError.invalidConfig(path: file(numbered("texts-", n, ".jsonl")).path,
                                                    reason: "shard \(n) of 0...\(last) is missing (\(e) has no texts file)")
            }
            list.append(Shard(embeddings: file(e), texts: file(t)))
        }
        shards = list
    }

    /// The shard number of `name` when it is `prefix` + digits + `suffix`.
    static func number(in name: String, prefix: String, suffix: String) -> Int? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
