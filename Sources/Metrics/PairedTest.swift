import Foundation

/// Two systems measured on the same items (per-query nDCG@10, per-pair errors...): is the mean
/// per-item difference d_i = fine-tuned_i - baseline_i distinguishable from zero?
///
/// Three answers, as ranx's statistical tests and Smucker, Allan & Carterette (CIKM 2007):
/// - paired t-test: t = mean(d) / (sd(d, ddof 1) / sqrt(n)), n - 1 degrees of freedom, two-sided
///   (`scipy.stats.ttest_rel(fine-tuned, baseline)`);
/// - randomization (sign-flip) test: each d_i's sign flipped with probability 1/2 in each of B
///   seeded samples, p = (1 + #{|mean(d*)| >= |mean(d)|}) / (1 + B);
/// - paired bootstrap: percentile interval of mean(d) over items resampled with replacement
///   (`ItemBootstrap`).
/// Undefined cases: fewer than two items make every test and the interval nil; all differences
/// 0 give t = 0 and both p-values 1 (scipy returns NaN there); all differences equal and non-zero
/// give an infinite t (nil here, as scipy's inf cannot go into JSON) with t-test p = 0.
public struct PairedTest: Codable, Equatable, Sendable {
    /// Items compared.
    public let count: Int
    /// mean(d), fine-tuned minus baseline.
    public let meanDifference: Double
    /// Items with d > 0, d == 0 and d < 0 (exact comparisons: an unchanged ranking gives exactly 0).
    public let improved: Int
    public let unchanged: Int
    public let worsened: Int
    /// The t statistic; nil with fewer than two items or when infinite (zero spread, non-zero mean).
    public let t: Double?
    /// Two-sided p-value of the paired t-test.
    public let tTestP: Double?
    /// p-value of the sign-flip randomization test.
    public let randomizationP: Double?
    /// Percentile interval of mean(d) over the paired bootstrap.
    public let meanDifferenceCI95: ClosedInterval?
    public let randomizationSamples: Int
    public let bootstrapSamples: Int
    public let seed: UInt64

    /// Shares of items improved, unchanged and worsened (each count / `count`).
    public var improvedShare: Double { Double(improved) / Double(count) }
    public var unchangedShare: Double { Double(unchanged) / Double(count) }
    public var worsenedShare: Double { Double(worsened) / Double(count) }

    /// Compares per-item values of the two systems, aligned by item.
    /// - Throws: as `init(differences:...)`, plus `lengthMismatch`.
    public init(baseline: [Double], finetuned: [Double], randomizationSamples: Int = 10_000,
                bootstrapSamples: Int = 1000, seed: UInt64 = 42) throws {
        try Validation.finite(baseline, "baseline values")
        try Validation.finite(finetuned, "fine-tuned values")
        try Validation.sameLength(finetuned.count, baseline.count, "fine-tuned vs baseline values")
        try self.init(differences: zip(finetuned, baseline).map { $0 - $1 }, randomizationSamples: randomizationSamples,
                      bootstrapSamples: bootstrapSamples, seed: seed)
    }

    /// Tests per-item differences d_i = fine-tuned_i - baseline_i.
    /// - Parameters:
    ///   - randomizationSamples: B of the sign-flip test, at least 10,000 (below that the smallest
    ///     attainable p, 1 / (1 + B), is too coarse for a corrected 0.05 threshold).
    ///   - bootstrapSamples: replicates of the interval; 0 leaves it nil.
    /// - Throws: `empty`, `nonFinite`, `invalidParameter` for B below 10,000 or negative replicates.
    public init(differences d: [Double], randomizationSamples: Int = 10_000, bootstrapSamples: Int = 1000,
                seed: UInt64 = 42) throws {
        try Validation.finite(d, "differences")
        guard randomizationSamples >= 10_000 else {
            throw MetricsError.invalidParameter("the randomization test needs at least 10,000 samples, got \(randomizationSamples)")
        }
        guard bootstrapSamples >= 0 else {
            throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(bootstrapSamples)")
        }
        count = d.count
        self.randomizationSamples = randomizationSamples
        self.bootstrapSamples = bootstrapSamples
        self.seed = seed
        meanDifference = d.reduce(0, +) / Double(d.count)
        improved = d.filter { $0 > 0 }.count
        unchanged = d.filter { $0 == 0 }.count
        worsened = d.filter { $0 < 0 }.count
        if let test = Self.tTest(d) {
            t = test.t.isFinite ? test.t : nil
            tTestP = test.p
        } else {
            (t, tTestP) = (nil, nil)
        }
        randomizationP = Self.randomizationP(d, samples: randomizationSamples, seed: seed)
        meanDifferenceCI95 = d.count < 2 || bootstrapSamples == 0 ? nil
            : ItemBootstrap(count: d.count, samples: bootstrapSamples, seed: seed).meanIntervals([d])[0]
    }

    /// The paired t-test on differences: (t, two-sided p); nil with fewer than two.
    /// All differences equal: t = 0, p = 1 when they are 0; t = +-infinity, p = 0 otherwise.
    static func tTest(_ d: [Double]) -> (t: Double, p: Double)? {
        guard d.count >= 2 else { return nil }
        if d.allSatisfy({ $0 == d[0] }) {
            return d[0] == 0 ? (0, 1) : (d[0] > 0 ? .infinity : -.infinity, 0)
        }
        let (mean, squares) = EffectSize.meanAndSquares(d)
        let n = Double(d.count)
        let t = mean / (squares / (n - 1) / n).squareRoot()
        return (t, StudentT.twoSidedP(t, degreesOfFreedom: n - 1))
    }

    /// The sign-flip randomization p-value; nil with fewer than two differences.
    ///
    /// Sample s flips d_i when bit (i mod 64) of the ((i / 64) + 1)-th output of its own generator,
    /// `ItemBootstrap.generator(seed: seed ^ 0x5157_4E5F_4649_5053, replicate: s)`, is set. Sums
    /// stand in for means (same n). A sample counts when |sum d*| >= |sum d| - 1e-12 * sum |d_i|:
    /// a flip pattern whose exact sum ties the observed one may round a few ulps below it in a
    /// different summation order, and 1e-12 of the absolute sum is far above that rounding
    /// (about n * 1e-16 of it) yet far below any real difference between two sums of these values.
    /// - Complexity: O(n * samples).
    static func randomizationP(_ d: [Double], samples: Int, seed: UInt64) -> Double? {
        guard d.count >= 2, samples > 0 else { return nil }
        let observed = abs(d.reduce(0, +))
        let threshold = observed - 1e-12 * d.reduce(0) { $0 + abs($1) }
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, samples))
        var counts = [Int](repeating: 0, count: chunks)
        counts.withUnsafeMutableBufferPointer { counts in
            let out = counts.baseAddress!
            d.withUnsafeBufferPointer { d in
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var extreme = 0
                    for sample in (samples * chunk / chunks)..<(samples * (chunk + 1) / chunks) {
                        var generator = ItemBootstrap.generator(seed: seed ^ 0x5157_4E5F_4649_5053, replicate: sample)
                        var bits: UInt64 = 0
                        var sum = 0.0
                        for i in 0..<d.count {
                            if i & 63 == 0 { bits = generator.next() }
                            sum += bits & 1 == 1 ? -d[i] : d[i]
                            bits >>= 1
                        }
                        if abs(sum) >= threshold { extreme += 1 }
                    }
                    out[chunk] = extreme
                }
            }
        }
        return Double(1 + counts.reduce(0, +)) / Double(1 + samples)
    }
}
