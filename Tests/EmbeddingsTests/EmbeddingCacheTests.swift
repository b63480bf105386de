import Core
import Foundation
import GRDB
import Testing
@testable import Embeddings

/// An encoder that counts what it is asked, with deterministic vectors derived from each text.
final class CountingEncoder: TextEncoder, @unchecked Sendable {
    let name = "counting"
    let digest: String
    let dimension = 4
    var usage = ModelUsage()
    private let lock = NSLock()
    private(set) var calls = 0
    private(set) var encodedTexts: [String] = []

    init(digest: String = String(repeating: "ab", count: 32)) {
        self.digest = digest
    }

    static func vector(_ text: String) -> [Float] {
        let bytes = Array(text.utf8)
        return [Float(bytes.count), Float(bytes.first ?? 0), Float(bytes.last ?? 0), Float(bytes.reduce(0) { $0 &+ Int($1) }) / 7]
    }

    /// A prompt that is not pooled only counts by its length, so "query: x" and "x" after "query: " differ.
    func encode(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        let prompted = texts.map { (prompt ?? "") + $0 }
        lock.withLock {
            calls += 1
            encodedTexts += prompted
        }
        progress?(texts.count, texts.count)
        let unpooled = usage.poolsPromptTokens ? 0 : Float((prompt ?? "").utf8.count)
        return prompted.map { Self.vector($0).map { $0 + 1000 * unpooled } }
    }
}

@Suite("embedding cache")
struct EmbeddingCacheTests {
    static let texts = ["heart attack", "myocardial infarction", "", "naïve café 東京 🙂", "<b>x</b>", "heart attack"]

    @Test("a second encode of the same texts is answered from the cache, and equals the first")
    func secondEncodeHits() throws {
        let folder = try Fixtures.temporaryFolder()
        let base = CountingEncoder()
        let first = try CachedEncoder(base, store: EmbeddingStore(directory: folder)).encode(Self.texts)
        #expect(first == Self.texts.map(CountingEncoder.vector))
        #expect(base.encodedTexts == ["heart attack", "myocardial infarction", "", "naïve café 東京 🙂", "<b>x</b>"],
                "the repeated text is encoded once")

        // A new process: a new store over the same folder.
        let cached = CachedEncoder(base, store: try EmbeddingStore(directory: folder))
        var reported: [(Int, Int)] = []
        let second = try cached.encode(Self.texts) { reported.append(($0, $1)) }
        #expect(second == first)
        #expect(base.calls == 1, "the base encoder is not called again")
        #expect(cached.lastHits == Self.texts.count && cached.lastMisses == 0)
        #expect(reported.last.map { $0 == (6, 6) } == true)
    }

    @Test("only texts not yet stored are encoded; another model's digest shares nothing")
    func onlyChangedTexts() throws {
        let store = try EmbeddingStore(directory: try Fixtures.temporaryFolder())
        let base = CountingEncoder()
        _ = try CachedEncoder(base, store: store).encode(["a", "b", "c"])
        let vectors = try CachedEncoder(base, store: store).encode(["c", "d", "a", "e"])
        #expect(vectors == ["c", "d", "a", "e"].map(CountingEncoder.vector))
        #expect(base.encodedTexts == ["a", "b", "c", "d", "e"])

        let other = CountingEncoder(digest: String(repeating: "cd", count: 32))
        _ = try CachedEncoder(other, store: store).encode(["a", "b"])
        #expect(other.encodedTexts == ["a", "b"])
        #expect(try store.count(model: base.digest) == 5)
    }

    @Test("a prompted text is keyed as encoded: one entry with the concatenation, unless the pooling leaves the prompt out",
          arguments: [true, false])
    func promptKeys(promptIsPooled: Bool) throws {
        let store = try EmbeddingStore(directory: try Fixtures.temporaryFolder())
        let base = CountingEncoder()
        base.usage = ModelUsage(prompts: ["query": "query: "], poolsPromptTokens: promptIsPooled)
        let cached = CachedEncoder(base, store: store)
        let concatenated = try cached.encode(["query: heart attack"], prompt: nil)
        let prompted = try cached.encode(["heart attack"], prompt: "query: ")
        #expect(prompted == (try base.encode(["heart attack"], prompt: "query: ")))
        if promptIsPooled {
            #expect(prompted == concatenated)
            #expect(cached.lastHits == 1 && cached.lastMisses == 0)
        } else {
            #expect(prompted != concatenated, "the base leaves the prompt out, so these are two embeddings")
            #expect(cached.lastHits == 0 && cached.lastMisses == 1)
        }
        // The same prompted text again is a hit either way; without the prompt it is another text.
        _ = try cached.encodeQueries(["heart attack"])
        #expect(cached.lastHits == 1)
        _ = try cached.encode(["heart attack"], prompt: nil)
        #expect(cached.lastMisses == 1)
        #expect(cached.usage == base.usage)
    }

    @Test("a store in memory answers a second encode in the same process, and another store knows nothing of it")
    func inMemory() throws {
        let base = CountingEncoder()
        let store = try EmbeddingStore.inMemory()
        #expect(try CachedEncoder(base, store: store).encode(Self.texts) == Self.texts.map(CountingEncoder.vector))
        let again = CachedEncoder(base, store: store)
        #expect(try again.encode(Self.texts) == Self.texts.map(CountingEncoder.vector))
        #expect(base.calls == 1 && again.lastMisses == 0)
        #expect(try EmbeddingStore.inMemory().count(model: base.digest) == 0)
    }

    @Test("a damaged cache file is detected and rebuilt, never trusted", arguments: ["garbage", "truncated", "foreign schema"])
    func corruptRebuilt(damage: String) throws {
        let folder = try Fixtures.temporaryFolder()
        let base = CountingEncoder()
        _ = try CachedEncoder(base, store: EmbeddingStore(directory: folder)).encode(["a", "b"])
        let file = folder.appendingPathComponent(EmbeddingStore.fileName)
        switch damage {
        case "garbage":
            try Data(repeating: 0x5A, count: 8192).write(to: file)
        case "truncated":
            try Data(contentsOf: file).prefix(100).write(to: file)
        default:
            // A valid SQLite file of something else, with the expected table name but other columns.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
            try DatabaseQueue(path: file.path).write { try $0.execute(sql: "CREATE TABLE embedding (x)") }
        }
        let store = try EmbeddingStore(directory: folder)
        let vectors = try CachedEncoder(base, store: store).encode(["a", "b"])
        #expect(vectors == ["a", "b"].map(CountingEncoder.vector))
        #expect(base.encodedTexts == ["a", "b", "a", "b"], "nothing was read from the damaged file")
        #expect(try store.count(model: base.digest) == 2)
    }

    @Test("a stored vector of the wrong length is ignored and replaced")
    func wrongLength() throws {
        let store = try EmbeddingStore(directory: try Fixtures.temporaryFolder())
        let base = CountingEncoder()
        try store.store(model: base.digest, entries: [(CachedEncoder.keys(of: ["a"])[0], [1, 2])])
        #expect(try CachedEncoder(base, store: store).encode(["a"]) == [CountingEncoder.vector("a")])
        #expect(base.encodedTexts == ["a"])
        #expect(try CachedEncoder(base, store: store).encode(["a"]) == [CountingEncoder.vector("a")])
        #expect(base.encodedTexts == ["a"])
    }

    @Test("two writers at once, each with its own connection, leave every embedding stored and correct")
    func concurrentWriters() throws {
        let folder = try Fixtures.temporaryFolder()
        let texts = (0..<400).map { "text \($0) \(String(repeating: "x", count: $0 % 17))" }
        let halves = [Array(texts[0..<300]), Array(texts[100..<400])]
        let bases = [CountingEncoder(), CountingEncoder()]
        let failures = NSLock()
        nonisolated(unsafe) var errors: [Error] = []
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let encoder = CachedEncoder(bases[worker], store: try EmbeddingStore(directory: folder))
                for start in stride(from: 0, to: 300, by: 25) {
                    _ = try encoder.encode(Array(halves[worker][start..<(start + 25)]))
                }
            } catch {
                failures.withLock { errors.append(error) }
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let check = CountingEncoder()
        let store = try EmbeddingStore(directory: folder)
        #expect(try CachedEncoder(check, store: store).encode(texts) == texts.map(CountingEncoder.vector))
        #expect(check.calls == 0)
        #expect(try store.count(model: check.digest) == 400)
    }

    @Test("file digests are remembered until the file's size or time changes")
    func fileDigests() throws {
        let folder = try Fixtures.temporaryFolder()
        let store = try EmbeddingStore(directory: folder.appendingPathComponent("cache"))
        let file = folder.appendingPathComponent("weights.bin")
        try Data("first".utf8).write(to: file)
        #expect(try store.fileDigest(of: file) == ContentDigest.hex(of: Data("first".utf8)))
        #expect(try store.fileDigest(of: file) == ContentDigest.hex(of: Data("first".utf8)))
        try Data("second!".utf8).write(to: file)
        #expect(try store.fileDigest(of: file) == ContentDigest.hex(of: Data("second!".utf8)))
    }

    @Test("the cache folder: $TUNELENS_CACHE_DIR, then $XDG_CACHE_HOME/tunelens, then ~/.cache/tunelens")
    func defaultDirectory() {
        #expect(EmbeddingStore.defaultDirectory(environment: ["TUNELENS_CACHE_DIR": "/x", "XDG_CACHE_HOME": "/y", "HOME": "/h"]).path == "/x")
        #expect(EmbeddingStore.defaultDirectory(environment: ["XDG_CACHE_HOME": "/y", "HOME": "/h"]).path == "/y/tunelens")
        #expect(EmbeddingStore.defaultDirectory(environment: ["HOME": "/h"]).path == "/h/.cache/tunelens")
    }

    @Test("a model folder loaded with a cache is stored under its stage's digest; precomputed embeddings are not wrapped")
    func loader() throws {
        let folder = try Fixtures.temporaryFolder()
        let store = try EmbeddingStore(directory: folder)
        let encoder = try EncoderLoader.load(Fixtures.tiny.path, cache: store)
        let plain = try EncoderLoader.load(Fixtures.tiny.path)
        #expect(encoder is CachedEncoder)
        #expect(encoder.digest == plain.digest)
        let texts = Fixtures.tinyExpected.texts
        #expect(try encoder.encode(texts) == plain.encode(texts))
        let stage = try #require(plain as? SentenceTransformerEncoder).stageDigest
        #expect(try store.count(model: stage) == Set(texts).count)

        let jsonl = folder.appendingPathComponent("e.jsonl")
        try Data(#"{"text": "a", "embedding": [1, 2]}"#.utf8).write(to: jsonl)
        #expect(!(try EncoderLoader.load(jsonl.path, cache: store) is CachedEncoder))
    }
}
