import Testing
@testable import Metrics

@Suite("Paired comparison: DeLong's test, paired bootstrap, fixed and broken pairs")
struct PairedComparisonTests {
    static let cases = Fixtures.pairFile.cases

    @Test("Delta AUC, DeLong z and p match the reference port (p within 1e-6 relative)", arguments: cases)
    func delong(_ c: Fixtures.PairCase) throws {
        let result = try PairedComparison(baseline: c.baseline, finetuned: c.finetuned, labels: c.labels, bootstrapSamples: 0)
        let e = c.expected.comparison
        #expect(close(result.deltaAUC, e.delta_auc), "\(c.name): delta AUC")
        #expect(closeP(result.delongP, e.delong_p), "\(c.name): p \(String(describing: result.delongP)) vs \(String(describing: e.delong_p))")
        if let z = e.delong_z, let actual = result.delongZ {
            #expect(abs(actual - z) <= 1e-9 * max(1, abs(z)), "\(c.name): z \(actual) vs \(z)")
        } else {
            #expect(result.delongZ == nil && e.delong_z == nil || e.delong_p == 0, "\(c.name): z defined on one side only")
        }
        #expect(close(result.deltaD, e.delta_d), "\(c.name): delta d")
    }

    @Test("Identical score vectors give p = 1 and z = 0, not NaN")
    func identical() throws {
        let c = try #require(Self.cases.first { $0.name == "identical_models" })
        let result = try PairedComparison(baseline: c.baseline, finetuned: c.baseline, labels: c.labels, bootstrapSamples: 200)
        #expect(result.delongP == 1 && result.delongZ == 0)
        #expect(result.deltaAUC == 0)
        #expect(result.deltaAUCCI95 == ClosedInterval(lower: 0, upper: 0))
        #expect(result.fixed == 0 && result.broken == 0)
    }

    @Test("Verdict counts add up and agree with the per-pair verdicts")
    func verdicts() throws {
        let labels = [true, true, false, false, true]
        let baseline = [0.2, 0.8, 0.7, 0.1, 0.3]
        let finetuned = [0.9, 0.4, 0.2, 0.6, 0.1]
        let result = try PairedComparison(baseline: baseline, finetuned: finetuned, labels: labels, bootstrapSamples: 0)
        #expect(result.verdicts == [.fixed, .broken, .fixed, .broken, .stillWrong])
        #expect(result.fixed == 2 && result.broken == 2 && result.stillWrong == 1 && result.stillRight == 0)
    }

    @Test("The paired bootstrap is reproducible, seed-dependent, and brackets a clear improvement above 0")
    func bootstrap() throws {
        let c = try #require(Self.cases.first { $0.name == "large_5000" })
        let a = try PairedComparison(baseline: c.baseline, finetuned: c.finetuned, labels: c.labels, bootstrapSamples: 200, seed: 5)
        let b = try PairedComparison(baseline: c.baseline, finetuned: c.finetuned, labels: c.labels, bootstrapSamples: 200, seed: 5)
        let other = try PairedComparison(baseline: c.baseline, finetuned: c.finetuned, labels: c.labels, bootstrapSamples: 200, seed: 6)
        #expect(a == b)
        #expect(a.deltaAUCCI95 != other.deltaAUCCI95)
        let interval = try #require(a.deltaAUCCI95)
        #expect(interval.lower > 0 && interval.contains(a.deltaAUC))
        let dInterval = try #require(a.deltaDCI95)
        #expect(dInterval.contains(try #require(a.deltaD)))
    }

    @Test("Spearman and Pearson match scipy", arguments: cases.filter { $0.expected.spearman != nil })
    func correlations(_ c: Fixtures.PairCase) throws {
        #expect(close(try Correlation.spearman(c.baseline, c.finetuned), c.expected.spearman), "\(c.name): spearman")
        #expect(close(try Correlation.pearson(c.baseline, c.finetuned), c.expected.pearson), "\(c.name): pearson")
    }

    @Test("Correlation of a constant vector is a zero-variance error")
    func constantCorrelation() {
        #expect(throws: MetricsError.zeroVariance(what: "x")) {
            try Correlation.pearson([1, 1, 1], [1, 2, 3])
        }
        #expect(throws: MetricsError.zeroVariance(what: "y")) {
            try Correlation.spearman([1, 2, 3], [0.5, 0.5, 0.5])
        }
    }
}
