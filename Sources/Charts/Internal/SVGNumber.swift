/// Formats numbers for SVG and tick labels with a fixed number of decimals.
///
/// Locale-free and never scientific: the digits come from rounding `|x| * 10^decimals` to an
/// integer, so identical input gives identical text on every platform. A value that rounds to zero
/// prints without a minus sign (no "-0"); a non-finite value prints as "0" (callers drop such data
/// before drawing, this is the last guard); magnitudes are clamped to 1e15 so the integer path is
/// exact.
enum SVGNumber {
    static let limit = 1e15

    static func format(_ value: Double, decimals: Int) -> String {
        let decimals = min(max(decimals, 0), 9)
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -limit), limit)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(clamped) * scale).rounded()
        // Past 2^63 the rounding above is already exact, but UInt64 must not overflow.
        let integer = scaled < 9.0e18 ? UInt64(scaled) : UInt64(9.0e18)
        if integer == 0 {
            return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
        }
        var digits = String(integer)
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        var text = digits
        if decimals > 0 {
            let split = text.index(text.endIndex, offsetBy: -decimals)
            text = String(text[..<split]) + "." + String(text[split...])
        }
        return clamped < 0 ? "-" + text : text
    }

    /// A pixel coordinate: one decimal, the precision a screen or printer can show.
    static func px(_ value: Double) -> String { format(value, decimals: 1) }
}

extension SVGNumber {
    /// A value for prose and tables with about three significant digits (at most 6 decimals).
    static func significant(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        var decimals = 2
        var magnitude = abs(value)
        while magnitude >= 10, decimals > 0 { magnitude /= 10; decimals -= 1 }
        while magnitude < 1, decimals < 6 { magnitude *= 10; decimals += 1 }
        return format(value, decimals: decimals)
    }
}
