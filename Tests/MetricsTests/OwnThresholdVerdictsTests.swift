import Foundation
import Testing
@testable import Metrics

/// Golden values written by scripts/fixtures/make_comparison_fixtures.py: folds ported from the
/// Swift side, thresholds from sentence-transformers' `find_best_acc_and_threshold`.
enum ComparisonFixtures {
    struct Counts: Decodable, Equatable {
        var fixed: Int
        var broken: Int
        var still_wrong: Int
        var still_right: Int
    }

    struct OwnThresholdCase: Decodable, CustomTestStringConvertible {
        var name: String
        var labels: [Bool]
        var baseline: [Double]
        var finetuned: [Double]
        var threshold: Double
        var seed: UInt64
        var folds: Int
        var auc_baseline: Double
        var auc_finetuned: Double
        var fixed_threshold: Counts
        var own_threshold: Counts
        var thresholds_baseline: [Double]
        var thresholds_finetuned: [Double]
        var testDescription: String { name }
    }

    struct OwnThresholdFile: Decodable { var cases: [OwnThresholdCase] }

    static let ownThreshold: OwnThresholdFile = try! Fixtures.load("own_threshold")

    struct MeasureExpected: Decodable {
        var delta: Double
        var p: Double
    }

    struct MeasuresFile: Decodable {
        var labels: [Bool]
        var a: [Double]
        var noise_b: [Double]
        var better: [Double]
        var expected: [String: [String: MeasureExpected]]
    }

    static let measures: MeasuresFile = try! Fixtures.load("paired_measures")
}

@Suite("Verdicts at each model's own cross-fitted threshold")
struct OwnThresholdVerdictsTests {
    static func counts(_ v: OwnThresholdVerdicts) -> ComparisonFixtures.Counts {
        .init(fixed: v.fixed, broken: v.broken, still_wrong: v.stillWrong, still_right: v.stillRight)
    }

    @Test("Equal to the reference: folds, thresholds and verdicts", arguments: ComparisonFixtures.ownThreshold.cases)
    func reference(_ c: ComparisonFixtures.OwnThresholdCase) throws {
        let paired = try PairedComparison(baseline: c.baseline, finetuned: c.finetuned, labels: c.labels,
                                          threshold: c.threshold, bootstrapSamples: 0, seed: c.seed, folds: c.folds)
        #expect(abs(paired.baselineAUC - c.auc_baseline) < 1e-12)
        #expect(abs(paired.finetunedAUC - c.auc_finetuned) < 1e-12)
        #expect(paired.fixed == c.fixed_threshold.fixed && paired.broken == c.fixed_threshold.broken)
        #expect(paired.stillWrong == c.fixed_threshold.still_wrong && paired.stillRight == c.fixed_threshold.still_right)
        #expect(Self.counts(paired.ownThreshold) == c.own_threshold)
        #expect(paired.ownThreshold.baselineThresholds == c.thresholds_baseline)
        #expect(paired.ownThreshold.finetunedThresholds == c.thresholds_finetuned)
        #expect(paired.ownThreshold.verdicts.count == c.labels.count)
    }

    @Test("Scores of exactly 0.3 + 0.7 x the baseline's: hundreds fixed and broken at 0.5, none at own thresholds")
    func monotoneShift() throws {
        let c = try #require(ComparisonFixtures.ownThreshold.cases.first { $0.name == "monotone_shift" })
        #expect(zip(c.baseline, c.finetuned).allSatisfy { $1 == 0.3 + 0.7 * $0 })
        let paired = try PairedComparison(baseline: c.baseline, finetuned: c.finetuned, labels: c.labels,
                                          threshold: 0.5, bootstrapSamples: 0, seed: 42)
        #expect(paired.deltaAUC == 0 && paired.delongP == 1)
        #expect(paired.fixed > 100 && paired.broken > 100)
        #expect(paired.ownThreshold.fixed == 0 && paired.ownThreshold.broken == 0)
        #expect(paired.ownThreshold.verdicts.allSatisfy { $0 == .stillRight || $0 == .stillWrong })
    }

    @Test("Both models share the folds: the same model twice changes no verdict, whatever the seed",
          arguments: [1, 42, 7_777] as [UInt64])
    func sameModel(seed: UInt64) throws {
        let c = ComparisonFixtures.ownThreshold.cases[1]
        let verdicts = try OwnThresholdVerdicts(baseline: c.finetuned, finetuned: c.finetuned, labels: c.labels, seed: seed)
        #expect(verdicts.fixed == 0 && verdicts.broken == 0)
        #expect(verdicts.baselineThresholds == verdicts.finetunedThresholds)
    }

    @Test("Out-of-fold calls agree with the pooled cross-fitted accuracy")
    func predictions() throws {
        let c = ComparisonFixtures.ownThreshold.cases[1]
        let honest = try HonestThreshold.crossFitted(scores: c.finetuned, labels: c.labels, seed: 42)
        let right = zip(honest.predictions, c.labels).filter { $0 == $1 }.count
        #expect(Double(right) / Double(c.labels.count) == honest.metrics.accuracy)
    }

    @Test("One class, or fewer than two folds, is refused")
    func refused() {
        #expect(throws: MetricsError.self) {
            try OwnThresholdVerdicts(baseline: [0.1, 0.2], finetuned: [0.3, 0.4], labels: [true, true])
        }
        #expect(throws: MetricsError.self) {
            try OwnThresholdVerdicts(baseline: [0.1, 0.9], finetuned: [0.3, 0.4], labels: [false, true], folds: 1)
        }
    }
}

@Suite("A paired test behind each measure of two scorings of the same pairs")
struct PairedMeasureTestsTests {
    static let file = ComparisonFixtures.measures

    @Test("p-values equal scipy and scikit-learn (DeLong, McNemar exact, Welch t)", arguments: ["noise", "differs"])
    func reference(_ name: String) throws {
        let f = Self.file
        let b = name == "noise" ? f.noise_b : f.better
        let expected = try #require(f.expected[name])
        let tests = try PairedMeasureTests(labels: f.labels, a: f.a, b: b, thresholdA: 0.5, thresholdB: 0.5)
        let results: [String: PairedMeasureTests.Result] = [
            "auc": tests.auc, "accuracy": tests.accuracy, "recall": tests.recall,
            "cross_fitted_accuracy": tests.crossFittedAccuracy, "margin": tests.margin,
        ]
        for (key, result) in results {
            let reference = try #require(expected[key])
            #expect(abs(result.delta - reference.delta) < 1e-12, "\(key) delta")
            let p = try #require(result.p)
            #expect(abs(p - reference.p) <= 1e-9 * max(reference.p, 1e-300) + 1e-15, "\(key) p \(p) vs \(reference.p)")
        }
    }

    @Test("Cohen's d: the paired bootstrap finds no difference on noise and a clear one on the better scores")
    func cohensD() throws {
        let f = Self.file
        let noise = try #require(try PairedMeasureTests(labels: f.labels, a: f.a, b: f.noise_b, thresholdA: 0.5, thresholdB: 0.5).cohensD)
        let better = try #require(try PairedMeasureTests(labels: f.labels, a: f.a, b: f.better, thresholdA: 0.5, thresholdB: 0.5).cohensD)
        #expect(try #require(noise.p) > 0.05)
        #expect(try #require(better.p) < 0.01 && better.delta > 0)
        let same = try PairedMeasureTests(labels: f.labels, a: f.a, b: f.a, thresholdA: 0.5, thresholdB: 0.5)
        #expect(same.cohensD?.p == 1 && same.auc.p == 1 && same.accuracy.p == 1 && same.margin.p == 1)
    }

    @Test("McNemar's exact p on small tables", arguments: [
        (0, 0, 1.0), (3, 3, 1.0), (0, 5, 0.0625), (1, 9, 0.021484375), (10, 2, 0.0385742187500000),
    ] as [(Int, Int, Double)])
    func mcnemar(_ b: Int, _ c: Int, _ p: Double) {
        // 2 P(X <= min) for X ~ Binomial(b + c, 1/2), by hand: e.g. (1, 9): 2 (1 + 10) / 1024.
        #expect(abs(McNemar.exactP(onlyA: b, onlyB: c) - p) < 1e-12)
    }
}
