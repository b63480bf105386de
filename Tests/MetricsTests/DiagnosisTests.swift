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

@Suite("Graded similarity: the diagnosis on Spearman and Pearson's bootstrap")
struct SpearmanDiagnosisTests {
    @Test("backwards, random, weak, strong and collapsed around Spearman's own chance level 0")
    func diagnosis() {
        func interval(_ lower: Double, _ upper: Double) -> ClosedInterval { ClosedInterval(lower: lower, upper: upper) }
        #expect(DiagnosisRule.diagnose(spearman: -0.3, ci95: interval(-0.4, -0.2), scoreSD: 0.1) == .backwards)
        #expect(DiagnosisRule.diagnose(spearman: 0.05, ci95: interval(-0.1, 0.2), scoreSD: 0.1) == .random)
        #expect(DiagnosisRule.diagnose(spearman: 0.5, ci95: interval(0.4, 0.6), scoreSD: 0.1) == .weak)
        #expect(DiagnosisRule.diagnose(spearman: 0.8, ci95: interval(0.75, 0.85), scoreSD: 0.1) == .strong)
        #expect(DiagnosisRule.diagnose(spearman: 0.8, ci95: interval(0.75, 0.85), scoreSD: 0.001) == .collapsed)
    }

    @Test("Pearson's r of a resample from its multiplicities equals Pearson's r of the resample written out")
    func weightedPearson() throws {
        let x = [0.1, 0.5, 0.2, 0.9, 0.4, 0.7], y = [1.0, 2.5, 0.5, 4.0, 2.0, 3.5]
        let counts = [2, 0, 1, 3, 0, 1]
        let expandedX = zip(x, counts).flatMap { Array(repeating: $0, count: $1) }
        let expandedY = zip(y, counts).flatMap { Array(repeating: $0, count: $1) }
        let reference = try Correlation.pearson(expandedX, expandedY)
        #expect(abs(Correlation.weightedPearson(x, y, counts: counts) - reference) <= 1e-12)
        #expect(Correlation.weightedPearson(x, y, counts: [0, 0, 3, 0, 0, 0]).isNaN, "one item drawn: r undefined")
        let interval = try #require(try Correlation.pearsonInterval(x, y, samples: 500, seed: 7))
        let r = try Correlation.pearson(x, y)
        #expect(interval.lower <= r && r <= interval.upper)
    }
}
