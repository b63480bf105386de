/// Confusion counts and the usual rates at one fixed threshold: a pair is predicted positive when
/// its score is `>= threshold`.
///
/// Undefined ratios are 0, as scikit-learn with `zero_division=0`: precision with no predicted
/// positives, recall with no actual positives, F1 when precision + recall = 0, and MCC when any
/// margin of the confusion matrix is empty (`matthews_corrcoef` returns 0 there).
public struct ThresholdMetrics: Codable, Equatable, Sendable {
    public var threshold: Double
    public var tp: Int
    public var fp: Int
    public var tn: Int
    public var fn: Int
    public var accuracy: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Matthews correlation coefficient.
    public var mcc: Double

    public init(tp: Int, fp: Int, tn: Int, fn: Int, threshold: Double) {
        self.threshold = threshold
        self.tp = tp; self.fp = fp; self.tn = tn; self.fn = fn
        let total = Double(tp + fp + tn + fn)
        accuracy = total > 0 ? Double(tp + tn) / total : 0
        precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
        recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        // sklearn's f1_score: 2 tp / (2 tp + fp + fn), the same as 2PR/(P+R) where defined.
        f1 = 2 * tp + fp + fn > 0 ? Double(2 * tp) / Double(2 * tp + fp + fn) : 0
        let margins = Double(tp + fp) * Double(tp + fn) * Double(tn + fp) * Double(tn + fn)
        mcc = margins > 0 ? (Double(tp) * Double(tn) - Double(fp) * Double(fn)) / margins.squareRoot() : 0
    }

    /// Counts `score >= threshold` predictions against the labels.
    public init(scores: [Double], labels: [Bool], threshold: Double) throws {
        try Validation.finite(scores, "scores")
        try Validation.sameLength(labels.count, scores.count, "labels vs scores")
        var tp = 0, fp = 0, tn = 0, fn = 0
        for (score, label) in zip(scores, labels) {
            switch (score >= threshold, label) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
        }
        self.init(tp: tp, fp: fp, tn: tn, fn: fn, threshold: threshold)
    }
}
