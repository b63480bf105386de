import Foundation
import Metrics

/// How numbers read on the page: fixed decimals, a real minus sign, percentages, p-values.
enum ReportFormat {
    /// `0.40`; absent or non-finite values read "n/a".
    static func fixed(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `+0.51` / `−0.36` / `0.00`.
    static func signed(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "n/a" }
        let text = fixed(value, decimals)
        // A value that rounds to zero reads 0.00, not −0.00.
        if Double(text.replacingOccurrences(of: "−", with: "-")) == 0 { return fixed(0, decimals) }
        if text.hasPrefix("−") { return text }
        return "+" + text
    }

    /// `83.1%`.
    static func percent(_ value: Double, _ decimals: Int = 1) -> String {
        guard value.isFinite else { return "n/a" }
        return fixed(value * 100, decimals) + "%"
    }

    /// A p-value with its relation: `< 0.001`, `= 0.023`, `= 0.41`.
    static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "n/a" }
        if p < 0.001 { return "< 0.001" }
        if p < 0.01 { return "= " + fixed(p, 3) }
        return "= " + fixed(p, 2)
    }

    /// A p-value for a table cell: `< 0.001`, `0.023`, `0.41`.
    static func pCell(_ p: Double?) -> String {
        pValue(p).replacingOccurrences(of: "= ", with: "")
    }

    /// `1,469`.
    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// The first 12 hex digits of a digest.
    static func shortDigest(_ digest: String) -> String {
        String(digest.prefix(12))
    }

    /// The effect-size word of d (Metrics' `DiagnosisRule.effectSizeWord`: small 0.2, medium 0.5,
    /// large 0.8, very large 1.2, huge 2.0), with "inverted" when d is negative and not negligible.
    static func effectSize(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "undefined" }
        let word = DiagnosisRule.effectSizeWord(d)
        return d < 0 && word != "negligible" ? word + ", inverted" : word
    }

    /// `2026-11-23 04:30 UTC`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
