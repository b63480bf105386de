import Foundation

/// Two runs side by side: every metric with its delta (B - A) and, where one exists, the test of
/// it (`MetricSignificance`, Holm-corrected across the table), whether the fine-tuned AUCs really
/// differ, the pairs whose verdict changed, and what differs in their models and configuration.
///
/// Both the diff page and the index's in-browser diff are made from this one value, so they
/// cannot disagree.
struct RunComparison {
    struct Row {
        var metric: MetricCatalog.Metric
        var valueA: Double?
        var valueB: Double?
        var intervalA: ClosedRange<Double>?
        var intervalB: ClosedRange<Double>?

        var delta: Double? {
            guard let valueA, let valueB, !metric.isPValue else { return nil }
            return valueB - valueA
        }
    }

    struct Section {
        var title: String
        var rows: [Row]

        /// Every value the same in both runs (e.g. the baseline, when both runs scored the same data).
        var isIdentical: Bool { rows.allSatisfy { $0.valueA == $0.valueB && $0.intervalA == $0.intervalB } }
    }

    /// One line of the setup table: a model, the data, a hyperparameter.
    struct SettingRow {
        var label: String
        var valueA: String
        var valueB: String
        /// Rows that name the run (its name, its date) always differ; they are not a change.
        var identifiesRun = false
        var changed: Bool { !identifiesRun && valueA != valueB }
    }

    var a: RunSummary
    var b: RunSummary
    var sections: [Section]
    var significance: AUCSignificance
    /// The test behind each row, adjusted across the table; what colours a delta.
    var metricTests: MetricSignificance
    /// Query-by-query tests of two search runs (adjusted with the rest of the table).
    var search: SearchComparison?
    var verdicts: VerdictChanges?
    var setup: [SettingRow]
    var hyperparameters: [SettingRow]
    /// Per-pair scores, when read (for the overlaid distributions).
    var pairsA: PairScores?
    var pairsB: PairScores?

    /// Compares `a` and `b`, reading their `pairs.jsonl` when both scored the same data.
    ///
    /// A broken `pairs.jsonl` is not fatal: the comparison falls back to unpaired and says why.
    static func make(_ a: RunSummary, _ b: RunSummary, catalog: MetricCatalog? = nil) -> RunComparison {
        var pairsA: PairScores?, pairsB: PairScores?
        var pairsProblem: String?
        if let digest = a.dataDigest, digest == b.dataDigest {
            do {
                pairsA = try PairScores.load(directory: a.directory)
                pairsB = try PairScores.load(directory: b.directory)
            } catch {
                pairsProblem = "\(error)"
                pairsA = nil
                pairsB = nil
            }
        }
        var significance = AUCSignificance.between(a, b, pairsA: pairsA, pairsB: pairsB)
        if let pairsProblem {
            significance = AUCSignificance.unpaired(a, b, reason: "a pairs.jsonl cannot be read (\(pairsProblem))")
        }
        return make(a, b, catalog: catalog ?? MetricCatalog.covering([a, b]), significance: significance,
                    pairsA: pairsA, pairsB: pairsB)
    }

    static func make(_ a: RunSummary, _ b: RunSummary, catalog: MetricCatalog, significance: AUCSignificance,
                     pairsA: PairScores?, pairsB: PairScores?) -> RunComparison {
        let searchTests = SearchComparison.between(a, b)
        let metricTests = MetricSignificance.between(a, b, pairsA: pairsA, pairsB: pairsB, auc: significance, search: searchTests)
        let sections = catalog.groups.compactMap { group -> Section? in
            let rows = group.metrics.filter { MetricCatalog.isPresent($0, in: [a, b]) }.map { metric in
                Row(metric: metric,
                    valueA: a.document.number(metric.key), valueB: b.document.number(metric.key),
                    intervalA: metric.interval.flatMap { a.document.interval($0) },
                    intervalB: metric.interval.flatMap { b.document.interval($0) })
            }
            return rows.isEmpty ? nil : Section(title: group.title, rows: rows)
        }
        return RunComparison(
            a: a, b: b, sections: sections, significance: significance, metricTests: metricTests,
            search: searchTests?.adjusted(by: metricTests), verdicts: VerdictChanges.between(a, b, pairsA: pairsA, pairsB: pairsB),
            setup: setupRows(a, b), hyperparameters: hyperparameterRows(a, b),
            pairsA: pairsA, pairsB: pairsB)
    }

    private static func setupRows(_ a: RunSummary, _ b: RunSummary) -> [SettingRow] {
        func text(_ value: String?) -> String { value ?? "n/a" }
        return [
            SettingRow(label: "Run name", valueA: a.name, valueB: b.name, identifiesRun: true),
            SettingRow(label: "Created", valueA: a.created, valueB: b.created, identifiesRun: true),
            SettingRow(label: "Baseline model", valueA: a.baseline.name, valueB: b.baseline.name),
            SettingRow(label: "Baseline digest", valueA: text(a.baseline.digest), valueB: text(b.baseline.digest)),
            SettingRow(label: "Fine-tuned model", valueA: a.finetuned.name, valueB: b.finetuned.name),
            SettingRow(label: "Fine-tuned digest", valueA: text(a.finetuned.digest), valueB: text(b.finetuned.digest)),
            SettingRow(label: "Data file", valueA: text(a.dataFile), valueB: text(b.dataFile)),
            SettingRow(label: "Data digest", valueA: text(a.dataDigest), valueB: text(b.dataDigest)),
            SettingRow(label: "Threshold", valueA: SiteNumberFormat.fixed(a.threshold, 2), valueB: SiteNumberFormat.fixed(b.threshold, 2)),
            SettingRow(label: "Seed", valueA: text(a.seed), valueB: text(b.seed)),
            SettingRow(label: "Tool version", valueA: text(a.toolVersion), valueB: text(b.toolVersion)),
            SettingRow(label: "Notes", valueA: text(a.notes), valueB: text(b.notes)),
            SettingRow(label: "Command", valueA: text(a.command), valueB: text(b.command)),
        ]
    }

    /// Every hyperparameter key of either run; a key one run lacks shows as "not set".
    /// Numbers compare by value, so `5e-05` and `0.00005` are not a change.
    private static func hyperparameterRows(_ a: RunSummary, _ b: RunSummary) -> [SettingRow] {
        let keys = Set(a.hyperparameters.keys).union(b.hyperparameters.keys).sorted()
        return keys.map { key in
            var valueA = a.hyperparameters[key] ?? "not set"
            let valueB = b.hyperparameters[key] ?? "not set"
            if let x = Double(valueA), let y = Double(valueB), x == y { valueA = valueB }
            return SettingRow(label: key, valueA: valueA, valueB: valueB)
        }
    }
}
