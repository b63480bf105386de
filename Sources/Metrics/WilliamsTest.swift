/// Is the fine-tuned model's Spearman correlation with the gold scores different from the
/// baseline's, on the same items? Williams' test for dependent correlations sharing one variable
/// (Williams 1959; Steiger 1980, eq. 7; the WMT metrics task, Graham & Baldwin 2014), on Spearman's
/// rho, plus a paired bootstrap interval of the difference.
///
/// With r12 = rho(gold, baseline), r13 = rho(gold, fine-tuned), r23 = rho(baseline, fine-tuned):
///   K = 1 - r12^2 - r13^2 - r23^2 + 2 r12 r13 r23,
///   t = (r13 - r12) sqrt((n - 1)(1 + r23)) / sqrt(2 K (n - 1) / (n - 3) + ((r12 + r13)^2 / 4)(1 - r23)^3),
/// with n - 3 degrees of freedom, two-sided (REFERENCE.md, "Comparing two models' correlations").
/// The interval resamples items with replacement and recomputes both rhos on the same draw
/// (`ItemBootstrap`, `SpearmanResampling`).
public struct WilliamsTest: Codable, Equatable, Sendable {
    /// Items (gold scores) compared.
    public let count: Int
    /// r12 = rho(gold, baseline).
    public let baselineRho: Double
    /// r13 = rho(gold, fine-tuned).
    public let finetunedRho: Double
    /// r23 = rho(baseline, fine-tuned).
    public let modelsRho: Double
    /// finetunedRho - baselineRho.
    public let deltaRho: Double
    /// Williams' t; 0 when the two models rank the items identically; nil with fewer than four
    /// items or a zero denominator.
    public let t: Double?
    /// n - 3.
    public let degreesOfFreedom: Int
    /// Two-sided p-value of t (1 for identical rankings).
    public let p: Double?
    /// Percentile interval of rho(gold, fine-tuned) - rho(gold, baseline) over the paired bootstrap.
    public let deltaRhoCI95: ClosedInterval?
    public let bootstrapSamples: Int
    public let seed: UInt64

    /// - Throws: `empty`, `nonFinite`, `lengthMismatch`, `zeroVariance` when the gold scores or a
    ///   model's scores are constant (rho undefined), `invalidParameter` for fewer than two items or
    ///   negative `bootstrapSamples`.
    public init(gold: [Double], baseline: [Double], finetuned: [Double], bootstrapSamples: Int = 1000,
                seed: UInt64 = 42) throws {
        try Validation.finite(gold, "gold scores")
        try Validation.finite(baseline, "baseline scores")
        try Validation.finite(finetuned, "fine-tuned scores")
        try Validation.sameLength(baseline.count, gold.count, "baseline scores vs gold scores")
        try Validation.sameLength(finetuned.count, gold.count, "fine-tuned scores vs gold scores")
        guard bootstrapSamples >= 0 else {
            throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(bootstrapSamples)")
        }
        count = gold.count
        self.bootstrapSamples = bootstrapSamples
        self.seed = seed
        baselineRho = try Correlation.spearman(gold, baseline)
        finetunedRho = try Correlation.spearman(gold, finetuned)
        modelsRho = try Correlation.spearman(baseline, finetuned)
        deltaRho = finetunedRho - baselineRho
        degreesOfFreedom = count - 3

        if count < 4 {
            (t, p) = (nil, nil)
        } else if Ranks.midranks(baseline) == Ranks.midranks(finetuned) {
            (t, p) = (0, 1)
        } else if let t = Self.statistic(r12: baselineRho, r13: finetunedRho, r23: modelsRho, n: count) {
            (self.t, p) = (t, StudentT.twoSidedP(t, degreesOfFreedom: Double(count - 3)))
        } else {
            (t, p) = (nil, nil)
        }

        if bootstrapSamples > 0 {
            let rankers = [gold, baseline, finetuned].map(SpearmanResampling.init)
            let replicates = ItemBootstrap(count: count, samples: bootstrapSamples, seed: seed).replicates(width: 1) { counts, out in
                var ranks = [[Double]](repeating: [Double](repeating: 0, count: counts.count), count: 3)
                for v in 0..<3 { rankers[v].ranks(counts, into: &ranks[v]) }
                out[0] = SpearmanResampling.weightedRankCorrelation(ranks[0], ranks[2], counts: counts)
                    - SpearmanResampling.weightedRankCorrelation(ranks[0], ranks[1], counts: counts)
            }
            deltaRhoCI95 = Bootstrap.percentileInterval(replicates[0])
        } else {
            deltaRhoCI95 = nil
        }
    }

    /// Williams' t from the three correlations and n; nil for n < 4 or a denominator that is not
    /// positive and finite.
    public static func statistic(r12: Double, r13: Double, r23: Double, n: Int) -> Double? {
        guard n >= 4 else { return nil }
        let n = Double(n)
        let k = 1 - r12 * r12 - r13 * r13 - r23 * r23 + 2 * r12 * r13 * r23
        let sum = r12 + r13
        let denominator = 2 * k * (n - 1) / (n - 3) + sum * sum / 4 * (1 - r23) * (1 - r23) * (1 - r23)
        guard denominator > 0, denominator.isFinite else { return nil }
        return (r13 - r12) * ((n - 1) * (1 + r23)).squareRoot() / denominator.squareRoot()
    }
}
