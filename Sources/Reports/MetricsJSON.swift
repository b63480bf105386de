import Core
import Evaluation
import Foundation
import Metrics

/// A JSON value written deterministically: object keys sorted by their UTF-8 bytes, numbers in
/// Swift's shortest round-trip form, so identical results give byte-identical files.
enum MetricsJSON: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A non-finite double is written as `null` (JSON has no NaN).
    case number(Double)
    case string(String)
    case array([MetricsJSON])
    case object([String: MetricsJSON])

    /// A number, or `null` when the value is absent.
    static func number(_ value: Double?) -> MetricsJSON {
        value.map { .number($0) } ?? .null
    }

    /// `[lo, hi]`, or `[null, null]` when the interval is undefined.
    static func interval(_ range: ClosedInterval?) -> MetricsJSON {
        .array([.number(range?.lower), .number(range?.upper)])
    }

    /// Serialises with two-space indentation (or compactly on one line).
    func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        if pretty { out += "\n" }
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += Self.format(d)
        case .string(let s): JSONText.append(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // Arrays of numbers stay on one line: ROC points and histograms would otherwise take pages.
            let flat = indent == nil || items.allSatisfy(\.isScalarOrNumberArray)
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += flat ? (indent == nil ? "," : ", ") : "," }
                if !flat, let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, indent: flat ? nil : indent.map { $0 + 1 })
            }
            if !flat, let indent { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (k, key) in keys.enumerated() {
                if k > 0 { out += "," }
                if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONText.append(key, to: &out)
                out += indent == nil ? ":" : ": "
                members[key]!.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private var isScalarOrNumberArray: Bool {
        switch self {
        case .null, .bool, .int, .number: return true
        case .array(let items): return items.allSatisfy {
            switch $0 { case .null, .int, .number: return true; default: return false }
        }
        default: return false
        }
    }

    /// Shortest round-trip decimal; integral values keep no ".0" only when they came in as `.int`.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
        return "\(d)"
    }
}
