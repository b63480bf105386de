import Foundation
import Testing
@testable import Evaluation
@testable import Reports

/// A retrieval-only run end to end on a BEIR folder with a known answer and precomputed embeddings
/// (scripts/fixtures/make_retrieval_fixtures.py): the numbers in metrics.json are trec_eval's
/// (pytrec_eval), BM25's are the reference implementation's, the paired t-test is scipy's ttest_rel.
@Suite("Retrieval as a report's own task")
struct RetrievalRunTests {
    static var folder: URL {
        Bundle.module.url(forResource: "retrieval", withExtension: nil, subdirectory: "Resources")!
    }

    static var expected: [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as! [String: Any]
    }

    static func run() throws -> RunResult {
        var config = RunConfig()
        config.name = "retrieval"
        config.title = "Search fixture"
        config.baseline = folder.appendingPathComponent("baseline.jsonl").path
        config.finetuned = folder.appendingPathComponent("finetuned.jsonl").path
        config.retrieval = folder.appendingPathComponent("beir").path
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens", "report"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = 200
        return try evaluation.run()
    }

    static func value(_ object: Any?, _ path: String) -> Any? {
        var current = object
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return current
    }

    @Test("metrics.json: task retrieval; every measure of BM25 and both models equals trec_eval's to 1e-9")
    func measures() throws {
        let result = try Self.run()
        #expect(result.task == .retrieval && result.pairs == nil)
        let json = try JSONSerialization.jsonObject(with: Data(MetricsDocument.json(for: result).serialized().utf8))
        #expect(Self.value(json, "task") as? String == "retrieval")
        #expect(Self.value(json, "data") == nil, "keys of a task the run has no data for are absent")
        let expected = Self.expected
        #expect(Self.value(json, "retrieval.queries") as? Int == expected["queries"] as? Int)
        #expect(Self.value(json, "retrieval.documents") as? Int == expected["documents"] as? Int)
        #expect(Self.value(json, "retrieval.unjudged_queries") as? Int == 1)
        #expect(Self.value(json, "retrieval.skipped_queries") as? Int == 1)
        let keys = ["ndcg_at_10", "recall_at_1", "recall_at_3", "recall_at_5", "recall_at_10", "recall_at_100", "map_at_100", "mrr_at_10"]
        for (ranking, path) in [("bm25", "retrieval.bm25"), ("baseline", "models.baseline.retrieval"), ("finetuned", "models.finetuned.retrieval")] {
            for key in keys {
                let reference = try #require(Self.value(expected, "\(ranking).\(key)") as? Double)
                let actual = try #require(Self.value(json, "\(path).\(key)") as? Double, "\(path).\(key) missing")
                #expect(abs(actual - reference) <= 1e-9, "\(ranking) \(key): \(actual) vs trec_eval \(reference)")
            }
            let interval = try #require(Self.value(json, "\(path).ndcg_at_10_ci95") as? [Double])
            let mean = try #require(Self.value(json, "\(path).ndcg_at_10") as? Double)
            #expect(interval.count == 2 && interval[0] <= mean && mean <= interval[1])
        }
    }

    @Test("the paired t-tests over queries equal scipy's ttest_rel; the randomization test agrees on the verdict")
    func pairedTests() throws {
        let result = try Self.run()
        let r = try #require(result.retrieval)
        let expected = Self.expected
        for (test, key) in [(r.ndcgChange, "ttest_ndcg_at_10"), (r.recallChange, "ttest_recall_at_10")] {
            let p = try #require(Self.value(expected, "\(key).p") as? Double)
            let t = try #require(Self.value(expected, "\(key).t") as? Double)
            #expect(abs((test.tTestP ?? .nan) - p) <= 1e-9 * max(1, p), "\(key) p \(test.tTestP ?? .nan) vs scipy \(p)")
            #expect(abs((test.t ?? .nan) - t) <= 1e-9 * max(1, abs(t)))
            #expect(((test.randomizationP ?? 1) < 0.05) == (p < 0.05))
        }
        let bm25p = try #require(Self.value(expected, "ttest_baseline_vs_bm25.p") as? Double)
        #expect(abs((r.baselineVsBM25.tTestP ?? .nan) - bm25p) <= 1e-9)
        #expect(r.diagnosis == .tiesBM25, "the baseline is level with BM25 on this data (p \(bm25p))")
        #expect(r.ndcgChange.improved + r.ndcgChange.unchanged + r.ndcgChange.worsened == r.queries.count)
    }

    @Test("the page tells the search story: BM25 table, recall curve, per-query scatter, failure queries, coloured only when significant")
    func page() throws {
        let result = try Self.run()
        let report = try ReportRenderer().render(result)
        #expect(report.headline.contains("no better than word matching"), "\(report.headline)")
        for text in ["BM25", "Recall@k", "nDCG@10 per query", "Queries the baseline answered worst", "Holm",
                     "Did search really improve?", "first relevant document at rank"] where !report.html.contains(text) {
            Issue.record("the page lacks \(text)")
        }
        #expect(report.html.contains("class=\"better\""), "a significant gain is coloured")
        #expect(!report.html.contains("AUC"), "a retrieval page is not the pair page")
        #expect(report.pairsJSONL == nil)
        let lines = try #require(report.queriesJSONL).split(separator: "\n")
        #expect(lines.count == result.retrieval?.queries.count)
        #expect(report.files.map(\.name) == ["index.html", "metrics.json", "report.md", "queries.jsonl"])
    }

    @Test("words a query shares with a document are matched by Snowball stem and marked in both")
    func sharedByStem() {
        let shared = RetrievalStory.sharedKeys("why quit smoking", "She smokes and cannot quit")
        #expect(shared == ["smoke", "quit"])
        let segments = ReportView.ExampleView.segments("She smokes a lot", shared: shared, key: RetrievalStory.wordKey)
        #expect(segments.filter(\.shared).map(\.text) == ["smokes"])
    }
}
