import Foundation
import Testing
@testable import Evaluation
@testable import Reports

/// Search runs in the static site: the index lists them beside pair runs with their nDCG@10 and
/// verdict against BM25, and a diff of two search runs on the same queries runs the paired tests
/// over queries (scipy's ttest_rel on the fixture's per-query nDCG@10).
@Suite("Search runs in the site")
struct SearchSiteTests {
    /// Writes a search run whose fine-tuned model is `finetuned` (a fixture embeddings file).
    static func publish(_ name: String, finetuned: String, into reports: URL) throws {
        var config = RunConfig()
        config.name = name
        config.baseline = RetrievalRunTests.folder.appendingPathComponent("baseline.jsonl").path
        config.finetuned = RetrievalRunTests.folder.appendingPathComponent(finetuned).path
        config.retrieval = RetrievalRunTests.folder.appendingPathComponent("beir").path
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = 100
        _ = try ReportPublisher.publish(try evaluation.run(), run: try RunName(name), into: reports)
    }

    @Test("a mixed folder lists pair and search runs; a diff of two search runs is paired over queries")
    func mixedFolder() throws {
        let reports = GoldenRun.temporaryFolder("search-site")
        defer { try? FileManager.default.removeItem(at: reports) }
        try Self.publish("search-tuned", finetuned: "finetuned.jsonl", into: reports)
        try Self.publish("search-untouched", finetuned: "baseline.jsonl", into: reports)
        let pairs = try GoldenRun.evaluate(GoldenRun.config(name: "pairs-run"))
        _ = try ReportPublisher.publish(pairs, run: try RunName("pairs-run"), into: reports)

        let index = try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("nDCG@10 [95% CI]"))
        #expect(index.contains("ties BM25"))
        #expect(!index.contains("unreadable"))

        let outcome = try SiteDiff.write(runA: reports.appendingPathComponent("search-tuned"),
                                         runB: reports.appendingPathComponent("search-untouched"))
        let summaryA = try RunSummary.load(directory: reports.appendingPathComponent("search-tuned"))
        let summaryB = try RunSummary.load(directory: reports.appendingPathComponent("search-untouched"))
        let search = try #require(RunComparison.make(summaryA, summaryB).search)
        let ndcg = try #require(search.tests.first)
        let scipy = try #require(RetrievalRunTests.value(RetrievalRunTests.expected, "ttest_ndcg_at_10.p") as? Double)
        #expect(search.queries == 28)
        #expect(abs((ndcg.test.tTestP ?? .nan) - scipy) <= 1e-9, "\(ndcg.test.tTestP ?? .nan) vs scipy \(scipy)")
        #expect(ndcg.worse, "B is the untouched model: significantly worse after Holm")
        let page = try String(contentsOf: outcome.file, encoding: .utf8)
        #expect(page.contains("Search, query by query") && page.contains("Recall@k of the two fine-tuned models"))
        #expect(outcome.summary.contains("paired over 28 queries"))
    }
}
