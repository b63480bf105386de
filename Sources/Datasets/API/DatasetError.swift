/// Everything that can be wrong with a dataset file, each described on one line naming the file
/// (and the line, for data problems), e.g. `data.jsonl:17: label must be 0 or 1, got "yes"`.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// The extension names no format this reader understands.
    case unsupportedFormat(file: String, expected: String)
    /// A JSON line (or JSON document) that does not parse.
    case malformedJSON(file: String, line: Int, detail: String)
    /// A CSV/TSV record that does not parse or has the wrong number of fields.
    case malformedCSV(file: String, line: Int, detail: String)
    /// A required column or field is absent.
    case missingColumn(file: String, line: Int, column: String)
    /// A CSV/TSV header names the same column twice.
    case duplicateColumn(file: String, line: Int, column: String)
    /// A label that is not 0/1, true/false.
    case labelNotBinary(file: String, line: Int, got: String)
    /// Pair classification needs both classes; this file has one.
    case oneClassOnly(file: String, label: Int, count: Int)
    /// The file holds no data rows.
    case emptyData(file: String)
    /// A text field that is empty or only whitespace.
    case emptyText(file: String, line: Int, column: String)
    /// A text longer than `limit` characters.
    case textTooLong(file: String, line: Int, column: String, length: Int, limit: Int)
    /// Bytes that are not valid UTF-8.
    case notUTF8(file: String, line: Int)
    /// A JSON value of the wrong type, e.g. a number where text is expected.
    case wrongType(file: String, line: Int, column: String, expected: String, got: String)
    /// A value of the right type that is still unusable (a NaN score, an unknown probe direction).
    case invalidValue(file: String, line: Int, column: String, detail: String)
    /// The same identifier twice (BEIR corpus or queries).
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    /// A BEIR qrels row naming a query or document that does not exist.
    case unknownID(file: String, line: Int, kind: String, id: String)

    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .unsupportedFormat(file, expected):
            return "\(file): unsupported file type; expected \(expected)"
        case let .malformedJSON(file, line, detail):
            return "\(at(file, line)): malformed JSON: \(detail)"
        case let .malformedCSV(file, line, detail):
            return "\(at(file, line)): malformed CSV: \(detail)"
        case let .missingColumn(file, line, column):
            return "\(at(file, line)): missing column \"\(column)\""
        case let .duplicateColumn(file, line, column):
            return "\(at(file, line)): duplicate column \"\(column)\" in the header"
        case let .labelNotBinary(file, line, got):
            return "\(at(file, line)): label must be 0 or 1, got \(got)"
        case let .oneClassOnly(file, label, count):
            return "\(file): all \(count) pairs have label \(label); pair classification needs both classes"
        case let .emptyData(file):
            return "\(file): no data rows"
        case let .emptyText(file, line, column):
            return "\(at(file, line)): \"\(column)\" is empty"
        case let .textTooLong(file, line, column, length, limit):
            return "\(at(file, line)): \"\(column)\" has \(length) characters; the limit is \(limit)"
        case let .notUTF8(file, line):
            return "\(at(file, line)): bytes that are not valid UTF-8"
        case let .wrongType(file, line, column, expected, got):
            return "\(at(file, line)): \"\(column)\" must be \(expected), got \(got)"
        case let .invalidValue(file, line, column, detail):
            return "\(at(file, line)): \"\(column)\" \(detail)"
        case let .duplicateID(file, line, id, firstLine):
            return "\(at(file, line)): duplicate id \"\(id)\" (first on line \(firstLine))"
        case let .unknownID(file, line, kind, id):
            return "\(at(file, line)): unknown \(kind) id \"\(id)\""
        }
    }

    /// `file:line`, or just `file` when the problem has no line (inside a single JSON document).
    private func at(_ file: String, _ line: Int) -> String {
        line > 0 ? "\(file):\(line)" : file
    }
}
