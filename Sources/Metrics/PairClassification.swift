/// Everything the report says about one model's similarity scores on labelled pairs: ranking
/// quality (ROC, AUC with its DeLong interval, average precision), separation (means, margin,
/// Cohen's d with a bootstrap interval), decisions at a fixed threshold, the optimistic
/// sentence-transformers thresholds, an honest cross-fitted one, and the diagnosis.
///
/// Scores are cosine similarities; labels are `true` for positive (similar) pairs.
public struct PairClassification: Codable, Equatable, Sendable {
    public let count: Int
    public let positives: Int
    public let negatives: Int
    /// ROC AUC, ties counted as one half (= `roc_auc_score`).
    public let auc: Double
    /// DeLong variance of the AUC; nil with fewer than two pairs in a class.
    public let aucVariance: Double?
    /// AUC +- 1.96 sqrt(DeLong variance), clipped to [0, 1]; [0, 1] when the variance is undefined.
    public let aucCI95: ClosedInterval
    /// `roc_curve(drop_intermediate=True)` with (0, 0) at threshold +inf first.
    public let roc: [ROCPoint]
    /// `average_precision_score`.
    public let averagePrecision: Double
    public let meanPositive: Double
    public let meanNegative: Double
    /// meanPositive - meanNegative.
    public let margin: Double
    /// Standard deviation (ddof 1) of all scores; the spread behind the collapsed diagnosis.
    public let scoreSD: Double
    /// Cohen's d (pooled SD, ddof 1); nil when the pooled SD is zero or there are only two pairs.
    public let cohensD: Double?
    /// Percentile interval of d over the stratified bootstrap; nil when d is undefined.
    public let cohensDCI95: ClosedInterval?
    /// Accuracy, precision, recall, F1, MCC and counts at `threshold` (score >= T is positive).
    public let atThreshold: ThresholdMetrics
    /// sentence-transformers' best accuracy, fitted on these pairs (optimistic).
    public let bestAccuracy: BestAccuracy
    /// sentence-transformers' best F1, fitted on these pairs (optimistic).
    public let bestF1: BestF1
    /// Best-accuracy threshold fitted by k-fold cross-fitting and the accuracy it really gets.
    public let crossFitted: HonestThreshold
    public let diagnosis: Diagnosis
    public let bootstrapSamples: Int
    public let seed: UInt64

    /// - Parameters:
    ///   - threshold: the fixed decision threshold (score >= threshold is positive).
    ///   - bootstrapSamples: replicates for the Cohen's d interval (0 skips it).
    ///   - seed: seeds the bootstrap and the cross-fitting folds.
    ///   - folds: cross-fitting folds.
    ///   - uniformity: the embedding space's uniformity, when known, for the collapsed diagnosis.
    /// - Throws: `MetricsError` for empty, mismatched or non-finite input, or a single class.
    public init(scores: [Double], labels: [Bool], threshold: Double = 0.5, bootstrapSamples: Int = 1000,
                seed: UInt64 = 42, folds: Int = 5, uniformity: Double? = nil) throws {
        let (positives, negatives) = try Validation.pairs(scores: scores, labels: labels)
        guard threshold.isFinite else { throw MetricsError.invalidParameter("threshold must be finite, got \(threshold)") }
        guard bootstrapSamples >= 0 else { throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(bootstrapSamples)") }
        count = scores.count
        self.positives = positives
        self.negatives = negatives
        self.bootstrapSamples = bootstrapSamples
        self.seed = seed

        let placements = DeLong.placements(scores: scores, labels: labels)
        auc = ROC.auc(scores: scores, labels: labels)
        aucVariance = DeLong.variance(placements)
        aucCI95 = DeLong.interval(auc: auc, variance: aucVariance)
        roc = ROC.curve(scores: scores, labels: labels)
        averagePrecision = ROC.averagePrecision(scores: scores, labels: labels)

        let positive = zip(scores, labels).filter(\.1).map(\.0)
        let negative = zip(scores, labels).filter { !$0.1 }.map(\.0)
        meanPositive = EffectSize.meanAndSquares(positive).mean
        meanNegative = EffectSize.meanAndSquares(negative).mean
        margin = meanPositive - meanNegative
        let all = EffectSize.meanAndSquares(scores)
        scoreSD = scores.count > 1 ? (all.squares / Double(scores.count - 1)).squareRoot() : 0
        cohensD = EffectSize.cohensDIfDefined(positive: positive, negative: negative)
        if cohensD != nil && bootstrapSamples > 0 {
            let replicates = Bootstrap(models: [scores], labels: labels).run(samples: bootstrapSamples, seed: seed, auc: false)
            cohensDCI95 = Bootstrap.percentileInterval(replicates.cohensD[0])
        } else {
            cohensDCI95 = nil
        }

        atThreshold = try ThresholdMetrics(scores: scores, labels: labels, threshold: threshold)
        bestAccuracy = BestThreshold.accuracy(scores: scores, labels: labels)
        bestF1 = BestThreshold.f1(scores: scores, labels: labels)
        crossFitted = try HonestThreshold.crossFitted(scores: scores, labels: labels, folds: folds, seed: seed)
        diagnosis = DiagnosisRule.diagnose(auc: auc, aucCI95: aucCI95, scoreSD: scoreSD, uniformity: uniformity)
    }

    /// The threshold used for `atThreshold`.
    public var threshold: Double { atThreshold.threshold }

    /// The honest threshold fitted on a separate calibration split and scored on these pairs
    /// (`HonestThreshold.calibrated`); use it instead of `crossFitted` when such a split exists.
    public static func calibrated(calibrationScores: [Double], calibrationLabels: [Bool],
                                  scores: [Double], labels: [Bool]) throws -> HonestThreshold {
        try HonestThreshold.calibrated(calibrationScores: calibrationScores, calibrationLabels: calibrationLabels,
                                       scores: scores, labels: labels)
    }

    /// Only the AUC with its DeLong variance and 95% interval, without the other metrics.
    public static func aucWithDeLong(scores: [Double], labels: [Bool]) throws -> (auc: Double, variance: Double?, ci95: ClosedInterval) {
        try Validation.pairs(scores: scores, labels: labels)
        let placements = DeLong.placements(scores: scores, labels: labels)
        let variance = DeLong.variance(placements)
        return (placements.auc, variance, DeLong.interval(auc: placements.auc, variance: variance))
    }

    /// A percentile bootstrap interval of the AUC (stratified, seeded), for when the DeLong normal
    /// approximation is in doubt (tiny classes); nil when `samples` is 0.
    public static func bootstrapAUCInterval(scores: [Double], labels: [Bool], samples: Int = 1000, seed: UInt64 = 42) throws -> ClosedInterval? {
        try Validation.pairs(scores: scores, labels: labels)
        guard samples > 0 else { return nil }
        let replicates = Bootstrap(models: [scores], labels: labels).run(samples: samples, seed: seed, cohensD: false)
        return Bootstrap.percentileInterval(replicates.auc[0])
    }
}
