import Foundation

/// Number text for the site pages, identical to what the index page's script prints.
///
/// The in-browser diff formats with JavaScript's `Number.prototype.toFixed`, so the diff page
/// must round exactly as it does: the decimal expansion of the binary value, with an exact tie
/// (e.g. 0.8125 to three digits) rounded away from zero, where C's printf would round to even.
/// ECMA-262, `Number.prototype.toFixed`, step 10: "If there are two such n, pick the larger n."
enum SiteNumberFormat {
    /// `x` with `digits` decimals, as `x.toFixed(digits)` prints it; "n/a" for a missing value.
    static func fixed(_ x: Double?, _ digits: Int) -> String {
        guard let x, x.isFinite else { return "n/a" }
        let rounded = String(format: "%.\(digits)f", x)
        // A value that is exactly halfway has at most digits + 1 decimals in binary, so 30 more
        // decimals show it exactly: the `digits` decimals, then "5", then zeros.
        let long = String(format: "%.\(digits + 30)f", x)
        let cut = long.index(long.endIndex, offsetBy: -30)
        let tail = long[cut...]
        guard tail.first == "5", tail.dropFirst().allSatisfy({ $0 == "0" }) else { return rounded }
        var kept = String(long[..<cut])
        if digits == 0 { kept.removeLast() }  // "2." -> "2"
        return incrementLastDigit(kept)
    }

    /// A signed difference: "+0.012", "-0.004", and "0.000" for anything that rounds to zero
    /// (no "-0.000" or "+0.000").
    static func signed(_ x: Double?, _ digits: Int) -> String {
        guard let x, x.isFinite else { return "n/a" }
        let text = fixed(x, digits)
        if text.allSatisfy({ $0 == "-" || $0 == "0" || $0 == "." }) { return fixed(0, digits) }
        return (x > 0 ? "+" : "") + text
    }

    /// "0.912 [0.897, 0.927]", or the value alone when there is no interval.
    static func withInterval(_ x: Double?, _ interval: ClosedRange<Double>?, _ digits: Int) -> String {
        guard let interval, x != nil else { return fixed(x, digits) }
        return "\(fixed(x, digits)) [\(fixed(interval.lowerBound, digits)), \(fixed(interval.upperBound, digits))]"
    }

    /// A p-value: three significant decimals, "< 0.001" below that.
    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : fixed(p, 3)
    }

    /// "p = 0.420" or "p < 0.001" (index.js `pEquals`).
    static func pEquals(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : "p = " + fixed(p, 3)
    }

    /// Adds one unit in the last place to a decimal string's magnitude ("-0.812" -> "-0.813").
    private static func incrementLastDigit(_ text: String) -> String {
        var characters = Array(text)
        var index = characters.count - 1
        while index >= 0 {
            guard let digit = characters[index].wholeNumberValue else {
                index -= 1
                continue
            }
            if digit < 9 {
                characters[index] = Character(String(digit + 1))
                return String(characters)
            }
            characters[index] = "0"
            index -= 1
        }
        // Carried past the first digit: "9.99" -> "10.00", "-9.9" -> "-10.0".
        let insertAt = characters.first == "-" ? 1 : 0
        characters.insert("1", at: insertAt)
        return String(characters)
    }
}
