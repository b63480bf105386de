extension Correlation {
    /// Percentile interval of Spearman's rho over a seeded bootstrap of the items (pairs drawn with
    /// replacement, `ItemBootstrap`; a replicate whose x or y is constant is left out).
    /// - Returns: nil when `samples` is 0 or no replicate gave a defined rho.
    /// - Throws: `empty`, `nonFinite`, `lengthMismatch`, `invalidParameter` for fewer than two
    ///   items or negative `samples`.
    public static func spearmanInterval(_ x: [Double], _ y: [Double], samples: Int = 1000,
                                        seed: UInt64 = 42) throws -> ClosedInterval? {
        try Validation.finite(x, "x")
        try Validation.finite(y, "y")
        try Validation.sameLength(y.count, x.count, "y vs x")
        guard x.count >= 2 else { throw MetricsError.invalidParameter("a correlation needs at least 2 values, got \(x.count)") }
        guard samples >= 0 else { throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(samples)") }
        let rx = SpearmanResampling(x), ry = SpearmanResampling(y)
        let replicates = ItemBootstrap(count: x.count, samples: samples, seed: seed).replicates(width: 1) { counts, out in
            var ranksX = [Double](repeating: 0, count: counts.count), ranksY = ranksX
            rx.ranks(counts, into: &ranksX)
            ry.ranks(counts, into: &ranksY)
            out[0] = SpearmanResampling.weightedRankCorrelation(ranksX, ranksY, counts: counts)
        }
        return samples == 0 ? nil : Bootstrap.percentileInterval(replicates[0])
    }
}

extension Correlation {
    /// Percentile interval of Pearson's r over the same seeded bootstrap of items as
    /// `spearmanInterval` (a replicate whose x or y is constant is left out).
    /// - Returns: nil when `samples` is 0 or no replicate gave a defined r.
    /// - Throws: as `spearmanInterval`.
    public static func pearsonInterval(_ x: [Double], _ y: [Double], samples: Int = 1000,
                                       seed: UInt64 = 42) throws -> ClosedInterval? {
        try Validation.finite(x, "x")
        try Validation.finite(y, "y")
        try Validation.sameLength(y.count, x.count, "y vs x")
        guard x.count >= 2 else { throw MetricsError.invalidParameter("a correlation needs at least 2 values, got \(x.count)") }
        guard samples >= 0 else { throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(samples)") }
        let replicates = ItemBootstrap(count: x.count, samples: samples, seed: seed).replicates(width: 1) { counts, out in
            out[0] = weightedPearson(x, y, counts: counts)
        }
        return samples == 0 ? nil : Bootstrap.percentileInterval(replicates[0])
    }

    /// Pearson's r of the resample where item i appears counts[i] times; NaN when x or y is constant in it.
    static func weightedPearson(_ x: [Double], _ y: [Double], counts: [Int]) -> Double {
        var n = 0.0, mx = 0.0, my = 0.0
        for i in x.indices where counts[i] > 0 {
            let c = Double(counts[i])
            n += c
            mx += c * x[i]
            my += c * y[i]
        }
        mx /= n
        my /= n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for i in x.indices where counts[i] > 0 {
            let c = Double(counts[i]), dx = x[i] - mx, dy = y[i] - my
            sxx += c * dx * dx
            syy += c * dy * dy
            sxy += c * dx * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return max(-1, min(1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }
}
