import Foundation

/// The numbers a diff compares, in the order a reader wants them, with labels and precision.
///
/// The known keys of the metrics contract come first, grouped; any other numeric key a run
/// carries (the contract lets writers add keys) follows under its dotted path, so a diff never
/// hides a number that one of the runs reports.
struct MetricCatalog {
    /// Which way is better, for colouring a delta.
    enum Direction: String {
        case higher, lower, neutral
    }

    struct Metric {
        var key: String
        var label: String
        var digits: Int
        /// Path of the `[lo, hi]` interval that goes with the value, if any.
        var interval: String?
        var direction: Direction
        /// A p-value: shown as "< 0.001" when tiny, and without a delta (a difference of
        /// p-values means nothing).
        var isPValue = false
    }

    struct Group {
        var title: String
        var metrics: [Metric]
    }

    var groups: [Group]

    var metrics: [Metric] { groups.flatMap(\.metrics) }

    private static func modelGroup(_ model: String, _ title: String) -> Group {
        let base = "models.\(model).pair_classification"
        return Group(title: title, metrics: [
            Metric(key: "\(base).auc", label: "AUC-ROC", digits: 3, interval: "\(base).auc_ci95", direction: .higher),
            Metric(key: "\(base).cohens_d", label: "Cohen's d", digits: 2, interval: "\(base).cohens_d_ci95", direction: .higher),
            Metric(key: "\(base).margin", label: "Margin (mean positive - mean negative)", digits: 3, direction: .higher),
            Metric(key: "\(base).mean_positive", label: "Mean similarity, positive pairs", digits: 3, direction: .neutral),
            Metric(key: "\(base).mean_negative", label: "Mean similarity, negative pairs", digits: 3, direction: .neutral),
            Metric(key: "\(base).threshold", label: "Threshold", digits: 2, direction: .neutral),
            Metric(key: "\(base).accuracy", label: "Accuracy at the threshold", digits: 3, direction: .higher),
            Metric(key: "\(base).precision", label: "Precision at the threshold", digits: 3, direction: .higher),
            Metric(key: "\(base).recall", label: "Recall at the threshold", digits: 3, direction: .higher),
            Metric(key: "\(base).f1", label: "F1 at the threshold", digits: 3, direction: .higher),
            Metric(key: "\(base).mcc", label: "Matthews correlation", digits: 3, direction: .higher),
            Metric(key: "\(base).average_precision", label: "Average precision", digits: 3, direction: .higher),
            Metric(key: "models.\(model).sts.spearman", label: "STS Spearman", digits: 3, direction: .higher),
            Metric(key: "models.\(model).sts.pearson", label: "STS Pearson", digits: 3, direction: .higher),
            Metric(key: "models.\(model).space.alignment", label: "Alignment (lower is tighter)", digits: 3, direction: .lower),
            Metric(key: "models.\(model).space.uniformity", label: "Uniformity (lower is more spread)", digits: 3, direction: .lower),
        ])
    }

    static let known: [Group] = [
        modelGroup("finetuned", "Fine-tuned model"),
        modelGroup("baseline", "Baseline model"),
        Group(title: "Fine-tuned against baseline, within each run", metrics: [
            Metric(key: "comparison.delta_auc", label: "Delta AUC (fine-tuned - baseline)", digits: 3, direction: .higher),
            Metric(key: "comparison.delong_z", label: "DeLong z", digits: 2, direction: .neutral),
            Metric(key: "comparison.delong_p", label: "DeLong p", digits: 3, direction: .neutral, isPValue: true),
            Metric(key: "comparison.fixed", label: "Pairs fixed by fine-tuning", digits: 0, direction: .higher),
            Metric(key: "comparison.broken", label: "Pairs broken by fine-tuning", digits: 0, direction: .lower),
            Metric(key: "comparison.still_wrong", label: "Pairs still wrong", digits: 0, direction: .lower),
        ]),
        Group(title: "Data", metrics: [
            Metric(key: "data.pairs", label: "Pairs", digits: 0, direction: .neutral),
            Metric(key: "data.positives", label: "Positive pairs", digits: 0, direction: .neutral),
            Metric(key: "data.negatives", label: "Negative pairs", digits: 0, direction: .neutral),
        ]),
    ]

    /// The known metrics plus every other numeric key under `models`, `comparison` and `data`
    /// that any of `runs` carries, sorted by path.
    static func covering(_ runs: [RunSummary]) -> MetricCatalog {
        var groups = known
        let knownKeys = Set(groups.flatMap(\.metrics).flatMap { [$0.key] + ($0.interval.map { [$0] } ?? []) })
        var extra = Set<String>()
        for run in runs {
            for root in ["models", "comparison", "data"] {
                for leaf in run.document.numericLeaves(under: root) where !knownKeys.contains(leaf.path) {
                    extra.insert(leaf.path)
                }
            }
        }
        if !extra.isEmpty {
            groups.append(Group(title: "Other numbers", metrics: extra.sorted().map {
                Metric(key: $0, label: $0, digits: 3, direction: .neutral)
            }))
        }
        return MetricCatalog(groups: groups)
    }

    /// Whether either run has a value for `metric` (rows both runs lack are left out).
    static func isPresent(_ metric: Metric, in runs: [RunSummary]) -> Bool {
        runs.contains { $0.document.number(metric.key) != nil }
    }
}
