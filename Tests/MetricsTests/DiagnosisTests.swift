import Testing
@testable import Metrics

@Suite("Diagnosis and effect-size words")
struct DiagnosisTests {
    static func diagnosis(_ name: String, finetuned: Bool = false) throws -> Diagnosis {
        let c = try #require(Fixtures.pairFile.cases.first { $0.name == name })
        return try PairClassification(scores: finetuned ? c.finetuned : c.baseline, labels: c.labels, bootstrapSamples: 0).diagnosis
    }

    @Test("Each diagnosis comes from the AUC interval and the score spread")
    func eachDiagnosis() throws {
        #expect(try Self.diagnosis("backwards_baseline") == .backwards)
        #expect(try Self.diagnosis("heavy_ties_500") == .random)
        #expect(try Self.diagnosis("large_5000") == .weak)
        #expect(try Self.diagnosis("large_5000", finetuned: true) == .strong)
        #expect(try Self.diagnosis("bunched_near_one") == .collapsed)
        #expect(try Self.diagnosis("all_equal_scores") == .collapsed)
        #expect(try Self.diagnosis("one_per_class") == .random, "an undefined interval is [0, 1], which contains 0.5")
    }

    @Test("The rule at its boundaries")
    func boundaries() {
        let narrow = { (lo: Double, hi: Double) in ClosedInterval(lower: lo, upper: hi) }
        #expect(DiagnosisRule.diagnose(auc: 0.45, aucCI95: narrow(0.40, 0.4999), scoreSD: 0.2) == .backwards)
        #expect(DiagnosisRule.diagnose(auc: 0.45, aucCI95: narrow(0.40, 0.5), scoreSD: 0.2) == .random)
        #expect(DiagnosisRule.diagnose(auc: 0.79, aucCI95: narrow(0.7, 0.88), scoreSD: 0.2) == .weak)
        #expect(DiagnosisRule.diagnose(auc: 0.8, aucCI95: narrow(0.7, 0.9), scoreSD: 0.2) == .strong)
        // Bunched scores on a well-spread space are not a collapse; on a poor or unknown one they are.
        #expect(DiagnosisRule.diagnose(auc: 0.9, aucCI95: narrow(0.85, 0.95), scoreSD: 0.01, uniformity: -3) == .strong)
        #expect(DiagnosisRule.diagnose(auc: 0.9, aucCI95: narrow(0.85, 0.95), scoreSD: 0.01, uniformity: -0.2) == .collapsed)
        #expect(DiagnosisRule.diagnose(auc: 0.9, aucCI95: narrow(0.85, 0.95), scoreSD: 0.01) == .collapsed)
    }

    @Test("Raw values are the strings metrics.json uses")
    func rawValues() {
        #expect(Diagnosis.allCases.map(\.rawValue) == ["backwards", "random", "weak", "strong", "collapsed"])
    }

    @Test("Effect-size words follow Cohen and Sawilowsky", arguments: [
        (0.0, "negligible"), (0.19, "negligible"), (0.2, "small"), (-0.5, "medium"), (0.79, "medium"),
        (0.8, "large"), (1.2, "very large"), (-1.99, "very large"), (2.0, "huge"), (10, "huge"),
    ])
    func words(_ d: Double, _ word: String) {
        #expect(DiagnosisRule.effectSizeWord(d) == word)
    }
}
