/// A JSON value whose objects keep every member, in order, with keys exactly as written.
///
/// Foundation's parsers return `[String: Any]`, and Swift `String` keys that are canonically
/// equivalent (`"å"` and `"a\u{30A}"`) collapse into one; a WordPiece vocabulary may hold both
/// as different ids, so `tokenizer.json` is read with this small RFC 8259 parser instead.
enum ExactJSON: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ExactJSON])
    case object([(key: String, value: ExactJSON)])

    static func == (lhs: ExactJSON, rhs: ExactJSON) -> Bool {
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
    subscript(key: String) -> ExactJSON? {
        guard case .object(let members) = self else { return nil }
        let bytes = Array(key.utf8)
        return members.first { $0.key.utf8.elementsEqual(bytes) }?.value
    }

    var string: String? { if case .string(let value) = self { return value }; return nil }
    var number: Double? { if case .number(let value) = self { return value }; return nil }
    var bool: Bool? { if case .bool(let value) = self { return value }; return nil }
    var array: [ExactJSON]? { if case .array(let value) = self { return value }; return nil }
    var members: [(key: String, value: ExactJSON)]? { if case .object(let value) = self { return value }; return nil }
    var isNull: Bool { self == .null }

    /// A whole number that fits an `Int32` id.
    var id: Int32? {
        guard let value = number, value.rounded() == value, value >= 0, value <= Double(Int32.max) else { return nil }
        return Int32(value)
    }

    struct ParseError: Error {
        let offset: Int
        let reason: String
    }

    /// Parses one JSON document from UTF-8 bytes (the caller checks that they are valid UTF-8).
    static func parse(_ bytes: [UInt8]) throws -> ExactJSON {
        var parser = Parser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.offset == bytes.count else { throw ParseError(offset: parser.offset, reason: "text after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        mutating func skipWhitespace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0A, 0x0D: offset += 1
                default: return
                }
            }
        }

        func fail(_ reason: String) -> ParseError { ParseError(offset: offset, reason: reason) }

        mutating func expect(_ literal: String, _ value: ExactJSON) throws -> ExactJSON {
            let expected = Array(literal.utf8)
            guard bytes.count - offset >= expected.count, bytes[offset..<(offset + expected.count)].elementsEqual(expected) else {
                throw fail("unexpected character")
            }
            offset += expected.count
            return value
        }

        mutating func value(depth: Int) throws -> ExactJSON {
            guard depth < 512 else { throw fail("nested too deeply") }
            skipWhitespace()
            guard offset < bytes.count else { throw fail("unexpected end") }
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                offset += 1
                var members: [(key: String, value: ExactJSON)] = []
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                    let key = try string()
                    skipWhitespace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    offset += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard offset < bytes.count else { throw fail("unexpected end") }
                    if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                    guard bytes[offset] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                    offset += 1
                    return .object(members)
                }
            case UInt8(ascii: "["):
                offset += 1
                var elements: [ExactJSON] = []
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard offset < bytes.count else { throw fail("unexpected end") }
                    if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                    guard bytes[offset] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                    offset += 1
                    return .array(elements)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            default:
                return .number(try number())
            }
        }

        mutating func number() throws -> Double {
            let start = offset
            scan: while offset < bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                     UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    offset += 1
                default:
                    break scan
                }
            }
            guard offset > start, let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
                offset = start
                throw fail("unexpected character")
            }
            return value
        }

        /// A string starting at the opening quote; escapes decoded, other bytes kept as they are.
        mutating func string() throws -> String {
            offset += 1
            var utf8: [UInt8] = []
            while true {
                guard offset < bytes.count else { throw fail("unterminated string") }
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard offset < bytes.count else { throw fail("unterminated string") }
                    let escape = bytes[offset]
                    offset += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            // A high surrogate must be followed by an escaped low one.
                            guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"),
                                  bytes[offset + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
                            offset += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw fail("lone surrogate") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw fail("lone surrogate") }
                        UTF8.encode(scalar) { utf8.append($0) }
                    default:
                        throw fail("invalid escape")
                    }
                default:
                    guard byte >= 0x20 else { throw fail("control character in string") }
                    utf8.append(byte)
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard bytes.count - offset >= 4 else { throw fail("short \\u escape") }
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = hexDigit(bytes[offset]) else { throw fail("invalid \\u escape") }
                code = code << 4 | digit
                offset += 1
            }
            return code
        }

        func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
    }
}
