import Metrics

/// One measure the report shows for both models on the same pairs, with the paired test of the
/// change and its p-value adjusted (Holm) across every measure of the report's table, so the page
/// colours a change only when that adjusted p is below 0.05.
public struct MeasureComparison: Sendable, Equatable {
    /// The measure's name under `pair_classification` in metrics.json (`auc`, `accuracy`, ...).
    public var key: String
    public var baseline: Double
    public var finetuned: Double
    /// finetuned - baseline.
    public var delta: Double { finetuned - baseline }
    /// The test's name: "DeLong", "McNemar", "Welch t", "paired bootstrap".
    public var method: String
    /// Two-sided p of the paired test; nil when the test is undefined.
    public var p: Double?
    /// Holm-adjusted across the table; nil when `p` is.
    public var adjustedP: Double?

    /// Whether the paired test, corrected across the table, says the change is real.
    public var isSignificant: Bool { (adjustedP ?? 1) < 0.05 }

    public init(key: String, baseline: Double, finetuned: Double, method: String, p: Double?, adjustedP: Double?) {
        self.key = key
        self.baseline = baseline
        self.finetuned = finetuned
        self.method = method
        self.p = p
        self.adjustedP = adjustedP
    }

    /// The report's table, in reading order, from the tests of one pair of score vectors.
    public static func table(_ tests: PairedMeasureTests) -> [MeasureComparison] {
        let rows: [(String, PairedMeasureTests.Result?)] = [
            ("auc", tests.auc), ("cohens_d", tests.cohensD), ("margin", tests.margin), ("accuracy", tests.accuracy),
            ("recall", tests.recall), ("cross_fitted_accuracy", tests.crossFittedAccuracy),
        ]
        let present = rows.compactMap { key, result in result.map { (key, $0) } }
        let adjusted = Holm.adjusted(present.map(\.1.p))
        return zip(present, adjusted).map { entry, adjustedP in
            MeasureComparison(key: entry.0, baseline: entry.1.a, finetuned: entry.1.b, method: entry.1.method.rawValue,
                              p: entry.1.p, adjustedP: adjustedP)
        }
    }
}
