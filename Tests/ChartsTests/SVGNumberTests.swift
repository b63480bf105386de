import Testing
@testable import Charts

@Suite("Fixed-decimal number formatting")
struct SVGNumberTests {
    @Test("Numbers print with fixed decimals, no locale, no exponent, no negative zero", arguments: [
        (0.0, 1, "0.0"), (-0.0, 1, "0.0"), (-0.0004, 3, "0.000"), (-0.04, 1, "0.0"), (123.456, 1, "123.5"),
        (-1.25, 1, "-1.3"), (0.5, 0, "1"), (12_000, 0, "12000"), (0.000123, 6, "0.000123"),
        (1e20, 1, "1000000000000000.0"), (-1e-20, 2, "0.00"), (.nan, 2, "0"), (.infinity, 1, "0"),
    ] as [(Double, Int, String)])
    func format(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(SVGNumber.format(value, decimals: decimals) == expected)
    }

    @Test("Prose numbers keep about three significant digits", arguments: [
        (0.8123, "0.812"), (12.345, "12.3"), (1234.5, "1235"), (0.0012345, "0.00123"), (-0.5, "-0.500"), (0, "0"),
    ] as [(Double, String)])
    func significant(_ value: Double, _ expected: String) {
        #expect(SVGNumber.significant(value) == expected)
    }
}
