import Metrics

/// A guard data set (one the fine-tune must not get worse at) in one line: its task's main measure
/// for both models, the paired difference with its test and interval, and Holm's adjustment across
/// the run's guards. metrics.json's `guards` entries.
public struct GuardOutcome: Sendable {
    /// The file or folder name as given.
    public var name: String
    public var task: TaskKind
    /// The measure's metrics.json key: `auc`, `spearman` or `ndcg_at_10`.
    public var measure: String
    /// Items the measure is over: pairs or evaluated queries.
    public var items: Int
    public var baseline: Double
    public var finetuned: Double
    public var delta: Double
    /// The paired bootstrap interval of the difference.
    public var deltaCI95: ClosedInterval?
    /// The paired test's two-sided p and its name: DeLong's test (AUC), Williams' test (Spearman),
    /// the paired t-test over queries (nDCG@10).
    public var p: Double?
    public var test: String
    /// p after Holm's correction across the run's guards.
    public var pAdjusted: Double?

    /// Significantly worse after fine-tuning (Holm-adjusted p < 0.05).
    public var regressed: Bool { delta < 0 && (pAdjusted ?? 1) < 0.05 }
    /// Significantly better after fine-tuning (Holm-adjusted p < 0.05).
    public var improved: Bool { delta > 0 && (pAdjusted ?? 1) < 0.05 }

    init(name: String, outcome: TaskOutcome) {
        self.name = name
        switch outcome {
        case .pairs(let o):
            task = .pairs
            measure = "auc"
            items = o.data.pairs
            (baseline, finetuned) = (o.baseline.classification.auc, o.finetuned.classification.auc)
            (deltaCI95, p, test) = (o.comparison.deltaAUCCI, o.comparison.delongP, "DeLong's test")
        case .sts(let o):
            task = .sts
            measure = "spearman"
            items = o.pairs
            (baseline, finetuned) = (o.baseline.spearman, o.finetuned.spearman)
            (deltaCI95, p, test) = (o.comparison.deltaRhoCI95, o.comparison.p, "Williams' test")
        case .retrieval(let o):
            task = .retrieval
            measure = "ndcg_at_10"
            items = o.ndcgChange.count
            (baseline, finetuned) = (o.baseline.ndcgAt10.mean, o.finetuned.ndcgAt10.mean)
            (deltaCI95, p, test) = (o.ndcgChange.meanDifferenceCI95, o.ndcgChange.tTestP, "paired t-test over queries")
        }
        delta = finetuned - baseline
        pAdjusted = nil
    }

    /// The guards with Holm's adjusted p across all of them.
    static func adjusted(_ guards: [GuardOutcome]) -> [GuardOutcome] {
        let adjusted = Holm.adjusted(guards.map(\.p))
        return zip(guards, adjusted).map { entry, p in
            var entry = entry
            entry.pAdjusted = p
            return entry
        }
    }
}
