import Testing
@testable import Metrics

@Suite("Holm's step-down correction")
struct HolmTests {
    @Test("Equals a transcription of the formula, nil p-values included", arguments: StatsFixtures.paired.holm)
    func matchesReference(_ c: StatsFixtures.HolmCase) {
        let adjusted = Holm.adjusted(c.p)
        #expect(adjusted.count == c.adjusted.count)
        for (a, e) in zip(adjusted, c.adjusted) {
            #expect(close(a, e, 1e-15), "\(c.p): \(adjusted) vs \(c.adjusted)")
        }
    }

    @Test("Worked example: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, then a running maximum")
    func workedExample() {
        let adjusted = Holm.adjusted([0.01, 0.04, 0.03, 0.005])
        let expected: [Double] = [0.03, 0.06, 0.06, 0.02]
        for (a, e) in zip(adjusted, expected) { #expect(close(a, e, 1e-15), "\(adjusted)") }
    }

    @Test("A nil p-value stays nil and does not count in m")
    func nilNotCounted() {
        let adjusted = Holm.adjusted([0.01, nil, 0.04])
        #expect(adjusted[1] == nil)
        #expect(close(adjusted[0], 0.02, 1e-15) && close(adjusted[2], 0.04, 1e-15), "m must be 2: \(adjusted)")
        #expect(Holm.adjusted([]).isEmpty)
        #expect(Holm.adjusted([nil, nil]) == [nil, nil])
    }

    @Test("Adjusted values are capped at 1 and never below the raw p")
    func bounds() {
        let raw: [Double?] = [0.6, 0.2, 0.9, 0.05, 0.5]
        let adjusted = Holm.adjusted(raw)
        for (a, p) in zip(adjusted, raw) { #expect(a! <= 1 && a! >= p!) }
        #expect(adjusted[2] == 1)
    }
}
