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
            Metric(key: "\(base).cross_fitted_accuracy", label: "Accuracy, threshold cross-fitted", digits: 3, direction: .higher),
            Metric(key: "\(base).best_accuracy_optimistic", label: "Best accuracy, threshold fitted on the test pairs (optimistic)", digits: 3, direction: .higher),
            Metric(key: "\(base).best_threshold_optimistic", label: "That optimistic threshold", digits: 3, direction: .neutral),
            Metric(key: "models.\(model).sts.spearman", label: "STS Spearman", digits: 3,
                   interval: "models.\(model).sts.spearman_ci95", direction: .higher),
            Metric(key: "models.\(model).sts.pearson", label: "STS Pearson", digits: 3,
                   interval: "models.\(model).sts.pearson_ci95", direction: .higher),
            Metric(key: "models.\(model).space.alignment", label: "Alignment (lower is tighter)", digits: 3, direction: .lower),
            Metric(key: "models.\(model).space.uniformity", label: "Uniformity (lower is more spread)", digits: 3, direction: .lower),
            Metric(key: "models.\(model).dimension", label: "Embedding dimension", digits: 0, direction: .neutral),
        ])
    }

    private static func searchGroup(_ model: String, _ title: String) -> Group {
        let base = "models.\(model).retrieval"
        return Group(title: title, metrics: [
            Metric(key: "\(base).ndcg_at_10", label: "nDCG@10", digits: 3, interval: "\(base).ndcg_at_10_ci95", direction: .higher),
        ] + [1, 3, 5, 10, 100].map { k in
            Metric(key: "\(base).recall_at_\(k)", label: "Recall@\(k)", digits: 3, interval: "\(base).recall_at_\(k)_ci95", direction: .higher)
        } + [
            Metric(key: "\(base).mrr_at_10", label: "MRR@10", digits: 3, interval: "\(base).mrr_at_10_ci95", direction: .higher),
            Metric(key: "\(base).map_at_100", label: "MAP@100", digits: 3, interval: "\(base).map_at_100_ci95", direction: .higher),
        ])
    }

    static let known: [Group] = [
        searchGroup("finetuned", "Fine-tuned model, search"),
        modelGroup("finetuned", "Fine-tuned model"),
        modelGroup("baseline", "Baseline model"),
        searchGroup("baseline", "Baseline model, search"),
        Group(title: "Fine-tuned against baseline, within each run", metrics: [
            Metric(key: "comparison.delta_auc", label: "Delta AUC (fine-tuned - baseline)", digits: 3,
                   interval: "comparison.delta_auc_ci95", direction: .higher),
            Metric(key: "comparison.delta_cohens_d", label: "Delta Cohen's d (fine-tuned - baseline)", digits: 2,
                   interval: "comparison.delta_cohens_d_ci95", direction: .higher),
            Metric(key: "comparison.delong_z", label: "DeLong z", digits: 2, direction: .neutral),
            Metric(key: "comparison.delong_p", label: "DeLong p", digits: 3, direction: .neutral, isPValue: true),
            Metric(key: "comparison.fixed_own_threshold", label: "Pairs fixed, each model at its own threshold", digits: 0, direction: .higher),
            Metric(key: "comparison.broken_own_threshold", label: "Pairs broken, each model at its own threshold", digits: 0, direction: .lower),
            Metric(key: "comparison.still_wrong_own_threshold", label: "Pairs still wrong, each at its own threshold", digits: 0, direction: .lower),
            Metric(key: "comparison.still_right_own_threshold", label: "Pairs still right, each at its own threshold", digits: 0, direction: .higher),
            Metric(key: "comparison.own_threshold_folds", label: "Cross-fitting folds of those thresholds", digits: 0, direction: .neutral),
            Metric(key: "comparison.fixed", label: "Pairs fixed, at the fixed threshold", digits: 0, direction: .higher),
            Metric(key: "comparison.broken", label: "Pairs broken, at the fixed threshold", digits: 0, direction: .lower),
            Metric(key: "comparison.still_wrong", label: "Pairs still wrong, at the fixed threshold", digits: 0, direction: .lower),
            Metric(key: "comparison.still_right", label: "Pairs still right, at the fixed threshold", digits: 0, direction: .higher),
            Metric(key: "comparison.sts.spearman.delta", label: "Delta STS Spearman (fine-tuned - baseline)", digits: 3,
                   interval: "comparison.sts.spearman.ci95", direction: .higher),
            Metric(key: "comparison.sts.spearman.p", label: "Williams' test p", digits: 3, direction: .neutral, isPValue: true),
            Metric(key: "comparison.lexical.overlap_auc", label: "AUC of word overlap alone", digits: 3, direction: .neutral),
        ]),
        Group(title: "Data", metrics: [
            Metric(key: "data.pairs", label: "Pairs", digits: 0, direction: .neutral),
            Metric(key: "data.positives", label: "Positive pairs", digits: 0, direction: .neutral),
            Metric(key: "data.negatives", label: "Negative pairs", digits: 0, direction: .neutral),
            Metric(key: "data.unique_texts", label: "Unique texts", digits: 0, direction: .neutral),
        ]),
    ]

    /// Top-level objects whose numbers a diff shows (`run` and `config` are shown as settings).
    static let numericRoots = ["models", "comparison", "data", "retrieval", "leakage", "probes", "training"]

    /// The guard data sets of any of `runs` (metrics.json `guards`, matched by name), each with
    /// its measure before and after fine-tuning, the change and the run's own paired test.
    static func guardGroup(_ runs: [RunSummary]) -> Group? {
        var names: [String] = [], measures: [String: String] = [:]
        for run in runs {
            for entry in run.document.objects("guards") ?? [] {
                guard let name = entry["name"] as? String, !name.contains("]") else { continue }
                if measures[name] == nil { names.append(name) }
                measures[name] = measures[name] ?? (entry["measure"] as? String) ?? "main measure"
            }
        }
        guard !names.isEmpty else { return nil }
        return Group(title: "Guard data sets: did it break anything else?", metrics: names.flatMap { name -> [Metric] in
            let base = "guards.[name=\(name)]", measure = measures[name] ?? "main measure"
            return [
                Metric(key: "\(base).baseline", label: "\(name): baseline \(measure)", digits: 3, direction: .higher),
                Metric(key: "\(base).finetuned", label: "\(name): fine-tuned \(measure)", digits: 3, direction: .higher),
                Metric(key: "\(base).delta", label: "\(name): change (fine-tuned - baseline)", digits: 3, direction: .higher),
                Metric(key: "\(base).p", label: "\(name): paired test p, within the run", digits: 3, direction: .neutral, isPValue: true),
            ]
        })
    }

    /// The main measure at each Matryoshka dimension of any of `runs` (metrics.json `matryoshka`).
    static func matryoshkaGroup(_ runs: [RunSummary]) -> Group? {
        var dimensions = Set<Int>()
        for run in runs {
            for entry in run.document.objects("matryoshka") ?? [] {
                if let dim = MetricsTree.number(entry["dim"]), dim == dim.rounded(), abs(dim) < 1e9 { dimensions.insert(Int(dim)) }
            }
        }
        guard !dimensions.isEmpty else { return nil }
        return Group(title: "Main measure per embedding dimension (Matryoshka)", metrics: dimensions.sorted(by: >).flatMap { dim in [
            Metric(key: "matryoshka.[dim=\(dim)].finetuned", label: "\(dim) dimensions: fine-tuned", digits: 3, direction: .higher),
            Metric(key: "matryoshka.[dim=\(dim)].baseline", label: "\(dim) dimensions: baseline", digits: 3, direction: .higher),
        ] })
    }

    /// The known metrics, the guards and Matryoshka dimensions of `runs`, plus every other numeric
    /// key under `numericRoots` that any of them carries, sorted by path; shown with no decimals
    /// when every value is a whole number.
    static func covering(_ runs: [RunSummary]) -> MetricCatalog {
        var groups = known + [guardGroup(runs), matryoshkaGroup(runs)].compactMap { $0 }
        let knownKeys = Set(groups.flatMap(\.metrics).flatMap { [$0.key] + ($0.interval.map { [$0] } ?? []) })
        var extra: [String: Bool] = [:]  // path -> all values whole
        for run in runs {
            for root in numericRoots {
                for leaf in run.document.numericLeaves(under: root) where !knownKeys.contains(leaf.path) {
                    extra[leaf.path] = (extra[leaf.path] ?? true) && leaf.value == leaf.value.rounded()
                }
            }
        }
        if !extra.isEmpty {
            groups.append(Group(title: "Other numbers", metrics: extra.keys.sorted().map {
                Metric(key: $0, label: $0, digits: extra[$0] == true ? 0 : 3, direction: .neutral)
            }))
        }
        return MetricCatalog(groups: groups)
    }

    /// Whether either run has a value for `metric` (rows both runs lack are left out).
    static func isPresent(_ metric: Metric, in runs: [RunSummary]) -> Bool {
        runs.contains { $0.document.number(metric.key) != nil }
    }
}
