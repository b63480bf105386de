/// Correlation coefficients for STS-style evaluation (gold similarity vs cosine), as scipy.
public enum Correlation {
    /// Pearson's r = sum (x - mean x)(y - mean y) / sqrt(sum (x - mean x)^2 sum (y - mean y)^2),
    /// clipped to [-1, 1] (`scipy.stats.pearsonr`).
    /// - Throws: `empty`, `lengthMismatch`, `nonFinite`, `invalidParameter` for fewer than two
    ///   values, `zeroVariance` when either input is constant (scipy returns NaN there).
    public static func pearson(_ x: [Double], _ y: [Double]) throws -> Double {
        try Validation.finite(x, "x")
        try Validation.finite(y, "y")
        try Validation.sameLength(y.count, x.count, "y vs x")
        guard x.count >= 2 else { throw MetricsError.invalidParameter("a correlation needs at least 2 values, got \(x.count)") }
        let (mx, sx) = EffectSize.meanAndSquares(x), (my, sy) = EffectSize.meanAndSquares(y)
        guard sx > 0 else { throw MetricsError.zeroVariance(what: "x") }
        guard sy > 0 else { throw MetricsError.zeroVariance(what: "y") }
        var sxy = 0.0
        for i in x.indices { sxy += (x[i] - mx) * (y[i] - my) }
        return max(-1, min(1, sxy / (sx.squareRoot() * sy.squareRoot())))
    }

    /// Spearman's rho: Pearson's r of the average ranks (ties share the mean rank), as
    /// `scipy.stats.spearmanr`.
    public static func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        try Validation.finite(x, "x")
        try Validation.finite(y, "y")
        try Validation.sameLength(y.count, x.count, "y vs x")
        return try pearson(Ranks.midranks(x), Ranks.midranks(y))
    }
}
