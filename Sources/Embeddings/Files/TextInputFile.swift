import Foundation

/// The texts of an `embed` input file: JSONL objects with a `"text"` field when the file is `.jsonl`
/// (or its first non-blank line is a JSON object), else one text per line.
///
/// In a plain text file every line is a text, blank lines included, so row i of the output is line
/// i + 1; a final newline does not start another text, and `\r\n` endings count as `\n`. In JSONL,
/// blank lines are skipped and each error names the file and line.
public enum TextInputFile {
    public static func read(_ url: URL) throws -> [String] {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { throw EmbeddingsError.missingFile(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EmbeddingsError.unreadable(path: path, reason: error.localizedDescription)
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let isJSONL = url.pathExtension.lowercased() == "jsonl"
            || lines.first(where: { !$0.allSatisfy(isSpace) })?.first(where: { !isSpace($0) }) == UInt8(ascii: "{")
        var texts: [String] = []
        texts.reserveCapacity(lines.count)
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
            func bad(_ reason: String) -> EmbeddingsError {
                .invalidLine(path: path, line: index + 1, reason: reason)
            }
            guard let text = String(data: Data(line), encoding: .utf8) else { throw bad("not UTF-8") }
            guard isJSONL else {
                texts.append(text)
                continue
            }
            if line.allSatisfy(isSpace) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw bad("not a JSON object")
            }
            guard let value = object["text"] as? String else { throw bad("missing \"text\" string") }
            texts.append(value)
        }
        return texts
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }
}
