import Foundation
import Testing
@testable import Datasets

/// Hostile sizes: a 100 MB line, a million pairs, JSON nested ten thousand deep. Each gets a clear
/// error or a correct result without holding the file twice, never a crash or a hang.
///
/// The million-pair test reads 100,000 pairs by default and 1,000,000 when TUNELENS_LIMIT_TESTS=full.
@Suite("Datasets: limits that hold")
struct LimitsTests {
    static let full = ProcessInfo.processInfo.environment["TUNELENS_LIMIT_TESTS"] == "full"

    /// Removes the scratch folder of a file written by `Fixtures.write`.
    static func removeScratch(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    /// Writes `prefix`, `count` copies of `byte`, then `suffix`, a megabyte at a time.
    static func writeLong(_ name: String, prefix: String, byte: UInt8, count: Int, suffix: String) throws -> URL {
        let url = try Fixtures.write(name, "")
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(prefix.utf8))
        let chunk = Data(repeating: byte, count: 1 << 20)
        var left = count
        while left > 0 {
            let part = min(left, chunk.count)
            try handle.write(contentsOf: part == chunk.count ? chunk : chunk.prefix(part))
            left -= part
        }
        try handle.write(contentsOf: Data(suffix.utf8))
        return url
    }

    @Test("a 100 MB text line is refused at 16 MiB, naming the 100,000-character limit, in every format", arguments: [
        ("big.jsonl", "{\"text_a\": \"", "\", \"text_b\": \"b\", \"label\": 1}\n", 100_000_000),
        ("big.csv", "text_a,text_b,label\n\"", "\",b,1\n", 17_000_000),
        ("big.tsv", "text_a\ttext_b\tlabel\n", "\tb\t1\n", 17_000_000),
    ])
    func hundredMegabyteLine(name: String, prefix: String, suffix: String, length: Int) throws {
        let line = prefix.hasPrefix("{") ? 1 : 2
        let url = try Self.writeLong(name, prefix: prefix, byte: UInt8(ascii: "x"), count: length, suffix: suffix)
        defer { Self.removeScratch(url) }
        // The stream throws this as soon as 16 MiB of the line are buffered, before reading on; no
        // timing bound here, as sanitizer builds are several times slower.
        let message = Fixtures.message { _ = try PairDataset.read(url) }
        #expect(message == "\(name):\(line): line is longer than 16 MiB; texts are limited to 100,000 characters")
    }

    @Test("a 100 MB line in a plain text list gets the same error")
    func hundredMegabyteTextListLine() throws {
        let url = try Self.writeLong("texts.txt", prefix: "first\n", byte: UInt8(ascii: "y"), count: 100_000_000, suffix: "\n")
        defer { Self.removeScratch(url) }
        let message = Fixtures.message { _ = try TextList.read(url) }
        #expect(message == "texts.txt:2: line is longer than 16 MiB; texts are limited to 100,000 characters")
    }

    @Test("a text one character over the limit names its length; one at the limit is read")
    func textAtTheLimit() throws {
        let over = try Self.writeLong("over.jsonl", prefix: "{\"text_a\": \"a\", \"label\": 0, \"text_b\": \"",
                                      byte: UInt8(ascii: "z"), count: 100_001, suffix: "\"}\n")
        defer { Self.removeScratch(over) }
        #expect(Fixtures.message { _ = try PairDataset.read(over) }
            == "over.jsonl:1: \"text_b\" has 100001 characters; the limit is 100000")
        let atLimit = try Self.writeLong("at.jsonl", prefix: "{\"text_a\": \"a\", \"label\": 0, \"text_b\": \"",
                                         byte: UInt8(ascii: "z"), count: 100_000,
                                         suffix: "\"}\n{\"text_a\": \"a\", \"text_b\": \"b\", \"label\": 1}\n")
        defer { Self.removeScratch(atLimit) }
        let dataset = try PairDataset.read(atLimit)
        #expect(dataset.pairs.map(\.textB.count) == [100_000, 1])
    }

    @Test("a million short pairs are read in order, with their labels counted")
    func millionPairs() throws {
        let count = Self.full ? 1_000_000 : 100_000
        let url = try Fixtures.write("many.jsonl", "")
        defer { Self.removeScratch(url) }
        let handle = try FileHandle(forWritingTo: url)
        var block = ""
        for index in 0..<count {
            block += "{\"text_a\": \"question \(index)\", \"text_b\": \"answer \(index)\", \"label\": \(index % 3 == 0 ? 1 : 0)}\n"
            if index % 10_000 == 9_999 {
                try handle.write(contentsOf: Data(block.utf8))
                block = ""
            }
        }
        try handle.write(contentsOf: Data(block.utf8))
        try handle.close()

        let dataset = try PairDataset.read(url)
        #expect(dataset.pairs.count == count)
        #expect(dataset.positiveCount == (count + 2) / 3)
        #expect(dataset.pairs.last?.textB == "answer \(count - 1)")
        #expect(dataset.digest.count == 64)
    }

    static let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)

    @Test("JSON nested ten thousand deep in a JSONL line is a syntax error at depth 512")
    func deepJSONLine() throws {
        let url = try Fixtures.write("deep.jsonl", "{\"text_a\": \"a\", \"text_b\": \"b\", \"label\": \(Self.deep)}\n")
        #expect(Fixtures.message { _ = try PairDataset.read(url) }
            == "deep.jsonl:1: malformed JSON: nesting deeper than 512 at column 552")
    }

    @Test("a trainer_state.json nested ten thousand deep is a syntax error naming line and column")
    func deepTrainerState() throws {
        let url = try Fixtures.write("trainer_state.json", "{\n  \"log_history\": \(Self.deep)\n}\n")
        #expect(Fixtures.message { _ = try TrainingLog.read(url) }
            == "trainer_state.json:2: malformed JSON: nesting deeper than 512 at column 529")
    }

    @Test("a trainer state written on one line longer than 16 MiB is still read")
    func longOneLineTrainerState() throws {
        let url = try Self.writeLong("trainer_state.json", prefix: "{\"log_history\": [{\"step\": 1, \"loss\": 0.5}]",
                                     byte: UInt8(ascii: " "), count: 20_000_000, suffix: "}")
        defer { Self.removeScratch(url) }
        let log = try TrainingLog.read(url)
        #expect(log.points.map(\.loss) == [0.5])
    }
}
