import Foundation
import Testing
@testable import Embeddings

/// `tunelens embed --cache-dir` and `--no-cache`, run as a user runs them.
@Suite("tunelens embed cache flags")
struct EmbedCacheFlagsTests {
    @Test("--cache-dir fills the cache once and a second run gives the same bytes; --no-cache writes no cache")
    func flags() throws {
        let folder = try TunelensProcess.temporaryFolder("cache-flags")
        let input = folder.appendingPathComponent("texts.txt")
        try Data((EncoderFixtures.tinyExpected.texts.joined(separator: "\n") + "\n").utf8).write(to: input)
        let cache = folder.appendingPathComponent("cache")
        let first = folder.appendingPathComponent("first.npy"), second = folder.appendingPathComponent("second.npy")
        for output in [first, second] {
            let result = try EmbedCommandTests.run(["embed", "--model", EncoderFixtures.tiny.path, input.path,
                                                    "--output", output.path, "--cache-dir", cache.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        let store = try EmbeddingStore(directory: cache)
        let stage = try #require(try EncoderLoader.load(EncoderFixtures.tiny.path) as? SentenceTransformerEncoder).stageDigest
        #expect(try store.count(model: stage) == Set(EncoderFixtures.tinyExpected.texts).count)

        let uncached = folder.appendingPathComponent("uncached")
        let result = try EmbedCommandTests.run(["embed", "--model", EncoderFixtures.tiny.path, input.path, "--no-cache",
                                                "--cache-dir", uncached.path, "--output", folder.appendingPathComponent("third.npy").path])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: uncached.path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("third.npy")) == Data(contentsOf: first))
    }
}
