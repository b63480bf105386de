import Core
import Testing
@testable import Metrics

@Suite("Honest thresholds: fitted on pairs other than the ones scored")
struct HonestThresholdTests {
    static let large = Fixtures.pairFile.cases.first { $0.name == "large_5000" }!

    @Test("Cross-fitted accuracy is not above the optimistic best accuracy, and is close to it on large data")
    func crossFitted() throws {
        let c = Self.large
        let result = try PairClassification(scores: c.baseline, labels: c.labels, bootstrapSamples: 0)
        let honest = result.crossFitted
        #expect(honest.method == .crossFitted && honest.folds == 5 && honest.foldThresholds.count == 5)
        #expect(honest.metrics.tp + honest.metrics.fp + honest.metrics.tn + honest.metrics.fn == c.labels.count)
        #expect(honest.metrics.accuracy <= result.bestAccuracy.accuracy)
        #expect(result.bestAccuracy.accuracy - honest.metrics.accuracy < 0.02)
    }

    @Test("On pure noise the optimistic threshold flatters; the cross-fitted one does not")
    func noise() throws {
        var generator = SplitMix64(seed: 3)
        let scores = (0..<200).map { _ in generator.unit() }
        let labels = (0..<200).map { $0 % 2 == 0 }
        let best = BestThreshold.accuracy(scores: scores, labels: labels)
        let honest = try HonestThreshold.crossFitted(scores: scores, labels: labels, folds: 5, seed: 1)
        #expect(best.accuracy > 0.5)
        #expect(honest.metrics.accuracy < best.accuracy)
    }

    @Test("Folds are seeded: same seed, same thresholds")
    func seeded() throws {
        let c = Self.large
        let a = try HonestThreshold.crossFitted(scores: c.baseline, labels: c.labels, seed: 9)
        let b = try HonestThreshold.crossFitted(scores: c.baseline, labels: c.labels, seed: 9)
        let other = try HonestThreshold.crossFitted(scores: c.baseline, labels: c.labels, seed: 10)
        #expect(a == b)
        #expect(a.foldThresholds != other.foldThresholds)
    }

    @Test("A calibration split fits on one set and scores another")
    func calibrated() throws {
        let c = Self.large
        let even = c.labels.indices.filter { $0 % 2 == 0 }, odd = c.labels.indices.filter { $0 % 2 == 1 }
        let (calibrationScores, calibrationLabels) = (even.map { c.baseline[$0] }, even.map { c.labels[$0] })
        let (scores, labels) = (odd.map { c.baseline[$0] }, odd.map { c.labels[$0] })
        let honest = try HonestThreshold.calibrated(calibrationScores: calibrationScores, calibrationLabels: calibrationLabels,
                                                    scores: scores, labels: labels)
        let fitted = BestThreshold.accuracy(scores: calibrationScores, labels: calibrationLabels)
        #expect(honest.threshold == fitted.threshold)
        #expect(honest.method == .calibrationSplit)
        let direct = try ThresholdMetrics(scores: scores, labels: labels, threshold: fitted.threshold)
        #expect(honest.metrics == direct)
    }

    @Test("Fewer than two folds is refused")
    func folds() {
        #expect(throws: MetricsError.self) {
            try HonestThreshold.crossFitted(scores: [0.1, 0.9], labels: [false, true], folds: 1)
        }
    }
}
