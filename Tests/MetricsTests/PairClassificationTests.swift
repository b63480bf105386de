import Testing
@testable import Metrics

@Suite("Pair classification against scikit-learn, sentence-transformers and DeLong's reference")
struct PairClassificationTests {
    static let cases = Fixtures.pairFile.cases

    /// Checks one model's numbers against its golden values.
    private func check(_ scores: [Double], _ labels: [Bool], _ e: Fixtures.ModelExpected, _ name: String) throws {
        let result = try PairClassification(scores: scores, labels: labels, threshold: Fixtures.pairFile.threshold,
                                            bootstrapSamples: 0)
        #expect(close(result.auc, e.auc), "\(name): AUC \(result.auc) vs sklearn \(e.auc)")
        #expect(close(result.auc, e.delong_auc), "\(name): AUC vs DeLong's midrank AUC")
        #expect(close(result.aucVariance, e.delong_variance), "\(name): DeLong variance \(String(describing: result.aucVariance)) vs \(String(describing: e.delong_variance))")
        #expect(close(result.averagePrecision, e.average_precision), "\(name): AP")
        #expect(close(result.meanPositive, e.mean_positive))
        #expect(close(result.meanNegative, e.mean_negative))
        #expect(close(result.margin, e.mean_positive - e.mean_negative))
        #expect(close(result.cohensD, e.cohens_d), "\(name): d \(String(describing: result.cohensD)) vs \(String(describing: e.cohens_d))")

        #expect(result.roc.count == e.roc_count, "\(name): ROC has \(result.roc.count) points, sklearn \(e.roc_count)")
        for point in e.roc {
            let index = Int(point[0]!)
            guard index < result.roc.count else { continue }
            let actual = result.roc[index]
            #expect(close(actual.fpr, point[1]) && close(actual.tpr, point[2]), "\(name): ROC point \(index)")
            if let threshold = point[3] {
                #expect(actual.threshold == threshold, "\(name): ROC threshold \(index)")
            } else {
                #expect(actual.threshold == .infinity)
            }
        }

        let t = result.atThreshold
        #expect(close(t.accuracy, e.at_threshold["accuracy"]), "\(name): accuracy")
        #expect(close(t.precision, e.at_threshold["precision"]), "\(name): precision")
        #expect(close(t.recall, e.at_threshold["recall"]), "\(name): recall")
        #expect(close(t.f1, e.at_threshold["f1"]), "\(name): F1")
        #expect(close(t.mcc, e.at_threshold["mcc"]), "\(name): MCC")
        #expect(t.tp + t.fp + t.tn + t.fn == labels.count)

        #expect(close(result.bestAccuracy.accuracy, e.best_accuracy["accuracy"]), "\(name): best accuracy")
        #expect(result.bestAccuracy.threshold == e.best_accuracy["threshold"], "\(name): best-accuracy threshold \(result.bestAccuracy.threshold) vs \(e.best_accuracy["threshold"]!)")
        #expect(close(result.bestF1.f1, e.best_f1["f1"]), "\(name): best F1")
        #expect(close(result.bestF1.precision, e.best_f1["precision"]))
        #expect(close(result.bestF1.recall, e.best_f1["recall"]))
        #expect(result.bestF1.threshold == e.best_f1["threshold"], "\(name): best-F1 threshold")
    }

    @Test("Every per-model metric matches the references within 1e-9", arguments: cases)
    func matchesReferences(_ c: Fixtures.PairCase) throws {
        try check(c.baseline, c.labels, c.expected.baseline, "\(c.name) baseline")
        try check(c.finetuned, c.labels, c.expected.finetuned, "\(c.name) fine-tuned")
    }

    @Test("AUC intervals are DeLong's normal approximation, clipped to [0, 1]", arguments: cases)
    func aucInterval(_ c: Fixtures.PairCase) throws {
        let result = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 0)
        #expect(result.aucCI95.lower >= 0 && result.aucCI95.upper <= 1)
        if let variance = c.expected.baseline.delong_variance {
            let half = 1.959963984540054 * variance.squareRoot()
            #expect(close(result.aucCI95.lower, max(0, c.expected.baseline.auc - half)))
            #expect(close(result.aucCI95.upper, min(1, c.expected.baseline.auc + half)))
        } else {
            #expect(result.aucCI95 == ClosedInterval(lower: 0, upper: 1))
        }
    }

    @Test("Precision with no predicted positives is 0 (sklearn zero_division=0), not NaN")
    func zeroDivision() throws {
        let result = try PairClassification(scores: [0.1, 0.2, 0.3], labels: [true, false, true], threshold: 0.9,
                                            bootstrapSamples: 0)
        #expect(result.atThreshold.tp + result.atThreshold.fp == 0)
        #expect(result.atThreshold.precision == 0)
        #expect(result.atThreshold.f1 == 0)
        #expect(result.atThreshold.mcc == 0)
    }

    @Test("A score exactly at the threshold counts as positive")
    func thresholdInclusive() throws {
        let metrics = try ThresholdMetrics(scores: [0.5, 0.49], labels: [true, false], threshold: 0.5)
        #expect(metrics.tp == 1 && metrics.tn == 1 && metrics.accuracy == 1)
    }

    @Test("The Cohen's d bootstrap interval is reproducible from its seed and moves with it")
    func seededBootstrap() throws {
        let c = try #require(Self.cases.first { $0.name == "imbalance_1_to_20" })
        let a = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 300, seed: 7)
        let b = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 300, seed: 7)
        let other = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 300, seed: 8)
        let interval = try #require(a.cohensDCI95)
        #expect(a.cohensDCI95 == b.cohensDCI95)
        #expect(a.cohensDCI95 != other.cohensDCI95)
        let d = try #require(a.cohensD)
        #expect(interval.lower < d && d < interval.upper)
    }

    @Test("The bootstrap AUC interval brackets the AUC and follows its seed")
    func bootstrapAUC() throws {
        let c = try #require(Self.cases.first { $0.name == "ties_one_decimal" })
        let a = try #require(try PairClassification.bootstrapAUCInterval(scores: c.baseline, labels: c.labels, samples: 500, seed: 1))
        let b = try PairClassification.bootstrapAUCInterval(scores: c.baseline, labels: c.labels, samples: 500, seed: 1)
        let other = try PairClassification.bootstrapAUCInterval(scores: c.baseline, labels: c.labels, samples: 500, seed: 2)
        #expect(a == b && a != other)
        #expect(a.contains(c.expected.baseline.auc))
        // The bootstrap and DeLong agree roughly on the width for a moderate sample.
        let delong = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 0).aucCI95
        #expect(abs((a.upper - a.lower) - (delong.upper - delong.lower)) < 0.1)
    }
}
