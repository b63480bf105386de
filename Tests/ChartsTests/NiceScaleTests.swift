import Core
import Testing
@testable import Charts

@Suite("Nice axis ticks")
struct NiceScaleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let minimum: Double, maximum: Double, maxTicks: Int
        let lower: Double, upper: Double, step: Double, labels: [String]
        var testDescription: String { "[\(minimum), \(maximum)] in \(maxTicks) ticks" }
    }

    static let cases: [Case] = [
        Case(minimum: 0, maximum: 1, maxTicks: 6, lower: 0, upper: 1, step: 0.2, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(minimum: 0.13, maximum: 0.87, maxTicks: 6, lower: 0, upper: 1, step: 0.2, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(minimum: 0, maximum: 1200, maxTicks: 8, lower: 0, upper: 1200, step: 200, labels: ["0", "200", "400", "600", "800", "1000", "1200"]),
        Case(minimum: -0.73, maximum: 0.41, maxTicks: 6, lower: -1, upper: 0.5, step: 0.5, labels: ["-1.0", "-0.5", "0.0", "0.5"]),
        Case(minimum: 0.861, maximum: 0.884, maxTicks: 6, lower: 0.86, upper: 0.885, step: 0.005,
             labels: ["0.860", "0.865", "0.870", "0.875", "0.880", "0.885"]),
        Case(minimum: 5, maximum: 5, maxTicks: 6, lower: 4.5, upper: 5.5, step: 0.5, labels: ["4.5", "5.0", "5.5"]),
        Case(minimum: 0, maximum: 0, maxTicks: 6, lower: -1, upper: 1, step: 0.5, labels: ["-1.0", "-0.5", "0.0", "0.5", "1.0"]),
        Case(minimum: .nan, maximum: 3, maxTicks: 6, lower: 0, upper: 1, step: 0.2, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(minimum: -.greatestFiniteMagnitude, maximum: .greatestFiniteMagnitude, maxTicks: 3,
             lower: -1e15, upper: 1e15, step: 1e15, labels: ["-1000000000000000", "0", "1000000000000000"]),
        Case(minimum: 2.5, maximum: -3.2, maxTicks: 5, lower: -4, upper: 4, step: 2, labels: ["-4", "-2", "0", "2", "4"]),
    ]

    @Test("Known ranges get the expected 1-2-5 ticks", arguments: cases)
    func known(_ c: Case) {
        let scale = NiceScale(minimum: c.minimum, maximum: c.maximum, maxTicks: c.maxTicks)
        #expect(abs(scale.lower - c.lower) < 1e-12)
        #expect(abs(scale.upper - c.upper) < 1e-12)
        #expect(abs(scale.step - c.step) < 1e-12)
        #expect(scale.labels == c.labels)
    }

    @Test("Random ranges: ticks cover the data, respect the limit and step by 1, 2 or 5 times a power of ten")
    func properties() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let scaleExponent = Int(rng.next() % 12) - 6
            var magnitude = 1.0
            for _ in 0..<abs(scaleExponent) { magnitude = scaleExponent < 0 ? magnitude / 10 : magnitude * 10 }
            let a = (rng.unit() * 2 - 1) * magnitude
            let b = a + rng.unit() * magnitude
            let maxTicks = 3 + Int(rng.next() % 8)
            let scale = NiceScale(minimum: a, maximum: b, maxTicks: maxTicks)
            #expect(scale.lower <= min(a, b) + 1e-9 * magnitude && scale.upper >= max(a, b) - 1e-9 * magnitude)
            #expect(scale.ticks.count <= maxTicks && scale.ticks.count >= 2)
            var mantissa = scale.step
            while mantissa >= 10 { mantissa /= 10 }
            while mantissa < 1 { mantissa *= 10 }
            #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-6 }, "step \(scale.step)")
            #expect(Set(scale.labels).count == scale.labels.count, "labels repeat: \(scale.labels)")
        }
    }
}
