/// What a model's similarity scores say about the task, in one word the report builds its
/// headline on. Decided by `DiagnosisRule`, never from a bare AUC without its interval.
public enum Diagnosis: String, Codable, CaseIterable, Sendable {
    /// The 95% AUC interval lies entirely below 0.5: the model ranks negatives above positives.
    case backwards
    /// The 95% AUC interval contains 0.5: no evidence the model separates the classes.
    case random
    /// Above chance (interval entirely above 0.5) but AUC below `DiagnosisRule.strongAUC`.
    case weak
    /// Above chance with AUC at least `DiagnosisRule.strongAUC`.
    case strong
    /// The similarities are bunched near one value (see `DiagnosisRule.collapsedScoreSD`); takes
    /// precedence over the others, since a threshold cannot work on such scores whatever the AUC.
    case collapsed
}

/// Every cut-off behind `Diagnosis` and the effect-size words, in one place.
public enum DiagnosisRule {
    /// AUC from which a correct model is called strong. 0.8 is the conventional "excellent
    /// discrimination" boundary (Hosmer & Lemeshow, Applied Logistic Regression, 2000), and under
    /// the binormal equal-variance model AUC = Phi(d / sqrt 2) it corresponds to d of about 1.19,
    /// the start of a "very large" effect: positives and negatives then overlap in a minority of pairs.
    public static let strongAUC = 0.8

    /// Standard deviation of all pair similarities below which the scores count as bunched: 0.02
    /// is 1% of the cosine range [-1, 1], narrower than the gap a threshold needs to sit in.
    public static let collapsedScoreSD = 0.02

    /// Uniformity (Wang & Isola, t = 2) above which a space is poorly spread. A collapsed space has
    /// uniformity near 0 (all points together), a well-spread one near -4; -0.5 means typical random
    /// pairs sit at cosine of about 0.88 or more.
    public static let poorUniformity = -0.5

    /// The diagnosis from the AUC, its 95% interval, the spread of all scores and (when known) the
    /// uniformity of the embedding space. Collapsed needs bunched scores and, when the uniformity is
    /// known, a poorly spread space as well (bunched scores on a well-spread space are a property of
    /// the pairs, not a collapse); then backwards, random, strong, weak, in that order.
    public static func diagnose(auc: Double, aucCI95: ClosedInterval, scoreSD: Double, uniformity: Double? = nil) -> Diagnosis {
        let bunched = scoreSD < collapsedScoreSD
        let poorlySpread = uniformity.map { $0 > poorUniformity } ?? true
        if bunched && poorlySpread { return .collapsed }
        if aucCI95.upper < 0.5 { return .backwards }
        if aucCI95.contains(0.5) { return .random }
        return auc >= strongAUC ? .strong : .weak
    }

    /// Spearman's rho from which a model's ranking of graded pairs is called strong. 0.7 is the usual
    /// boundary of a "strong" correlation (Dancey & Reidy, Statistics without Maths for Psychology),
    /// and about where general-purpose sentence encoders start on the STS benchmarks.
    public static let strongSpearman = 0.7

    /// The diagnosis of graded similarity on Spearman's rho with the gold scores, the same rule as
    /// for AUC around its own chance level 0: collapsed (bunched scores), backwards (interval below 0),
    /// random (interval contains 0), strong (rho at least `strongSpearman`), weak.
    public static func diagnose(spearman rho: Double, ci95: ClosedInterval?, scoreSD: Double) -> Diagnosis {
        if scoreSD < collapsedScoreSD { return .collapsed }
        if let ci95 {
            if ci95.upper < 0 { return .backwards }
            if ci95.contains(0) { return .random }
        }
        return rho >= strongSpearman ? .strong : .weak
    }

    /// Cohen's d thresholds on |d|: small 0.2, medium 0.5, large 0.8 (Cohen 1988), very large 1.2
    /// and huge 2.0 (Sawilowsky 2009).
    public static let effectSizeCutoffs: [(lowerBound: Double, word: String)] = [
        (2.0, "huge"), (1.2, "very large"), (0.8, "large"), (0.5, "medium"), (0.2, "small"),
    ]

    /// The effect-size word for d: negligible below |d| = 0.2.
    public static func effectSizeWord(_ d: Double) -> String {
        let size = abs(d)
        return effectSizeCutoffs.first { size >= $0.lowerBound }?.word ?? "negligible"
    }
}
