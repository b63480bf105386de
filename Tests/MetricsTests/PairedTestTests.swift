import Foundation
import Testing
@testable import Metrics

@Suite("Paired t-test, sign-flip randomization test and paired bootstrap")
struct PairedTestTests {
    @Test("t and p equal scipy.stats.ttest_rel; counts, mean, interval and randomization p equal the Python port",
          arguments: StatsFixtures.paired.cases)
    func matchesReferences(_ c: StatsFixtures.PairedCase) throws {
        let test = try PairedTest(baseline: c.baseline, finetuned: c.finetuned,
                                  randomizationSamples: c.randomization_samples,
                                  bootstrapSamples: c.bootstrap_samples, seed: c.seed)
        let e = c.expected
        #expect(test.count == e.count)
        #expect(close(test.meanDifference, e.mean, 1e-12))
        #expect((test.improved, test.unchanged, test.worsened) == (e.improved, e.unchanged, e.worsened))
        if let t = e.t, let p = e.p {
            #expect(relativeError(try #require(test.t), t) <= 1e-9, "\(c.name): t \(String(describing: test.t)) vs scipy \(t)")
            #expect(relativeError(try #require(test.tTestP), p) <= 1e-9, "\(c.name): p \(String(describing: test.tTestP)) vs scipy \(p)")
        }
        #expect(closeInterval(test.meanDifferenceCI95, e.ci), "\(c.name): \(String(describing: test.meanDifferenceCI95)) vs \(String(describing: e.ci))")
        if let p = e.randomization_p {
            #expect(close(test.randomizationP, p, 1e-12), "\(c.name): \(String(describing: test.randomizationP)) vs \(p)")
        }
    }

    @Test("All differences zero: t = 0 and both p-values 1 (scipy gives NaN)")
    func allZero() throws {
        let test = try PairedTest(differences: [0, 0, 0, 0, 0])
        #expect(test.t == 0 && test.tTestP == 1 && test.randomizationP == 1)
        #expect(test.unchanged == 5 && test.unchangedShare == 1)
        #expect(test.meanDifferenceCI95 == ClosedInterval(lower: 0, upper: 0))
    }

    @Test("A constant non-zero difference: infinite t (nil), t-test p = 0, as scipy's -inf / 0")
    func constantDifference() throws {
        let test = try PairedTest(baseline: [0.25, 0.5, 0.75], finetuned: [0.5, 0.75, 1.0])
        #expect(test.t == nil && test.tTestP == 0)
        #expect(test.improved == 3)
        // Only the all-plus and all-minus patterns of 3 reach |sum| = 0.75: p near 2/8.
        #expect(abs(try #require(test.randomizationP) - 0.25) < 0.02)
    }

    @Test("One item: every test and the interval are undefined, the counts still hold")
    func single() throws {
        let test = try PairedTest(baseline: [0.3], finetuned: [0.6])
        #expect(test.t == nil && test.tTestP == nil && test.randomizationP == nil && test.meanDifferenceCI95 == nil)
        #expect(test.count == 1 && test.improved == 1 && abs(test.meanDifference - 0.3) < 1e-15)
    }

    @Test("Bad input is refused: empty, NaN, length mismatch, fewer than 10,000 randomization samples")
    func badInput() {
        #expect(throws: MetricsError.self) { try PairedTest(differences: []) }
        #expect(throws: MetricsError.self) { try PairedTest(differences: [0.1, .nan]) }
        #expect(throws: MetricsError.self) { try PairedTest(baseline: [0.1, 0.2], finetuned: [0.1]) }
        #expect(throws: MetricsError.self) { try PairedTest(differences: [0.1, 0.2], randomizationSamples: 9_999) }
        #expect(throws: MetricsError.self) { try PairedTest(differences: [0.1, 0.2], bootstrapSamples: -1) }
    }

    /// Integer differences, so the exact p over all 2^n sign patterns has many ties in |sum|.
    static let enumerable: [[Int]] = [
        [3, 1, 2, 2, -1, 4, 1, 0, 2, -2, 3, 1],
        [1, 1, 1, 1, 1, 1, -1, 1, 1, 1],
        [5, -3, 2, 2, 2, -1, 1, 1, 3, -2, 1, 4, 0, 2],
    ]

    @Test("Sampled p agrees with exact enumeration of all 2^n sign patterns, for integer and decimal differences",
          arguments: enumerable, [1.0, 0.1])
    func exactEnumeration(_ values: [Int], scale: Double) throws {
        let n = values.count, observed = abs(values.reduce(0, +))
        var atLeast = 0, beyond = 0, oneSided = 0
        for mask in 0..<(1 << n) {
            var sum = 0
            for i in 0..<n { sum += mask >> i & 1 == 1 ? -values[i] : values[i] }
            if abs(sum) >= observed { atLeast += 1 }
            if abs(sum) > observed { beyond += 1 }
            if sum >= observed { oneSided += 1 }
        }
        let patterns = Double(1 << n)
        let exact = Double(atLeast) / patterns
        let samples = 100_000
        let sampled = try #require(PairedTest.randomizationP(values.map { Double($0) * scale }, samples: samples, seed: 7))
        // Five standard errors of a binomial proportion (a false alarm about once in 1.7 million
        // runs), plus the +1 of the estimator.
        let tolerance = 5 * (exact * (1 - exact) / Double(samples)).squareRoot() + 2 / Double(samples)
        #expect(abs(sampled - exact) <= tolerance, "sampled \(sampled) vs exact \(exact) (n = \(n), scale \(scale))")
        // The check can tell the likely mistakes apart: a strict > or a one-sided count would fail it.
        #expect(abs(Double(beyond) / patterns - exact) > 2 * tolerance)
        #expect(abs(Double(oneSided) / patterns - exact) > 2 * tolerance)
    }

    @Test("p = (1 + count) / (1 + B): 40 equal gains are never matched, so p = 1 / (B + 1)")
    func plusOne() throws {
        let p = try #require(PairedTest.randomizationP([Double](repeating: 0.01, count: 40), samples: 10_000, seed: 3))
        #expect(p == 1.0 / 10_001)
    }

    @Test("The same seed gives the same p and interval; another seed a different draw")
    func determinism() throws {
        let d = (0..<50).map { i in sin(Double(i)) * 0.1 + 0.01 }
        let a = try PairedTest(differences: d, seed: 9), b = try PairedTest(differences: d, seed: 9)
        let other = try PairedTest(differences: d, seed: 10)
        #expect(a == b)
        #expect(a.randomizationP != other.randomizationP || a.meanDifferenceCI95 != other.meanDifferenceCI95)
    }
}
