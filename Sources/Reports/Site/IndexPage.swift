import Charts
import Foundation

/// The values of `reports/index.html`: the run table, the trend chart, the unreadable folders and
/// the data the in-browser diff needs. The page's text lives in `templates/site/index.html.mustache`.
struct IndexPage {
    var catalog: RunCatalog
    /// Diff pages already in `reports/diffs/`, by file name.
    var diffPages: [String]
    var comparisons: SiteComparisons
    var metrics: MetricCatalog
    /// The reports folder's name, for the `tunelens diff` command the page suggests.
    var folderName: String

    init(catalog: RunCatalog, diffPages: [String], folderName: String) {
        self.catalog = catalog
        self.diffPages = diffPages
        self.folderName = folderName
        self.comparisons = SiteComparisons.compute(catalog.runs)
        self.metrics = MetricCatalog.covering(catalog.runs)
    }

    var runs: [RunSummary] { catalog.runs }

    func context() -> [String: Any] {
        let newestFirst = Array(runs.reversed())
        let chart = trendChart
        let table = chart.table
        let examples = runs.suffix(2).map(\.id)
        var context: [String: Any] = [
            "runCount": runs.count,
            "summary": summary,
            "hasRuns": !runs.isEmpty,
            "rows": newestFirst.map(row),
            "trendSVG": chart.svg,
            "trendCaption": chart.summary,
            "trendTable": [
                "caption": table.caption,
                "header": table.header,
                "rows": table.rows.map { ["cells": $0] },
            ] as [String: Any],
            "hasUnreadable": !catalog.unreadable.isEmpty,
            "unreadable": catalog.unreadable.map { ["id": $0.id, "reason": $0.reason] },
            "canCompare": runs.count >= 2,
            "options": newestFirst.enumerated().map { index, run in
                ["id": run.id, "label": "\(Self.displayDate(run)) \(run.name)",
                 "selectedA": index == 1, "selectedB": index == 0] as [String: Any]
            },
            "exampleA": examples.first.map { "\(folderName)/\($0)" } ?? "",
            "exampleB": examples.last.map { "\(folderName)/\($0)" } ?? "",
            "testsNote": testsNote,
            "hasDiffPages": !diffPages.isEmpty,
            "diffPages": diffPages.map { ["name": String($0.dropLast(5)), "href": "\(RunCatalog.diffsFolder)/\(SitePaths.encode($0))"] },
            "siteJSON": siteData.text,
        ]
        if let plateau { context["plateau"] = plateau }
        if runs.contains(where: { $0.finetuned.ndcg != nil }) { context["hasSearch"] = true }
        if runs.contains(where: { $0.task == "sts" }) { context["hasSts"] = true }
        return context
    }

    private func row(_ run: RunSummary) -> [String: Any] {
        let model = run.finetuned
        var row: [String: Any] = [
            "anchor": run.id,
            "created": run.created,
            "date": Self.displayDate(run),
            "name": run.name,
            "href": SitePaths.runPage(run.id),
            "baseline": run.baseline.name,
            "finetuned": model.name,
            "auc": SiteNumberFormat.withInterval(model.auc, model.aucInterval, 3),
            "aucValue": model.auc.map { "\($0)" } ?? "",
            "cohensD": SiteNumberFormat.fixed(model.cohensD, 2),
            "dValue": model.cohensD.map { "\($0)" } ?? "",
            "accuracy": model.accuracy == nil ? "n/a"
                : "\(SiteNumberFormat.fixed(model.accuracy, 3)) @ \(SiteNumberFormat.fixed(run.threshold ?? model.threshold, 2))",
            "accuracyValue": model.accuracy.map { "\($0)" } ?? "",
            "ndcg": SiteNumberFormat.withInterval(model.ndcg, model.ndcgInterval, 3),
            "ndcgValue": model.ndcg.map { "\($0)" } ?? "",
            "spearman": run.task == "sts" ? SiteNumberFormat.withInterval(model.spearman, model.spearmanInterval, 3) : "n/a",
            "spearmanValue": run.task == "sts" ? model.spearman.map { "\($0)" } ?? "" : "",
            "task": run.task,
            "diagnosis": run.baseline.verdict ?? "n/a",
        ]
        if let title = run.title { row["title"] = title }
        return row
    }

    /// "2026-11-01 09:00" in UTC, or the date as written when it is not ISO-8601.
    static func displayDate(_ run: RunSummary) -> String {
        guard let date = run.createdDate else { return run.created }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// One sentence on the folder: how many runs, the best and the latest fine-tuned AUC.
    var summary: String {
        guard let latest = runs.last else {
            return catalog.unreadable.isEmpty ? "No runs yet." : "No readable runs; see the folders below."
        }
        var text = "\(runs.count) run\(runs.count == 1 ? "" : "s")"
        let scored = runs.filter { $0.finetuned.auc != nil }
        if let best = scored.max(by: { ($0.finetuned.auc ?? 0) < ($1.finetuned.auc ?? 0) }) {
            text += ". Highest fine-tuned AUC: \(SiteNumberFormat.fixed(best.finetuned.auc, 3)) (\(best.name))"
        }
        if latest.task == "sts" {
            text += ". Latest: \(latest.name), Spearman \(SiteNumberFormat.withInterval(latest.finetuned.spearman, latest.finetuned.spearmanInterval, 3))."
        } else if latest.task == "retrieval" {
            text += ". Latest: \(latest.name), nDCG@10 \(SiteNumberFormat.withInterval(latest.finetuned.ndcg, latest.finetuned.ndcgInterval, 3))."
        } else {
            text += ". Latest: \(latest.name), AUC \(SiteNumberFormat.withInterval(latest.finetuned.auc, latest.finetuned.aucInterval, 3))."
        }
        if !catalog.unreadable.isEmpty {
            text += " \(catalog.unreadable.count) folder\(catalog.unreadable.count == 1 ? " is" : "s are") unreadable."
        }
        return text
    }

    /// A plateau: the latest runs (three or more, all on the latest run's data) whose fine-tuned
    /// AUC intervals all overlap.
    var plateau: String? {
        var count = 0
        var lower = -Double.infinity, upper = Double.infinity
        for run in runs.reversed() {
            guard run.dataDigest != nil, run.dataDigest == runs.last?.dataDigest else { break }
            guard let interval = run.finetuned.aucInterval else { break }
            let newLower = max(lower, interval.lowerBound), newUpper = min(upper, interval.upperBound)
            guard newLower <= newUpper else { break }
            (lower, upper, count) = (newLower, newUpper, count + 1)
        }
        guard count >= 3 else { return nil }
        return "Plateau: the fine-tuned AUC intervals of the last \(count) runs on the same data all share the range \(SiteNumberFormat.fixed(lower, 3)) to \(SiteNumberFormat.fixed(upper, 3)). By their intervals alone none stands out; a diff of two of them runs the paired test on the same pairs, which can still find a difference."
    }

    var testsNote: String {
        comparisons.complete
            ? "Significance tests for every pair of runs are in the page."
            : "With \(runs.count) runs, significance tests are in the page for the pairs among the most recent runs and for each run against the one before it; `tunelens diff` computes any other pair."
    }

    /// Fine-tuned AUC (with intervals) and accuracy across runs, oldest first; the baseline AUC as
    /// a reference line when every run has the same one, else as its own series.
    var trendChart: TrendChart {
        let auc = TrendSeries(name: "Fine-tuned AUC", values: runs.map { run in
            run.finetuned.auc.map { TrendValue($0, lower: run.finetuned.aucInterval?.lowerBound, upper: run.finetuned.aucInterval?.upperBound) }
        }, style: .series(0))
        let accuracy = TrendSeries(name: "Fine-tuned accuracy at the threshold", values: runs.map { run in
            run.finetuned.accuracy.map { TrendValue($0) }
        }, style: .series(1))
        var series = [auc, accuracy]
        if runs.contains(where: { $0.finetuned.ndcg != nil }) {
            series.append(TrendSeries(name: "Fine-tuned nDCG@10 (search runs)", values: runs.map { run in
                run.finetuned.ndcg.map { TrendValue($0, lower: run.finetuned.ndcgInterval?.lowerBound, upper: run.finetuned.ndcgInterval?.upperBound) }
            }, style: .series(3)))
        }
        if runs.contains(where: { $0.task == "sts" }) {
            series.append(TrendSeries(name: "Fine-tuned Spearman (similarity runs)", values: runs.map { run in
                run.task == "sts" ? run.finetuned.spearman.map {
                    TrendValue($0, lower: run.finetuned.spearmanInterval?.lowerBound, upper: run.finetuned.spearmanInterval?.upperBound)
                } : nil
            }, style: .series(4)))
        }
        var references: [ReferenceLine] = []
        let baselines = runs.compactMap(\.baseline.auc)
        if let first = baselines.first, baselines.count == runs.count, baselines.allSatisfy({ $0 == first }) {
            references.append(ReferenceLine(label: "Baseline AUC", value: first))
        } else if !baselines.isEmpty {
            series.append(TrendSeries(name: "Baseline AUC", values: runs.map { run in run.baseline.auc.map { TrendValue($0) } },
                                      style: .series(2)))
        }
        // The title names the measures the runs have: AUC and accuracy (pairs), nDCG@10, Spearman.
        var measures = runs.contains { $0.finetuned.auc != nil } || runs.isEmpty ? ["AUC", "accuracy"] : []
        if runs.contains(where: { $0.finetuned.ndcg != nil }) { measures.append("nDCG@10") }
        if runs.contains(where: { $0.task == "sts" }) { measures.append("Spearman") }
        let title = "Fine-tuned \(ReportFormat.list(measures)) across runs"
        return TrendChart(title: title, categories: runs.map(\.name),
                          series: series, references: references, xTitle: "Run, oldest first", yTitle: measures.joined(separator: " / "))
    }

    /// The JSON the page's script reads: runs in time order with the values of every metric row,
    /// the precomputed tests, and the diff pages that exist.
    var siteData: EmbeddedJSON {
        let list = metrics.metrics
        let groupOf = Dictionary(metrics.groups.flatMap { group in group.metrics.map { ($0.key, group.title) } },
                                 uniquingKeysWith: { first, _ in first })
        let runsJSON = runs.map { run -> EmbeddedJSON in
            .object([
                ("id", .string(run.id)),
                ("dir", .string("\(folderName)/\(run.id)")),
                ("name", .string(run.name)),
                ("created", .string(run.created)),
                ("href", .string(SitePaths.runPage(run.id))),
                ("values", .array(list.map { .number(run.document.number($0.key)) })),
                ("intervals", .array(list.map { metric in
                    guard let path = metric.interval, let interval = run.document.interval(path) else { return .null }
                    return .array([.number(interval.lowerBound), .number(interval.upperBound)])
                })),
            ])
        }
        // Each test is [kind, method, verdict, reason, delta, z, p, fixed, broken, compared, metrics,
        // rule], its sentences as indexes into `texts` (a hundred runs repeat the same few
        // sentences); `metrics` lists only the tested rows, each [metric index, Holm-adjusted p,
        // test name] (most rows have no test, and a site embeds up to 1,225 pairs), and `rule` is
        // the sentence saying how cells are coloured (`MetricSignificance`).
        var texts: [String] = []
        var textIndex: [String: Int] = [:]
        func text(_ value: String?) -> EmbeddedJSON {
            guard let value else { return .null }
            if let index = textIndex[value] { return .number(Double(index)) }
            textIndex[value] = texts.count
            texts.append(value)
            return .number(Double(texts.count - 1))
        }
        let tests = comparisons.tests.keys.sorted(by: Self.pairKeyOrder).compactMap { key -> (String, EmbeddedJSON)? in
            guard let test = comparisons.tests[key] else { return nil }
            var reason: String?
            if case let .unpaired(_, _, _, why) = test.significance { reason = why }
            return (key, .array([
                .string(test.significance.kind),
                text(test.significance.method),
                text(test.significance.verdict),
                text(reason),
                .number(test.significance.deltaAUC),
                .number(test.significance.z),
                .number(test.significance.p),
                .number(test.fixed.map(Double.init)),
                .number(test.broken.map(Double.init)),
                .number(test.compared.map(Double.init)),
                .array(list.enumerated().compactMap { index, metric in
                    guard let tested = test.metricTests.tests[metric.key] else { return nil }
                    return .array([.number(Double(index)), .number(tested.adjustedP), text(tested.method)])
                }),
                text(test.metricTests.rule),
            ]))
        }
        let pages = diffPages.map { name -> (String, EmbeddedJSON) in
            (String(name.dropLast(5)), .string("\(RunCatalog.diffsFolder)/\(SitePaths.encode(name))"))
        }
        return .object([
            ("metrics", .array(list.map { metric in
                .object([("key", .string(metric.key)), ("label", .string(metric.label)),
                         ("group", .string(groupOf[metric.key])), ("digits", .number(Double(metric.digits))),
                         ("direction", .string(metric.direction.rawValue)), ("p", .bool(metric.isPValue))])
            })),
            ("runs", .array(runsJSON)),
            ("tests", .object(tests)),
            ("texts", .array(texts.map { .string($0) })),
            ("testsNote", .string("No significance test is in the page for this pair; `tunelens diff` computes it.")),
            ("diffPages", .object(pages)),
        ])
    }

    private static func pairKeyOrder(_ x: String, _ y: String) -> Bool {
        let a = x.split(separator: ",").compactMap { Int($0) }, b = y.split(separator: ",").compactMap { Int($0) }
        return a.lexicographicallyPrecedes(b)
    }
}
