import Core
import Foundation

/// A JSON value written for embedding in `<script type="application/json">`: deterministic key
/// order, numbers in Swift's shortest round-trip form (so JavaScript reads back the same double),
/// and `<`, `>`, `&`, U+2028 and U+2029 escaped as `\uXXXX`, so that no text in a run's name,
/// notes or pairs (such as `</script>` or `<!--`) can end the script element.
///
/// Source: HTML Living Standard, "Restrictions for contents of script elements".
indirect enum EmbeddedJSON {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([EmbeddedJSON])
    /// Keys keep the order given.
    case object([(String, EmbeddedJSON)])

    static func number(_ value: Double?) -> EmbeddedJSON {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    static func string(_ value: String?) -> EmbeddedJSON {
        value.map { .string($0) } ?? .null
    }

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .null:
            out += "null"
        case let .bool(flag):
            out += flag ? "true" : "false"
        case let .number(value):
            if value == value.rounded(), abs(value) < 1e15 {
                out += String(Int64(value))
            } else {
                out += "\(value)"
            }
        case let .string(text):
            JSONText.append(text, to: &out, escapingHTML: true)
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case let .object(members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                JSONText.append(member.0, to: &out, escapingHTML: true)
                out += ":"
                member.1.write(into: &out)
            }
            out += "}"
        }
    }
}
