import Foundation
import Testing
@testable import Metrics

@Suite("Ranking measures against trec_eval (pytrec_eval) and sentence-transformers")
struct RankingMeasuresTests {
    static let fixture = StatsFixtures.ranking

    @Test("Per-query nDCG@10, recall@1/3/5/10/100, MRR@10 and MAP@100 equal pytrec_eval, with graded relevance")
    func perQuery() throws {
        let f = Self.fixture
        let result = try RankingMeasures(rankings: f.rankings, qrels: f.qrelDictionaries,
                                         bootstrapSamples: f.bootstrap_samples, seed: f.seed)
        #expect(result.evaluatedQueries == f.expected.evaluated)
        #expect(result.skippedQueries == f.expected.skipped)
        var worst = 0.0
        for measure in result.measures where measure.key != "map_at_100_min_denominator" {
            let expected = try #require(f.expected.per_query[measure.key], "no reference for \(measure.key)")
            #expect(measure.perQuery.count == expected.count)
            for (q, (a, e)) in zip(measure.perQuery, expected).enumerated() {
                worst = max(worst, abs(a - e))
                #expect(close(a, e), "\(measure.key), query \(f.expected.evaluated[q]): \(a) vs trec_eval \(e)")
            }
            #expect(close(measure.mean, f.expected.mean[measure.key]), "\(measure.key) mean")
            #expect(closeInterval(measure.ci95, f.expected.ci[measure.key]), "\(measure.key) interval")
        }
        for (k, (a, e)) in zip(result.recallCurve, f.expected.recall_curve).enumerated() {
            #expect(close(a, e), "recall@\(k + 1): \(a) vs \(e)")
        }
        #expect(close(result.mapAt100MinDenominator.mean, f.expected.map_at_100_min_denominator_mean),
                "sentence-transformers' MAP@100: \(result.mapAt100MinDenominator.mean)")
    }

    @Test("MAP@100 divides by |R| as trec_eval; by min(100, |R|) only in the sentence-transformers variant")
    func mapDenominators() throws {
        // 150 relevant documents, the first 100 ranked all relevant: precision 1 at every rank.
        let qrels = [Dictionary(uniqueKeysWithValues: (0..<150).map { ($0, 1) })]
        let result = try RankingMeasures(rankings: [Array(0..<100)], qrels: qrels, bootstrapSamples: 0)
        #expect(close(result.mapAt100.mean, 100.0 / 150.0, 1e-15))
        #expect(close(result.mapAt100MinDenominator.mean, 1, 1e-15))
        #expect(result.mapAt100.ci95 == nil)
        #expect(close(result.recall(at: 100)?.mean, 100.0 / 150.0, 1e-15))
    }

    @Test("Graded gains worked by hand: DCG = 3 / log2(3) + 1 / log2(4), ideal 3 + 2 / log2(3) + 1 / 2")
    func gradedByHand() throws {
        let result = try RankingMeasures(rankings: [[5, 2, 9]], qrels: [[2: 3, 9: 1, 7: 2, 4: 0]], bootstrapSamples: 0)
        let ndcg = (3 / log2(3.0) + 1 / 2) / (3 + 2 / log2(3.0) + 1 / 2)
        #expect(close(result.ndcgAt10.mean, ndcg, 1e-15))
        #expect(close(result.mrrAt10.mean, 0.5, 1e-15))
        #expect(close(result.recall(at: 1)?.mean, 0, 1e-15) && close(result.recall(at: 3)?.mean, 2.0 / 3, 1e-15))
        #expect(close(result.mapAt100.mean, (1.0 / 2 + 2.0 / 3) / 3, 1e-15))
        // A ranking of three keeps its last recall for every deeper cut-off.
        #expect(result.recallCurve.count == 100 && result.recallCurve[99] == result.recallCurve[2])
    }

    @Test("A query with no relevant document is skipped and counted; only such queries is an error")
    func skipped() throws {
        let result = try RankingMeasures(rankings: [[1, 2], [3, 4], [5]], qrels: [[1: 1], [3: 0, 4: -1], [:]],
                                         bootstrapSamples: 10)
        #expect(result.evaluatedQueries == [0] && result.skippedQueries == 2)
        #expect(result.ndcgAt10.perQuery == [1])
        #expect(throws: MetricsError.self) { try RankingMeasures(rankings: [[1]], qrels: [[1: 0]]) }
    }

    @Test("Only the first 100 ranks count; a repeated or negative document or mismatched counts are refused")
    func inputChecks() throws {
        let deep = try RankingMeasures(rankings: [Array(0..<150)], qrels: [[120: 1]], bootstrapSamples: 0)
        #expect(deep.recall(at: 100)?.mean == 0 && deep.mapAt100.mean == 0)
        #expect(throws: MetricsError.self) { try RankingMeasures(rankings: [[1, 1]], qrels: [[1: 1]]) }
        #expect(throws: MetricsError.self) { try RankingMeasures(rankings: [[-1]], qrels: [[1: 1]]) }
        #expect(throws: MetricsError.self) { try RankingMeasures(rankings: [[1]], qrels: [[1: 1], [2: 1]]) }
    }
}
