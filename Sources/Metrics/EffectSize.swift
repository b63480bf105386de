/// Standardised mean difference between the similarities of positive and negative pairs.
public enum EffectSize {
    /// Cohen's d = (mean_pos - mean_neg) / s_p with the pooled standard deviation
    /// s_p = sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)), ddof 1
    /// (pingouin `compute_effsize(..., eftype="cohen")`, paired=False).
    /// - Throws: `empty` for an empty group, `nonFinite`, `zeroVariance` when s_p is 0 or there
    ///   are fewer than three values in all (no degrees of freedom).
    public static func cohensD(positive: [Double], negative: [Double]) throws -> Double {
        try Validation.finite(positive, "positive scores")
        try Validation.finite(negative, "negative scores")
        guard let d = cohensDIfDefined(positive: positive, negative: negative) else {
            throw MetricsError.zeroVariance(what: "pooled standard deviation of the scores")
        }
        return d
    }

    /// Cohen's d, nil when undefined (pooled SD zero or no degrees of freedom).
    static func cohensDIfDefined(positive: [Double], negative: [Double]) -> Double? {
        let n1 = Double(positive.count), n2 = Double(negative.count)
        guard n1 >= 1, n2 >= 1, n1 + n2 > 2 else { return nil }
        let (m1, ss1) = meanAndSquares(positive), (m2, ss2) = meanAndSquares(negative)
        let pooled = ((ss1 + ss2) / (n1 + n2 - 2)).squareRoot()
        guard pooled > 0 else { return nil }
        return (m1 - m2) / pooled
    }

    /// Mean and sum of squared deviations, two passes for accuracy.
    static func meanAndSquares(_ values: [Double]) -> (mean: Double, squares: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        return (mean, squares)
    }
}
