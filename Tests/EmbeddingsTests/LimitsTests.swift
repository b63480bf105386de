import Foundation
import Testing
@testable import Embeddings

/// Hostile sizes for the model and embedding readers: a safetensors header at and past the 100 MB
/// limit, JSON nested ten thousand deep, an embedding of a million dimensions. Each gets a clear
/// error or a correct result, never a crash, a stack overflow or an absurd allocation.
@Suite("Embeddings: limits that hold")
struct LimitsTests {
    static let deepArray = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)

    static func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a header length one past 100,000,000 is refused before anything is read", arguments: [
        UInt64(100_000_001), UInt64(Int64.max), UInt64.max,
    ])
    func headerOverTheLimit(length: UInt64) throws {
        var bytes = SafetensorsBytes(header: "{}")
        bytes.declaredLength = length
        let url = try bytes.write()
        #expect(Self.message { _ = try SafetensorsFile(url: url) }
            == "\(url.path): not a valid safetensors file: header length \(length) exceeds the limit of 100000000 bytes")
    }

    @Test("a header of exactly 100,000,000 bytes is accepted")
    func headerAtTheLimit() throws {
        // `{` + spaces + `}`: the longest header the format allows, describing no tensor.
        var header = [UInt8](repeating: UInt8(ascii: " "), count: SafetensorsFile.maxHeaderLength)
        header[0] = UInt8(ascii: "{")
        header[header.count - 1] = UInt8(ascii: "}")
        let url = try SafetensorsBytes(rawHeader: header).write()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        header = []
        let file = try SafetensorsFile(url: url)
        #expect(file.tensors.isEmpty)
        #expect(file.metadata.isEmpty)
    }

    @Test("a 100,000,000-byte header length in a short file says it runs past the end")
    func headerAtTheLimitTruncated() throws {
        var bytes = SafetensorsBytes(header: "{}")
        bytes.declaredLength = 100_000_000
        let url = try bytes.write()
        #expect(Self.message { _ = try SafetensorsFile(url: url) }
            == "\(url.path): not a valid safetensors file: header length 100000000 runs past the end of the 10-byte file")
    }

    @Test("a safetensors header nested ten thousand deep is invalid JSON, not a stack overflow")
    func deepHeader() throws {
        let url = try SafetensorsBytes(header: "{\"a\": \(Self.deepArray)}").write()
        #expect(Self.message { _ = try SafetensorsFile(url: url) }
            == "\(url.path): not a valid safetensors file: the header is not valid JSON")
    }

    @Test("a tokenizer.json nested ten thousand deep is refused at depth 512")
    func deepTokenizerJSON() throws {
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("tokenizer.json")
        try Data("{\"model\": \(Self.deepArray)}".utf8).write(to: url)
        #expect(Self.message { _ = try Tokenizer.load(folder: folder) }
            == "\(url.path): malformed tokenizer file: invalid JSON at byte 521: nesting deeper than 512")
    }

    @Test("a tokenizer_config.json nested ten thousand deep is malformed JSON")
    func deepTokenizerConfig() throws {
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("tokenizer_config.json")
        try Data("{\"x\": \(Self.deepArray)}".utf8).write(to: url)
        #expect(Self.message { _ = try Tokenizer.load(folder: folder) }
            == "\(url.path): malformed tokenizer file: not valid JSON")
    }

    @Test("a precomputed line nested ten thousand deep is not a JSON object")
    func deepPrecomputedLine() throws {
        let url = try Self.file("embeddings.jsonl", Array("{\"text\": \"a\", \"embedding\": \(Self.deepArray)}\n".utf8))
        #expect(Self.message { _ = try PrecomputedEncoder(url: url) } == "\(url.path):1: not a JSON object")
    }

    static func embeddingLine(_ text: String, dimension: Int) -> String {
        var line = "{\"text\": \"\(text)\", \"embedding\": ["
        line.reserveCapacity(dimension * 5 + 40)
        for index in 0..<dimension {
            line += index == 0 ? "0.5" : ",0.5"
        }
        return line + "]}\n"
    }

    @Test("an embedding of a million dimensions is refused with the maximum")
    func millionDimensions() throws {
        let url = try Self.file("embeddings.jsonl", Array(Self.embeddingLine("a", dimension: 1_000_000).utf8))
        #expect(Self.message { _ = try PrecomputedEncoder(url: url) }
            == "\(url.path):1: embedding has 1000000 values; the most accepted is 65536")
    }

    @Test("an embedding of exactly 65,536 dimensions is read")
    func maximumDimension() throws {
        let text = Self.embeddingLine("a", dimension: 65_536) + Self.embeddingLine("b", dimension: 65_536)
        let encoder = try PrecomputedEncoder(url: Self.file("embeddings.jsonl", Array(text.utf8)))
        #expect(encoder.dimension == 65_536)
        let vectors = try encoder.encode(["b"], progress: nil)
        #expect(vectors.count == 1 && vectors[0].count == 65_536 && vectors[0].allSatisfy { $0 == 0.5 })
    }
}
