import Foundation

/// Typed access to a record's fields, each failure a `DatasetError` naming the file and line.
extension TableRecord {
    /// Texts longer than this many characters are rejected rather than silently truncated.
    static let textCharacterLimit = 100_000

    func has(_ column: String) -> Bool {
        guard let field = fields[column] else { return false }
        if case .json(.null) = field { return false }
        return true
    }

    private func field(_ column: String) throws -> TableField {
        guard let field = fields[column], has(column) else {
            throw DatasetError.missingColumn(file: file, line: line, column: column)
        }
        return field
    }

    /// A non-empty text of at most `textCharacterLimit` characters.
    func text(_ column: String) throws -> String {
        let text: String
        switch try field(column) {
        case let .text(cell): text = cell
        case let .json(.string(string)): text = string
        case let .json(other):
            throw DatasetError.wrongType(file: file, line: line, column: column, expected: "text", got: other.typeName)
        }
        if text.allSatisfy(\.isWhitespace) {
            throw DatasetError.emptyText(file: file, line: line, column: column)
        }
        if text.utf8.count > Self.textCharacterLimit {
            let length = text.count
            if length > Self.textCharacterLimit {
                throw DatasetError.textTooLong(file: file, line: line, column: column,
                                               length: length, limit: Self.textCharacterLimit)
            }
        }
        return text
    }

    /// A plain string field (identifiers, titles) that may be empty; JSON numbers are accepted as ids.
    func string(_ column: String) throws -> String {
        switch try field(column) {
        case let .text(cell): return cell
        case let .json(.string(string)): return string
        case let .json(.number(number)) where number == number.rounded() && abs(number) < 1e15:
            return String(Int64(number))
        case let .json(other):
            throw DatasetError.wrongType(file: file, line: line, column: column, expected: "text", got: other.typeName)
        }
    }

    /// A binary label: 0/1 (also 0.0/1.0), "0"/"1", true/false.
    func label(_ column: String) throws -> Bool {
        switch try field(column) {
        case let .json(.bool(flag)): return flag
        case let .json(.number(number)):
            if number == 0 { return false }
            if number == 1 { return true }
            throw DatasetError.labelNotBinary(file: file, line: line, got: Self.format(number))
        case let .json(.string(cell)), let .text(cell):
            switch cell.trimmingCharacters(in: .whitespaces).lowercased() {
            case "0", "0.0", "false": return false
            case "1", "1.0", "true": return true
            default: throw DatasetError.labelNotBinary(file: file, line: line, got: "\"\(Self.clip(cell))\"")
            }
        case let .json(other):
            throw DatasetError.labelNotBinary(file: file, line: line, got: other.typeName)
        }
    }

    /// A finite number (a JSON number, or a numeric string/cell).
    func number(_ column: String) throws -> Double {
        let value: Double
        switch try field(column) {
        case let .json(.number(number)): value = number
        case let .json(.string(cell)), let .text(cell):
            guard let parsed = Double(cell.trimmingCharacters(in: .whitespaces)) else {
                throw DatasetError.wrongType(file: file, line: line, column: column, expected: "a number",
                                             got: "\"\(Self.clip(cell))\"")
            }
            value = parsed
        case let .json(other):
            throw DatasetError.wrongType(file: file, line: line, column: column, expected: "a number", got: other.typeName)
        }
        guard value.isFinite else {
            throw DatasetError.invalidValue(file: file, line: line, column: column, detail: "must be a finite number")
        }
        return value
    }

    /// A non-negative whole number.
    func count(_ column: String) throws -> Int {
        let value = try number(column)
        guard value >= 0, value == value.rounded(), value < 1e15 else {
            throw DatasetError.invalidValue(file: file, line: line, column: column, detail: "must be a whole number ≥ 0")
        }
        return Int(value)
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// Quoted user values in messages stay short and on one line.
    static func clip(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
    }
}
