/// Two scorings of the same labelled pairs (two models, or one model's role in two runs) compared
/// measure by measure, each with a paired test: the table of a diff colours a difference only
/// where one of these says it is real (after Holm's correction across the table, `Holm`).
///
/// - AUC: DeLong's test for correlated AUCs (`DeLong.test`).
/// - Accuracy at each side's threshold, and recall (accuracy on the positives): McNemar's exact
///   test on the pairs the two sides judge differently (`McNemar`).
/// - Accuracy at a cross-fitted threshold: McNemar on the out-of-fold calls of
///   `HonestThreshold.crossFitted`, each side with its own seed.
/// - Margin (mean positive - mean negative similarity): its difference is mean_pos(d) - mean_neg(d)
///   for the per-pair differences d_i = b_i - a_i, so Welch's t-test of d between the classes
///   (`scipy.stats.ttest_ind(d_pos, d_neg, equal_var=False)`) tests it, each pair its own control.
/// - Cohen's d: the stratified paired bootstrap (`Bootstrap`, the same draw for both sides);
///   p = min(1, 2 (1 + min(#{delta* <= 0}, #{delta* >= 0})) / (1 + B)) over the B replicates with
///   both d defined: the level at which the percentile interval would just reach 0.
/// Precision, F1, MCC and average precision have no test here; a diff leaves them uncoloured.
public struct PairedMeasureTests: Equatable, Sendable {
    public enum Method: String, Sendable {
        case delong = "DeLong"
        case mcnemar = "McNemar"
        case welch = "Welch t"
        case bootstrap = "paired bootstrap"
    }

    /// One measure on each side, and the test of their difference.
    public struct Result: Equatable, Sendable {
        public let a: Double
        public let b: Double
        /// Two-sided p; nil when the test is undefined (DeLong with a class of one pair).
        public let p: Double?
        public let method: Method
        /// b - a.
        public var delta: Double { b - a }
    }

    public let auc: Result
    public let accuracy: Result
    public let recall: Result
    public let crossFittedAccuracy: Result
    public let margin: Result
    /// Nil when either side's d is undefined.
    public let cohensD: Result?

    /// - Parameters:
    ///   - thresholdA, thresholdB: each side's fixed threshold (score >= T is positive).
    ///   - seedA, seedB: each side's cross-fitting seed (its run's seed), with `folds` folds.
    ///   - bootstrapSamples, seed: the Cohen's d bootstrap.
    /// - Throws: `MetricsError` for empty, mismatched or non-finite input, or a single class.
    public init(labels: [Bool], a: [Double], b: [Double], thresholdA: Double, thresholdB: Double,
                folds: Int = 5, seedA: UInt64 = 42, seedB: UInt64 = 42, bootstrapSamples: Int = 1000, seed: UInt64 = 42) throws {
        try Validation.pairs(scores: a, labels: labels, what: "scores of A")
        try Validation.pairs(scores: b, labels: labels, what: "scores of B")
        let placementsA = DeLong.placements(scores: a, labels: labels)
        let placementsB = DeLong.placements(scores: b, labels: labels)
        auc = Result(a: placementsA.auc, b: placementsB.auc,
                     p: a == b ? 1 : DeLong.test(placementsA, placementsB)?.p, method: .delong)

        let rightA = labels.indices.map { (a[$0] >= thresholdA) == labels[$0] }
        let rightB = labels.indices.map { (b[$0] >= thresholdB) == labels[$0] }
        accuracy = Self.mcnemar(rightA, rightB)
        let positives = labels.indices.filter { labels[$0] }
        recall = Self.mcnemar(positives.map { rightA[$0] }, positives.map { rightB[$0] })
        let honestA = try HonestThreshold.crossFitted(scores: a, labels: labels, folds: folds, seed: seedA)
        let honestB = try HonestThreshold.crossFitted(scores: b, labels: labels, folds: folds, seed: seedB)
        crossFittedAccuracy = Self.mcnemar(zip(honestA.predictions, labels).map { $0 == $1 },
                                           zip(honestB.predictions, labels).map { $0 == $1 })

        let d = zip(b, a).map { $0 - $1 }
        let negatives = labels.indices.filter { !labels[$0] }
        let welch = Self.welch(positives.map { d[$0] }, negatives.map { d[$0] })
        let marginOf = { (s: [Double]) in
            EffectSize.meanAndSquares(positives.map { s[$0] }).mean - EffectSize.meanAndSquares(negatives.map { s[$0] }).mean
        }
        margin = Result(a: marginOf(a), b: marginOf(b), p: welch.p, method: .welch)

        let positiveOf = { (s: [Double]) in zip(s, labels).filter(\.1).map(\.0) }
        let negativeOf = { (s: [Double]) in zip(s, labels).filter { !$0.1 }.map(\.0) }
        if let dA = EffectSize.cohensDIfDefined(positive: positiveOf(a), negative: negativeOf(a)),
           let dB = EffectSize.cohensDIfDefined(positive: positiveOf(b), negative: negativeOf(b)) {
            var p: Double? = 1
            if a != b && bootstrapSamples > 0 {
                let replicates = Bootstrap(models: [a, b], labels: labels).run(samples: bootstrapSamples, seed: seed, auc: false)
                p = Self.bootstrapP(zip(replicates.cohensD[1], replicates.cohensD[0]).map { $0 - $1 })
            } else if a != b {
                p = nil
            }
            cohensD = Result(a: dA, b: dB, p: p, method: .bootstrap)
        } else {
            cohensD = nil
        }
    }

    /// The share right on each side with McNemar's exact p.
    private static func mcnemar(_ rightA: [Bool], _ rightB: [Bool]) -> Result {
        let count = Double(max(rightA.count, 1))
        return Result(a: Double(rightA.filter { $0 }.count) / count, b: Double(rightB.filter { $0 }.count) / count,
                      p: McNemar.exactP(rightA: rightA, rightB: rightB), method: .mcnemar)
    }

    /// Welch's two-sample t-test of mean(x) - mean(y), two-sided, Welch-Satterthwaite degrees of
    /// freedom. Fewer than two values in a group: no test. Zero spread: p = 1 when the means are
    /// equal, else 0 (as `PairedTest` for a constant non-zero difference).
    static func welch(_ x: [Double], _ y: [Double]) -> (delta: Double, p: Double?) {
        let (mx, sx) = EffectSize.meanAndSquares(x), (my, sy) = EffectSize.meanAndSquares(y)
        let delta = mx - my
        guard x.count >= 2, y.count >= 2 else { return (delta, nil) }
        let vx = sx / Double(x.count - 1) / Double(x.count), vy = sy / Double(y.count - 1) / Double(y.count)
        let spread = vx + vy
        guard spread > 0 else { return (delta, delta == 0 ? 1 : 0) }
        let t = delta / spread.squareRoot()
        let df = spread * spread / (vx * vx / Double(x.count - 1) + vy * vy / Double(y.count - 1))
        return (delta, StudentT.twoSidedP(t, degreesOfFreedom: df))
    }

    /// The two-sided percentile-bootstrap p of replicate differences (undefined replicates, NaN,
    /// left out); nil when none is defined.
    static func bootstrapP(_ deltas: [Double]) -> Double? {
        let defined = deltas.filter(\.isFinite)
        guard !defined.isEmpty else { return nil }
        let below = defined.filter { $0 <= 0 }.count, above = defined.filter { $0 >= 0 }.count
        return min(1, 2 * Double(1 + min(below, above)) / Double(1 + defined.count))
    }
}
