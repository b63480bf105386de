import Foundation

/// Texts to embed: a plain text file (one text per line; blank lines skipped) or JSONL with a
/// `"text"` field, under the same rules as every other reader (UTF-8, non-empty, at most 100,000
/// characters, errors with file:line).
public struct TextList: Sendable {
    public let url: URL
    public let texts: [String]
    /// The line each text came from, parallel to `texts`.
    public let lines: [Int]
    public let digest: String

    public init(url: URL, texts: [String], lines: [Int], digest: String) {
        self.url = url
        self.texts = texts
        self.lines = lines
        self.digest = digest
    }

    public static func read(_ url: URL) throws -> TextList {
        let file = url.lastPathComponent
        var texts: [String] = []
        var lines: [Int] = []
        let digest: String
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson":
            let reader = try TableReader(url: url)
            while let record = try reader.next() {
                texts.append(try record.text("text"))
                lines.append(record.line)
            }
            digest = try reader.fileDigest()
        case "txt", "text", "":
            let stream = try LineStream(url: url, file: file)
            while let line = try stream.nextText() {
                if line.allSatisfy(\.isWhitespace) { continue }
                let record = TableRecord(file: file, line: stream.lineNumber, fields: ["text": .text(line)])
                texts.append(try record.text("text"))
                lines.append(stream.lineNumber)
            }
            digest = try stream.fileDigest()
        default:
            throw DatasetError.unsupportedFormat(file: file, expected: ".txt (one text per line) or .jsonl")
        }
        guard !texts.isEmpty else { throw DatasetError.emptyData(file: file) }
        return TextList(url: url, texts: texts, lines: lines, digest: digest)
    }
}
