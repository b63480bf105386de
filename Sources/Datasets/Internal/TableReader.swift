import Core
import Foundation

/// One value of a data row: text from a CSV/TSV cell, or a JSON value from a JSONL object.
enum TableField {
    case text(String)
    case json(JSONValue)
}

/// One data row of a JSONL, CSV or TSV file, with the line it starts on.
struct TableRecord {
    let file: String
    let line: Int
    let fields: [String: TableField]

    /// A JSON object's members as fields. Column names are looked up as the user typed them, so two
    /// names that differ only in Unicode normal form are one column here: the first one counts.
    static func fields(_ members: [(key: String, value: JSONValue)]) -> [String: TableField] {
        Dictionary(members.map { ($0.key, TableField.json($0.value)) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Reads records from a JSONL, CSV or TSV file (chosen by extension), streaming line by line.
///
/// CSV and TSV need a header row; its column names (trimmed) key each record, and a repeated name
/// is an error. JSONL lines must each be one JSON object; blank lines are skipped.
final class TableReader {
    enum Format { case jsonLines, delimited(UInt8) }

    let file: String
    let format: Format
    /// The header's columns for CSV/TSV; nil for JSONL.
    private(set) var header: [String]?
    private(set) var headerLine = 0
    private let stream: LineStream

    static let supportedExtensions = ".jsonl, .ndjson, .csv or .tsv"

    init(url: URL, file: String? = nil) throws {
        let name = file ?? url.lastPathComponent
        self.file = name
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson": format = .jsonLines
        case "csv": format = .delimited(UInt8(ascii: ","))
        case "tsv", "tab": format = .delimited(UInt8(ascii: "\t"))
        default: throw DatasetError.unsupportedFormat(file: name, expected: Self.supportedExtensions)
        }
        stream = try LineStream(url: url, file: name)
        if case let .delimited(delimiter) = format {
            guard let (names, line) = try DelimitedParser(delimiter: delimiter).nextRecord(from: stream) else {
                throw DatasetError.emptyData(file: name)
            }
            var seen = Set<String>()
            let trimmed = names.map { $0.trimmingCharacters(in: .whitespaces) }
            for name in trimmed where !seen.insert(name).inserted {
                throw DatasetError.duplicateColumn(file: self.file, line: line, column: name)
            }
            header = trimmed
            headerLine = line
        }
    }

    /// The next record, or nil at the end of the file.
    func next() throws -> TableRecord? {
        switch format {
        case .jsonLines:
            while let bytes = try stream.nextLine() {
                if bytes.allSatisfy({ [0x20, 0x09].contains($0) }) { continue }
                let line = stream.lineNumber
                _ = try stream.decode(bytes)
                let value: JSONValue
                do {
                    value = try JSONValue.parse(bytes, rejectDuplicateKeys: true)
                } catch {
                    throw DatasetError.malformedJSON(file: file, line: line, detail: error.message)
                }
                guard case let .object(members) = value else {
                    throw DatasetError.malformedJSON(file: file, line: line, detail: "expected an object, got \(value.typeName)")
                }
                return TableRecord(file: file, line: line, fields: TableRecord.fields(members))
            }
            return nil
        case let .delimited(delimiter):
            guard let header, let (cells, line) = try DelimitedParser(delimiter: delimiter).nextRecord(from: stream) else {
                return nil
            }
            guard cells.count == header.count else {
                throw DatasetError.malformedCSV(file: file, line: line,
                                                detail: "expected \(header.count) fields as in the header, got \(cells.count)")
            }
            var fields: [String: TableField] = [:]
            for (name, cell) in zip(header, cells) { fields[name] = .text(cell) }
            return TableRecord(file: file, line: line, fields: fields)
        }
    }

    /// SHA-256 of the file's bytes (reads the rest of the file if needed).
    func fileDigest() throws -> String { try stream.fileDigest() }
}
