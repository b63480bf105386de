import Charts
import Foundation
import Metrics

/// Two search runs compared query by query: when both ranked the same queries (same ids, same order in
/// their `queries.jsonl`), the fine-tuned models' nDCG@10 and recall@10 get a paired t-test, a sign-flip
/// randomization test and a paired bootstrap interval over queries (B - A); the t-test's p is
/// corrected with Holm's method together with every other test of the diff's metric table
/// (`MetricSignificance`, which fills `adjustedP`); the recall@k curves of both runs are overlaid.
struct SearchComparison {
    struct Test {
        var metric: String
        /// The measure's name under `models.<m>.retrieval` in metrics.json.
        var key: String
        var test: PairedTest
        var adjustedP: Double?

        /// Coloured only when the Holm-adjusted p is below 0.05.
        var better: Bool { (adjustedP ?? 1) < 0.05 && test.meanDifference > 0 }
        var worse: Bool { (adjustedP ?? 1) < 0.05 && test.meanDifference < 0 }
    }

    var queries: Int
    var tests: [Test]
    var recallChart: LineChart?

    /// Nil when either run has no search data; `tests` empty when they did not rank the same queries.
    static func between(_ a: RunSummary, _ b: RunSummary) -> SearchComparison? {
        guard a.finetuned.ndcg != nil, b.finetuned.ndcg != nil else { return nil }
        var comparison = SearchComparison(queries: 0, tests: [], recallChart: recallChart(a, b))
        guard let rowsA = try? queryRows(a.directory), let rowsB = try? queryRows(b.directory),
              !rowsA.isEmpty, rowsA.map(\.id) == rowsB.map(\.id) else { return comparison }
        comparison.queries = rowsA.count
        let measures = [("nDCG@10", "ndcg_at_10", \QueryRow.ndcg), ("Recall@10", "recall_at_10", \QueryRow.recall)]
        comparison.tests = measures.compactMap { name, key, path -> Test? in
            guard let test = try? PairedTest(baseline: rowsA.map { $0[keyPath: path] }, finetuned: rowsB.map { $0[keyPath: path] })
            else { return nil }
            return Test(metric: name, key: key, test: test, adjustedP: nil)
        }
        return comparison
    }

    /// The tests with their p-values adjusted across the whole metric table.
    func adjusted(by significance: MetricSignificance) -> SearchComparison {
        var copy = self
        for index in copy.tests.indices {
            copy.tests[index].adjustedP = significance.tests["models.finetuned.retrieval.\(copy.tests[index].key)"]?.adjustedP
        }
        return copy
    }

    struct QueryRow {
        var id: String
        var ndcg: Double
        var recall: Double
    }

    /// The fine-tuned model's per-query scores from `queries.jsonl`.
    static func queryRows(_ directory: URL) throws -> [QueryRow] {
        let text = try String(contentsOf: directory.appendingPathComponent("queries.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let finetuned = object?["finetuned"] as? [String: Any]
            guard let id = object?["id"] as? String, let ndcg = finetuned?["ndcg_at_10"] as? Double,
                  let recall = finetuned?["recall_at_10"] as? Double else {
                throw SiteError.io(path: directory.appendingPathComponent("queries.jsonl").path, reason: "a line lacks id or scores")
            }
            return QueryRow(id: id, ndcg: ndcg, recall: recall)
        }
    }

    /// The fine-tuned recall@k curves of both runs, and BM25's when both ran on the same corpus.
    static func recallChart(_ a: RunSummary, _ b: RunSummary) -> LineChart? {
        func curve(_ run: RunSummary, _ key: String) -> [ChartPoint]? {
            run.document.numbers(key).map { $0.enumerated().map { ChartPoint(Double($0 + 1), $1) } }
        }
        guard let curveA = curve(a, "models.finetuned.retrieval.recall_curve"),
              let curveB = curve(b, "models.finetuned.retrieval.recall_curve") else { return nil }
        var series = [LineSeries(name: "A: \(a.name)", points: curveA, style: .series(0)),
                      LineSeries(name: "B: \(b.name)", points: curveB, style: .series(1))]
        if let bm25 = curve(a, "retrieval.bm25.recall_curve") { series.append(LineSeries(name: "BM25", points: bm25, style: .series(2))) }
        return LineChart(title: "Recall@k of the two fine-tuned models", series: series, xTitle: "k", yTitle: "Recall@k")
    }

    /// What the diff page's template sees.
    func context() -> [String: Any] {
        var context: [String: Any] = ["queries": queries, "paired": !tests.isEmpty]
        context["tests"] = tests.map { test in
            [
                "metric": test.metric,
                "delta": SiteNumberFormat.signed(test.test.meanDifference, 3),
                "interval": test.test.meanDifferenceCI95.map {
                    "\(SiteNumberFormat.signed($0.lower, 3)) to \(SiteNumberFormat.signed($0.upper, 3))"
                } ?? "n/a",
                "pT": test.test.tTestP.map(SiteNumberFormat.pValue) ?? "n/a",
                "pRandomization": test.test.randomizationP.map(SiteNumberFormat.pValue) ?? "n/a",
                "pAdjusted": test.adjustedP.map(SiteNumberFormat.pValue) ?? "n/a",
                "cssClass": test.better ? "better" : test.worse ? "worse" : "",
            ] as [String: Any]
        }
        if let chart = recallChart {
            context["recallSVG"] = chart.svg
            context["recallSummary"] = chart.summary
        }
        return context
    }
}
