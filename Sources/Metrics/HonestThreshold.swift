import Core
/// A decision threshold fitted on pairs other than the ones it is scored on, and the accuracy it
/// really gets: the honest counterpart of sentence-transformers' best-on-the-test-set threshold.
///
/// Fitting criterion: the best-accuracy cut of `BestThreshold.accuracy` (the same search
/// sentence-transformers runs), applied to pairs it did not see.
public struct HonestThreshold: Codable, Equatable, Sendable {
    public enum Method: String, Codable, Sendable {
        /// k-fold cross-fitting: each fold is scored with the threshold fitted on the other folds.
        case crossFitted = "cross-fitted"
        /// One threshold fitted on a separate calibration split.
        case calibrationSplit = "calibration split"
    }

    public var method: Method
    /// Number of folds (1 for a calibration split).
    public var folds: Int
    /// The fitted threshold of each fold (one entry for a calibration split).
    public var foldThresholds: [Double]
    /// The threshold to quote: the median of the fold thresholds (the one threshold of a split).
    public var threshold: Double
    /// Out-of-fold predictions pooled over all pairs (or the test pairs at the calibration
    /// threshold); `metrics.threshold` is `threshold`.
    public var metrics: ThresholdMetrics
    /// Each pair's call, in input order: `score >= ` the threshold fitted without its fold (the
    /// calibration threshold for a split). Two models cross-fitted with the same seed and labels
    /// share their folds, so these calls compare pair by pair (`OwnThresholdVerdicts`).
    public var predictions: [Bool]

    /// Cross-fitting with `folds` stratified folds: positives and negatives are each shuffled by
    /// a `SplitMix64(seed:)` and dealt round-robin, so every fold keeps the class balance.
    /// Fewer pairs than folds uses one fold per pair.
    public static func crossFitted(scores: [Double], labels: [Bool], folds: Int = 5, seed: UInt64 = 42) throws -> HonestThreshold {
        try Validation.pairs(scores: scores, labels: labels)
        guard folds >= 2 else { throw MetricsError.invalidParameter("cross-fitting needs at least 2 folds, got \(folds)") }
        let k = min(folds, scores.count)
        var generator = SplitMix64(seed: seed)
        var positives = scores.indices.filter { labels[$0] }, negatives = scores.indices.filter { !labels[$0] }
        generator.shuffle(&positives)
        generator.shuffle(&negatives)
        var fold = [Int](repeating: 0, count: scores.count)
        for (position, index) in (positives + negatives).enumerated() { fold[index] = position % k }

        var thresholds: [Double] = []
        var predictions = [Bool](repeating: false, count: scores.count)
        var tp = 0, fp = 0, tn = 0, fn = 0
        for f in 0..<k {
            let train = scores.indices.filter { fold[$0] != f }
            let fitted = BestThreshold.accuracy(scores: train.map { scores[$0] }, labels: train.map { labels[$0] }).threshold
            thresholds.append(fitted)
            for i in scores.indices where fold[i] == f {
                predictions[i] = scores[i] >= fitted
                switch (predictions[i], labels[i]) {
                case (true, true): tp += 1
                case (true, false): fp += 1
                case (false, false): tn += 1
                case (false, true): fn += 1
                }
            }
        }
        let median = Median.of(thresholds)
        return HonestThreshold(method: .crossFitted, folds: k, foldThresholds: thresholds, threshold: median,
                               metrics: ThresholdMetrics(tp: tp, fp: fp, tn: tn, fn: fn, threshold: median),
                               predictions: predictions)
    }

    /// Fits the threshold on a calibration split and scores it on the evaluation pairs.
    public static func calibrated(calibrationScores: [Double], calibrationLabels: [Bool],
                                  scores: [Double], labels: [Bool]) throws -> HonestThreshold {
        try Validation.pairs(scores: calibrationScores, labels: calibrationLabels, what: "calibration scores")
        try Validation.finite(scores, "scores")
        try Validation.sameLength(labels.count, scores.count, "labels vs scores")
        let fitted = BestThreshold.accuracy(scores: calibrationScores, labels: calibrationLabels).threshold
        return HonestThreshold(method: .calibrationSplit, folds: 1, foldThresholds: [fitted], threshold: fitted,
                               metrics: try ThresholdMetrics(scores: scores, labels: labels, threshold: fitted),
                               predictions: scores.map { $0 >= fitted })
    }
}
