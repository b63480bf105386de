import Core
import Foundation
import LinearAlgebra
#if canImport(Glibc)
import Glibc
#endif

/// Precomputed embeddings in `.npy` form (SPEC section 2): a folder of `embeddings.npy` + `texts.jsonl`
/// or of shards `embeddings-NNNNN.npy` + `texts-NNNNN.jsonl` (``EmbeddingShards``), float32 or float16,
/// as a Spark, Ray or GPU job writes them.
///
/// The `.npy` files are memory-mapped, never parsed: loading reads each header and each texts file
/// (line `k` is `{"text": ...}` for row `k`), and encoding copies just the rows asked for, in the order
/// asked, into the caller's matrix (converting float16), then lets the kernel drop the mapped pages.
/// A text listed twice must carry the same embedding; a row asked for must be finite. As with the
/// JSONL form, a prompt is looked up as part of the text.
final class NpyEmbeddingsEncoder: TextEncoder {
    /// Only the texts of the shards have embeddings.
    var encodesAnyText: Bool { false }
    private struct LoadedShard {
        var file: MappedFile
        var header: NpyHeader
        var textsPath: String
        /// Global row of this shard's first row.
        var firstRow: Int
    }

    let name: String
    let folder: URL
    let dimension: Int
    /// SHA-256 over every shard's two files, in shard order, each preceded by its name.
    let digest: String
    private let shards: [LoadedShard]
    /// Text to global row (shard rows numbered on from the previous shard's).
    private let rowOfText: [String: Int]
    private let shardStarts: [Int]

    init(folder: URL) throws {
        self.folder = folder
        name = folder.standardizedFileURL.lastPathComponent
        let layout = try EmbeddingShards(folder: folder)
        var loaded: [LoadedShard] = [], rowOfText: [String: Int] = [:], dimension: Int?
        var digest = ContentDigest()
        var nextRow = 0
        /// Whether global rows `a` and `b` hold the same values (a text listed twice).
        func sameRow(_ a: Int, _ b: Int, _ shards: [LoadedShard]) -> Bool {
            var x = [Float](repeating: 0, count: dimension ?? 0), y = x
            let starts = shards.map(\.firstRow)
            x.withUnsafeMutableBufferPointer { Self.copy(row: a, of: shards, starts: starts, into: $0) }
            y.withUnsafeMutableBufferPointer { Self.copy(row: b, of: shards, starts: starts, into: $0) }
            return x == y
        }
        for shard in layout.shards {
            let file = try MappedFile(path: shard.embeddings.path)
            let header = try file.withBytes { try NpyHeader($0, path: file.path) }
            if let dimension, header.columns != dimension {
                throw EmbeddingsError.invalidConfig(path: file.path, reason:
                    "embeddings have \(header.columns) dimensions, \(layout.shards[0].embeddings.lastPathComponent) has \(dimension)")
            }
            guard header.columns > 0, header.columns <= PrecomputedEncoder.maximumDimension else {
                throw EmbeddingsError.invalidConfig(path: file.path, reason:
                    "embeddings have \(header.columns) dimensions; accepted are 1 to \(PrecomputedEncoder.maximumDimension)")
            }
            dimension = header.columns
            let texts = try MappedFile(path: shard.texts.path)
            var lines = 0
            try texts.withBytes { bytes in
                try Self.forEachText(bytes, path: texts.path) { line, text in
                    lines = line
                    guard line <= header.rows else { return }
                    if let earlier = rowOfText[text] {
                        guard sameRow(earlier, nextRow + line - 1, loaded + [LoadedShard(file: file, header: header,
                                                                                  textsPath: texts.path, firstRow: nextRow)]) else {
                            throw EmbeddingsError.invalidLine(path: texts.path, line: line, reason:
                                "the text \(EmbeddingsError.quoted(text)) appears earlier with a different embedding")
                        }
                    } else {
                        rowOfText[text] = nextRow + line - 1
                    }
                }
            }
            guard lines == header.rows else {
                throw EmbeddingsError.invalidConfig(path: texts.path, reason:
                    "\(lines) texts, but \(shard.embeddings.lastPathComponent) has \(header.rows) rows")
            }
            for (url, mapped) in [(shard.embeddings, file), (shard.texts, texts)] {
                digest.update(Data(url.lastPathComponent.utf8))
                mapped.withBytes { digest.update($0) }
                mapped.release()
            }
            loaded.append(LoadedShard(file: file, header: header, textsPath: texts.path, firstRow: nextRow))
            nextRow += header.rows
        }
        guard let dimension, nextRow > 0 else {
            throw EmbeddingsError.invalidConfig(path: folder.path, reason: "no embeddings in the folder")
        }
        self.dimension = dimension
        self.digest = digest.hex
        shards = loaded
        shardStarts = loaded.map(\.firstRow)
        self.rowOfText = rowOfText

    }

    func encode(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        var matrix = EmbeddingMatrix(count: texts.count, dimension: dimension)
        try encode(texts, prompt: prompt, into: &matrix, rows: Array(texts.indices), progress: progress)
        return matrix.rows(0..<texts.count)
    }

    func encode(_ texts: [String], prompt: String?, into matrix: inout EmbeddingMatrix, rows: [Int],
                progress: ((Int, Int) -> Void)?) throws {
        precondition(texts.count == rows.count && matrix.dimension == dimension, "one row per text, of the model's dimension")
        let prefix = prompt ?? ""
        let sources = try texts.map { text -> Int in
            guard let row = rowOfText[prefix + text] else {
                throw EmbeddingsError.textNotPrecomputed(path: folder.path, text: prefix + text)
            }
            return row
        }
        let shards = self.shards, dimension = self.dimension, starts = shardStarts
        try matrix.withUnsafeMutableRows { out in
            for (source, target) in zip(sources, rows) {
                let destination = UnsafeMutableBufferPointer(rebasing: out[(target * dimension)..<((target + 1) * dimension)])
                Self.copy(row: source, of: shards, starts: starts, into: destination)
                if let bad = destination.firstIndex(where: { !$0.isFinite }) {
                    let (shard, local) = Self.locate(source, starts)
                    throw EmbeddingsError.invalidLine(path: shards[shard].textsPath, line: local + 1, reason:
                        "the embedding of this text (row \(local) of \(shards[shard].file.path)) holds \(destination[bad]) at \(bad)")
                }
            }
        }
        for shard in shards { shard.file.release() }
        progress?(texts.count, texts.count)
    }

    /// The shard holding global row `row`, and the row within it.
    private static func locate(_ row: Int, _ starts: [Int]) -> (shard: Int, row: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= row { low = middle } else { high = middle - 1 }
        }
        return (low, row - starts[low])
    }

    /// Row `row` (global) converted to Float32 into `destination`.
    private static func copy(row: Int, of shards: [LoadedShard], starts: [Int], into destination: UnsafeMutableBufferPointer<Float>) {
        let (index, local) = locate(row, starts)
        let shard = shards[index]
        let columns = shard.header.columns
        shard.file.withBytes { bytes in
            let start = shard.header.dataOffset + local * columns * shard.header.scalar.size
            switch shard.header.scalar {
            case .float32:
                for c in 0..<columns {
                    destination[c] = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 4 * c, as: UInt32.self)))
                }
            case .float16:
                for c in 0..<columns {
                    destination[c] = HalfPrecision.float(fromF16: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 2 * c, as: UInt16.self)))
                }
            }
        }
    }

    /// Calls `body` with the line number (from 1) and text of each line `{"text": ...}` of a texts file.
    /// A final newline is optional; any other empty line, or a line that is not such an object, is an error.
    static func forEachText(_ bytes: UnsafeRawBufferPointer, path: String, _ body: (Int, String) throws -> Void) throws {
        var line = 0, start = 0
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            line += 1
            var stop = end
            if stop > start && bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
            let text = try TextsLine.text(UnsafeRawBufferPointer(rebasing: bytes[start..<stop]), path: path, line: line)
            try body(line, text)
            start = end + 1
        }
    }
}

/// One line of a `texts.jsonl` file: `{"text": "..."}` (other keys allowed and ignored).
enum TextsLine {
    /// The common line `{"text": "plain"}` without escapes is sliced directly; anything else goes
    /// through the JSON parser.
    static func text(_ bytes: UnsafeRawBufferPointer, path: String, line: Int) throws -> String {
        let head = Array(#"{"text": ""#.utf8), tail = Array(#""}"#.utf8)
        if bytes.count >= head.count + tail.count,
           bytes.prefix(head.count).elementsEqual(head), bytes.suffix(tail.count).elementsEqual(tail) {
            let body = UnsafeRawBufferPointer(rebasing: bytes[head.count..<(bytes.count - tail.count)])
            if !body.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 }),
               let text = String(validating: body, as: UTF8.self) {
                return text
            }
        }
        func bad(_ reason: String) -> EmbeddingsError { .invalidLine(path: path, line: line, reason: reason) }
        guard !bytes.isEmpty else { throw bad("empty line; expected {\"text\": ...}") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(Array(bytes))
        } catch {
            throw bad("not JSON: \(error.message)")
        }
        guard value.members != nil else { throw bad("not a JSON object; expected {\"text\": ...}") }
        guard let text = value["text"]?.string else { throw bad("missing \"text\" string") }
        return text
    }
}
