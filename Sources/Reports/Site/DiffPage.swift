import Charts
import Foundation

/// The values of a diff page (`reports/diffs/A__B.html`). The page's text lives in
/// `templates/site/diff.html.mustache`.
struct DiffPage {
    var comparison: RunComparison
    /// Folder of the page, for relative links to the runs and the index.
    var pageFolder: URL

    /// At most this many changed pairs are listed (all are counted).
    static let changedPairLimit = 300

    var a: RunSummary { comparison.a }
    var b: RunSummary { comparison.b }

    func context() -> [String: Any] {
        let significance = comparison.significance
        var context: [String: Any] = [
            "nameA": a.name, "nameB": b.name,
            "createdA": a.created, "createdB": b.created,
            "hrefA": SitePaths.relativeLink(from: pageFolder, to: a.directory.appendingPathComponent("index.html")),
            "hrefB": SitePaths.relativeLink(from: pageFolder, to: b.directory.appendingPathComponent("index.html")),
            "hrefIndex": SitePaths.relativeLink(from: pageFolder, to: a.directory.deletingLastPathComponent().appendingPathComponent("index.html")),
            "aucA": SiteNumberFormat.withInterval(a.finetuned.auc, a.finetuned.aucInterval, 3),
            "aucB": SiteNumberFormat.withInterval(b.finetuned.auc, b.finetuned.aucInterval, 3),
            "deltaAUC": SiteNumberFormat.signed(significance.deltaAUC ?? difference(a.finetuned.auc, b.finetuned.auc), 3),
            "kind": significance.kind,
            "isPaired": significance.kind == "paired",
            "isUnpaired": significance.kind == "unpaired",
            "hasTest": significance.p != nil,
            "method": significance.method,
            "z": SiteNumberFormat.fixed(significance.z, 2),
            "p": significance.p.map(SiteNumberFormat.pValue) ?? "n/a",
            "verdict": significance.verdict,
            "sections": comparison.sections.map(section),
            "setup": comparison.setup.map(setting),
            "hasHyperparameters": !comparison.hyperparameters.isEmpty,
            "hyperparameters": comparison.hyperparameters.map(setting),
            "changedHyperparameters": comparison.hyperparameters.filter(\.changed).map(\.label).joined(separator: ", "),
            "rocSVG": rocChart.svg,
            "rocSummary": rocChart.summary,
        ]
        if case let .unpaired(_, _, _, reason) = significance { context["unpairedReason"] = reason }
        if let search = comparison.search { context["search"] = search.context() }
        context["colourRule"] = comparison.metricTests.rule
        context["hasAUC"] = a.finetuned.auc != nil || b.finetuned.auc != nil
        if let distributions = distributionChart {
            context["distributionSVG"] = distributions.svg
            context["distributionSummary"] = distributions.summary
        }
        if let verdicts = comparison.verdicts {
            let listed = verdicts.changes.prefix(Self.changedPairLimit)
            context["verdicts"] = [
                "compared": verdicts.compared,
                "changed": verdicts.changes.count,
                "fixed": verdicts.fixed,
                "broken": verdicts.broken,
                "thresholdA": SiteNumberFormat.fixed(a.threshold, 2),
                "thresholdB": SiteNumberFormat.fixed(b.threshold, 2),
                "hasChanges": !verdicts.changes.isEmpty,
                "truncated": verdicts.changes.count > listed.count,
                "listed": listed.count,
                "pairs": listed.map { change in
                    [
                        "index": change.index,
                        "textA": change.textA,
                        "textB": change.textB,
                        "label": change.label == 1 ? "similar" : "different",
                        "scoreA": SiteNumberFormat.fixed(change.scoreA, 3),
                        "scoreB": SiteNumberFormat.fixed(change.scoreB, 3),
                        "tag": change.fixed ? "fixed" : "broken",
                        "tagText": change.fixed ? "fixed in B" : "broken in B",
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
        return context
    }

    private func difference(_ x: Double?, _ y: Double?) -> Double? {
        guard let x, let y else { return nil }
        return y - x
    }

    private func section(_ section: RunComparison.Section) -> [String: Any] {
        [
            "title": section.title,
            "identical": section.isIdentical,
            "rows": section.rows.map { row -> [String: Any] in
                let digits = row.metric.digits
                let test = comparison.metricTests.tests[row.metric.key]
                return [
                    "key": row.metric.key,
                    "label": row.metric.label,
                    "a": row.metric.isPValue ? row.valueA.map(SiteNumberFormat.pValue) ?? "n/a"
                        : SiteNumberFormat.withInterval(row.valueA, row.intervalA, digits),
                    "b": row.metric.isPValue ? row.valueB.map(SiteNumberFormat.pValue) ?? "n/a"
                        : SiteNumberFormat.withInterval(row.valueB, row.intervalB, digits),
                    "delta": row.metric.isPValue ? "" : SiteNumberFormat.signed(row.delta, digits),
                    "change": comparison.metricTests.change(key: row.metric.key, delta: row.delta,
                                                            direction: row.metric.direction, digits: digits),
                    "test": test.map { "\($0.method): \(SiteNumberFormat.pEquals($0.adjustedP))" } ?? "no test",
                ]
            },
        ]
    }

    private func setting(_ row: RunComparison.SettingRow) -> [String: Any] {
        ["label": row.label, "a": row.valueA, "b": row.valueB, "changed": row.changed]
    }

    /// Both runs' fine-tuned ROC curves, and the baseline's (one curve when both runs share it).
    var rocChart: ROCChart {
        var curves: [ROCCurve] = []
        func add(_ name: String, _ model: RunSummary.Model, _ style: SeriesStyle) {
            guard let roc = model.roc else { return }
            curves.append(ROCCurve(name: name, points: roc.map { ChartPoint(x: $0.x, y: $0.y) }, auc: model.auc, style: style))
        }
        add("A fine-tuned", a.finetuned, SeriesStyle(colorIndex: 0, dashIndex: 0))
        add("B fine-tuned", b.finetuned, SeriesStyle(colorIndex: 1, dashIndex: 1))
        let sharedBaseline = a.dataDigest != nil && a.dataDigest == b.dataDigest
            && a.baseline.name == b.baseline.name && a.baseline.auc == b.baseline.auc
        if sharedBaseline {
            add("Baseline, both runs", a.baseline, SeriesStyle(colorIndex: 2, dashIndex: 2))
        } else {
            add("A baseline", a.baseline, SeriesStyle(colorIndex: 2, dashIndex: 2))
            add("B baseline", b.baseline, SeriesStyle(colorIndex: 3, dashIndex: 3))
        }
        return ROCChart(title: "ROC curves of both runs", curves: curves)
    }

    /// The two fine-tuned models' similarity distributions overlaid (colour: class; dash: run),
    /// with each run's threshold, one line when both runs use the same. From the per-pair scores on
    /// shared bins when both runs have them, else from the histograms in metrics.json.
    var distributionChart: DistributionChart? {
        var histograms: [(name: String, positive: Histogram, negative: Histogram)] = []
        if let pairsA = comparison.pairsA, let pairsB = comparison.pairsB {
            guard pairsA.labelled, pairsB.labelled else { return nil }
            let all = pairsA.finetuned + pairsB.finetuned
            guard let low = all.min(), let high = all.max() else { return nil }
            let range = Swift.min(low, 0)...Swift.max(high, 1)
            for (label, pairs) in [("A", pairsA), ("B", pairsB)] {
                let positive = pairs.pairs.filter { $0.label == 1 }.map(\.finetuned)
                let negative = pairs.pairs.filter { $0.label == 0 }.map(\.finetuned)
                histograms.append((label, Histogram(values: positive, bins: 24, range: range),
                                   Histogram(values: negative, bins: 24, range: range)))
            }
        } else {
            for (label, run) in [("A", a), ("B", b)] {
                guard let histogram = run.finetuned.histogram else { return nil }
                histograms.append((label, Histogram(edges: histogram.edges, counts: histogram.positive),
                                   Histogram(edges: histogram.edges, counts: histogram.negative)))
            }
        }
        var series: [DistributionSeries] = []
        for (index, histogram) in histograms.enumerated() {
            series.append(DistributionSeries(name: "\(histogram.name): positive", histogram: histogram.positive,
                                             style: SeriesStyle(colorIndex: 0, dashIndex: index)))
            series.append(DistributionSeries(name: "\(histogram.name): negative", histogram: histogram.negative,
                                             style: SeriesStyle(colorIndex: 1, dashIndex: index)))
        }
        var markers: [ThresholdMarker] = []
        if let thresholdA = a.threshold, thresholdA == b.threshold {
            markers.append(ThresholdMarker(label: "threshold, both runs", value: thresholdA, style: SeriesStyle(colorIndex: 2, dashIndex: 0)))
        } else {
            for (index, (label, threshold)) in [("A", a.threshold), ("B", b.threshold)].enumerated() {
                guard let threshold else { continue }
                markers.append(ThresholdMarker(label: "\(label) threshold", value: threshold,
                                               style: SeriesStyle(colorIndex: 2 + index, dashIndex: index)))
            }
        }
        return DistributionChart(title: "Fine-tuned similarity distributions, both runs",
                                 panels: [DistributionPanel(title: "", series: series, markers: markers)])
    }
}
