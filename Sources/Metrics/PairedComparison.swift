/// How one pair's verdict at the threshold changed from the baseline to the fine-tuned model.
public enum PairVerdict: String, Codable, Sendable {
    /// Wrong before, right after.
    case fixed
    /// Right before, wrong after.
    case broken
    case stillWrong = "still wrong"
    case stillRight = "still right"

    /// The verdict of a pair from whether each model called it right.
    public init(baselineRight: Bool, finetunedRight: Bool) {
        switch (baselineRight, finetunedRight) {
        case (false, true): self = .fixed
        case (true, false): self = .broken
        case (false, false): self = .stillWrong
        case (true, true): self = .stillRight
        }
    }

    /// How many of `verdicts` are fixed, broken, still wrong and still right.
    static func counts(_ verdicts: [PairVerdict]) -> (fixed: Int, broken: Int, stillWrong: Int, stillRight: Int) {
        var counts = [PairVerdict: Int]()
        for verdict in verdicts { counts[verdict, default: 0] += 1 }
        return (counts[.fixed] ?? 0, counts[.broken] ?? 0, counts[.stillWrong] ?? 0, counts[.stillRight] ?? 0)
    }
}

/// Baseline against fine-tuned on the same pairs: DeLong's test of the AUC difference, paired
/// bootstrap intervals of the AUC and Cohen's d differences, and which pairs changed verdict, both
/// at the one fixed threshold and at each model's own cross-fitted threshold (`ownThreshold`, the
/// counts to quote). Every difference is fine-tuned minus baseline.
public struct PairedComparison: Codable, Equatable, Sendable {
    public let baselineAUC: Double
    public let finetunedAUC: Double
    /// finetunedAUC - baselineAUC.
    public let deltaAUC: Double
    /// DeLong's z for correlated AUCs; 0 when the AUCs are equal; nil when undefined (a class
    /// with fewer than two pairs and different AUCs) or infinite (a difference with zero
    /// variance, where `delongP` is 0).
    public let delongZ: Double?
    /// Two-sided p-value of DeLong's test; 1 when the AUCs are equal (identical scores included).
    public let delongP: Double?
    /// Percentile interval of the AUC difference over a paired, stratified bootstrap.
    public let deltaAUCCI95: ClosedInterval?
    /// Each model's Cohen's d interval over the same replicates: the percentile interval
    /// `PairClassification` computes for one model with the same seed (the draws depend only on the
    /// seed, the replicate and the class sizes), so a caller that has both models need not resample
    /// twice more. nil when that model's d is undefined or there is no bootstrap.
    public let baselineCohensDCI95: ClosedInterval?
    public let finetunedCohensDCI95: ClosedInterval?
    /// d(fine-tuned) - d(baseline); nil when either d is undefined.
    public let deltaD: Double?
    /// Percentile interval of the d difference over the same bootstrap replicates.
    public let deltaDCI95: ClosedInterval?
    public let threshold: Double
    /// Verdicts at the fixed `threshold`, the same for both models: a shift of every score
    /// changes them, so they are shown labelled as such, beside `ownThreshold`.
    public let fixed: Int
    public let broken: Int
    public let stillWrong: Int
    public let stillRight: Int
    /// One verdict per pair at the fixed threshold, in input order.
    public let verdicts: [PairVerdict]
    /// Verdicts at each model's own cross-fitted threshold (same seeded folds for both).
    public let ownThreshold: OwnThresholdVerdicts
    public let bootstrapSamples: Int
    public let seed: UInt64

    /// - Throws: `MetricsError` for empty, mismatched or non-finite input, or a single class.
    /// - Parameter folds: cross-fitting folds of the own-threshold verdicts (seeded by `seed`).
    public init(baseline: [Double], finetuned: [Double], labels: [Bool], threshold: Double = 0.5,
                bootstrapSamples: Int = 1000, seed: UInt64 = 42, folds: Int = 5) throws {
        try Validation.pairs(scores: baseline, labels: labels, what: "baseline scores")
        try Validation.pairs(scores: finetuned, labels: labels, what: "fine-tuned scores")
        guard threshold.isFinite else { throw MetricsError.invalidParameter("threshold must be finite, got \(threshold)") }
        guard bootstrapSamples >= 0 else { throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(bootstrapSamples)") }
        self.threshold = threshold
        self.bootstrapSamples = bootstrapSamples
        self.seed = seed

        let a = DeLong.placements(scores: baseline, labels: labels)
        let b = DeLong.placements(scores: finetuned, labels: labels)
        baselineAUC = ROC.auc(scores: baseline, labels: labels)
        finetunedAUC = ROC.auc(scores: finetuned, labels: labels)
        deltaAUC = finetunedAUC - baselineAUC
        if baseline == finetuned {
            (delongZ, delongP) = (0, 1)
        } else if let test = DeLong.test(a, b) {
            (delongZ, delongP) = (test.z.isFinite ? test.z : nil, test.p)
        } else {
            (delongZ, delongP) = (nil, nil)
        }

        let positiveOf = { (s: [Double]) in zip(s, labels).filter(\.1).map(\.0) }
        let negativeOf = { (s: [Double]) in zip(s, labels).filter { !$0.1 }.map(\.0) }
        let dBase = EffectSize.cohensDIfDefined(positive: positiveOf(baseline), negative: negativeOf(baseline))
        let dTuned = EffectSize.cohensDIfDefined(positive: positiveOf(finetuned), negative: negativeOf(finetuned))
        deltaD = dBase.flatMap { base in dTuned.map { $0 - base } }

        if bootstrapSamples > 0 {
            let replicates = Bootstrap(models: [baseline, finetuned], labels: labels).run(samples: bootstrapSamples, seed: seed)
            deltaAUCCI95 = Bootstrap.percentileInterval(zip(replicates.auc[1], replicates.auc[0]).map { $0 - $1 })
            deltaDCI95 = deltaD == nil ? nil
                : Bootstrap.percentileInterval(zip(replicates.cohensD[1], replicates.cohensD[0]).map { $0 - $1 })
            baselineCohensDCI95 = dBase == nil ? nil : Bootstrap.percentileInterval(replicates.cohensD[0])
            finetunedCohensDCI95 = dTuned == nil ? nil : Bootstrap.percentileInterval(replicates.cohensD[1])
        } else {
            deltaAUCCI95 = nil
            deltaDCI95 = nil
            baselineCohensDCI95 = nil
            finetunedCohensDCI95 = nil
        }

        verdicts = labels.indices.map { i in
            PairVerdict(baselineRight: (baseline[i] >= threshold) == labels[i], finetunedRight: (finetuned[i] >= threshold) == labels[i])
        }
        (fixed, broken, stillWrong, stillRight) = PairVerdict.counts(verdicts)
        ownThreshold = try OwnThresholdVerdicts(baseline: baseline, finetuned: finetuned, labels: labels, folds: folds, seed: seed)
    }
}
