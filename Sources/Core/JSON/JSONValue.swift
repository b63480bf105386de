/// A parsed JSON value whose objects keep every member, in order, with keys exactly as written.
///
/// Foundation's parsers return `[String: Any]`, and Swift `String` keys that are canonically
/// equivalent (`"å"` and `"a\u{30A}"`) collapse into one: a WordPiece vocabulary may hold both as
/// different ids, and a data row may name two columns that only look alike. So every JSON document
/// tunelens reads (tokenizer.json, safetensors headers, JSONL data, training logs, model configs)
/// goes through this one RFC 8259 parser, which also tells `true` from `1` and reports where a
/// syntax error is.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Equality byte for byte on strings and keys, so canonically equivalent texts stay different.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a.utf8.elementsEqual(b.utf8)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && $0.value == $1.value }
        default: return false
        }
    }

    /// The value of the first member named `key` (compared byte for byte), when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        let bytes = Array(key.utf8)
        return members.first { $0.key.utf8.elementsEqual(bytes) }?.value
    }

    public var string: String? { if case .string(let value) = self { return value }; return nil }
    public var number: Double? { if case .number(let value) = self { return value }; return nil }
    public var bool: Bool? { if case .bool(let value) = self { return value }; return nil }
    public var array: [JSONValue]? { if case .array(let value) = self { return value }; return nil }
    public var members: [(key: String, value: JSONValue)]? { if case .object(let value) = self { return value }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// A whole number that fits an `Int` (numbers above 2^53 are whole doubles, exact as read).
    public var integer: Int? {
        guard let value = number, value.rounded() == value, abs(value) < 0x1p63 else { return nil }
        return Int(value)
    }

    /// A whole number that fits an `Int32` id.
    public var id: Int32? {
        guard let value = number, value.rounded() == value, value >= 0, value <= Double(Int32.max) else { return nil }
        return Int32(value)
    }

    /// What a user would call this value's type, for error messages ("a number", "text").
    public var typeName: String {
        switch self {
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// A JSON syntax problem and where it is.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. "expected ':' after key \"a\"".
    public let reason: String
    /// The 0-based byte offset of the problem.
    public let offset: Int

    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// The reason with its 1-based column, for single-line JSON.
    public var message: String { "\(reason) at column \(offset + 1)" }
    public var description: String { "\(reason) at byte \(offset)" }
}
