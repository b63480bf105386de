import Foundation
import Testing
@testable import Reports

@Suite("Site number text")
struct SiteNumberFormatTests {
    /// Expected values are JavaScript's `x.toFixed(d)` (checked in Chromium by SiteBrowserTests).
    @Test("Rounds like JavaScript's toFixed, exact ties away from zero", arguments: [
        (0.8125, 3, "0.813"), (-0.8125, 3, "-0.813"), (0.125, 2, "0.13"), (0.5, 0, "1"), (2.5, 0, "3"),
        (0.1, 3, "0.100"), (0.9996, 3, "1.000"), (9.9995, 3, "9.999"), (-0.0004, 3, "-0.000"), (0.0033333, 3, "0.003"),
        (1.005, 2, "1.00"), (99.5, 0, "100"),
    ])
    func fixed(value: Double, digits: Int, expected: String) {
        #expect(SiteNumberFormat.fixed(value, digits) == expected)
    }

    @Test("Signs deltas, leaves missing values as n/a, writes tiny p-values as < 0.001")
    func signedAndMissing() {
        #expect(SiteNumberFormat.signed(0.0033, 3) == "+0.003")
        #expect(SiteNumberFormat.signed(-0.08, 2) == "-0.08")
        #expect(SiteNumberFormat.signed(0, 3) == "0.000")
        #expect(SiteNumberFormat.signed(-0.0004, 3) == "0.000", "a delta that rounds to zero has no sign")
        #expect(SiteNumberFormat.signed(0.0004, 3) == "0.000")
        #expect(SiteNumberFormat.fixed(nil, 3) == "n/a")
        #expect(SiteNumberFormat.fixed(.nan, 3) == "n/a")
        #expect(SiteNumberFormat.pValue(1.7e-56) == "< 0.001")
        #expect(SiteNumberFormat.pValue(0.7524) == "0.752")
    }

    @Test("Embedded JSON escapes what could end a script element and reads back the same values")
    func embeddedJSON() throws {
        let value = EmbeddedJSON.object([
            ("name", .string("</script><!-- & \u{2028}\"\\")),
            ("x", .number(0.1 + 0.2)),
            ("n", .number(60)),
            ("none", .number(nil)),
        ])
        let text = value.text
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["name"] as? String == "</script><!-- & \u{2028}\"\\")
        // Shortest round-trip digits, which JavaScript's JSON.parse reads back exactly.
        #expect(text.contains("\"x\":0.30000000000000004"))
        #expect((parsed["n"] as? NSNumber)?.intValue == 60)
        #expect(parsed["none"] is NSNull)
    }
}
