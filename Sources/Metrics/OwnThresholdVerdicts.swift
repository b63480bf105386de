/// Which pairs fine-tuning fixed and broke when each model is judged at its own threshold, not at
/// one fixed threshold for both.
///
/// A fixed threshold mistakes a shift of the whole score distribution for a change of verdicts:
/// fine-tuned scores of exactly 0.3 + 0.7 x the baseline's rank every pair the same way, yet at
/// 0.5 they "fix" every positive the baseline scored between 0.29 and 0.5. Here each model's
/// threshold is cross-fitted (`HonestThreshold.crossFitted`: the best-accuracy cut fitted on k - 1
/// folds, applied to the held-out fold) with the same seed, hence the same stratified folds, for
/// both models, so no pair's verdict comes from a threshold fitted on that pair, and a strictly
/// increasing transformation of one model's scores changes no verdict (REFERENCE.md, "Verdicts at
/// a model's own threshold").
public struct OwnThresholdVerdicts: Codable, Equatable, Sendable {
    public let folds: Int
    public let seed: UInt64
    /// Each model's fitted threshold per fold.
    public let baselineThresholds: [Double]
    public let finetunedThresholds: [Double]
    /// One verdict per pair, in input order.
    public let verdicts: [PairVerdict]
    public let fixed: Int
    public let broken: Int
    public let stillWrong: Int
    public let stillRight: Int

    /// - Throws: `MetricsError` for empty, mismatched or non-finite input, a single class, or
    ///   fewer than two folds.
    public init(baseline: [Double], finetuned: [Double], labels: [Bool], folds: Int = 5, seed: UInt64 = 42) throws {
        try Validation.pairs(scores: baseline, labels: labels, what: "baseline scores")
        try Validation.pairs(scores: finetuned, labels: labels, what: "fine-tuned scores")
        let before = try HonestThreshold.crossFitted(scores: baseline, labels: labels, folds: folds, seed: seed)
        let after = try HonestThreshold.crossFitted(scores: finetuned, labels: labels, folds: folds, seed: seed)
        self.folds = before.folds
        self.seed = seed
        baselineThresholds = before.foldThresholds
        finetunedThresholds = after.foldThresholds
        verdicts = labels.indices.map { i in
            PairVerdict(baselineRight: before.predictions[i] == labels[i], finetunedRight: after.predictions[i] == labels[i])
        }
        (fixed, broken, stillWrong, stillRight) = PairVerdict.counts(verdicts)
    }
}
