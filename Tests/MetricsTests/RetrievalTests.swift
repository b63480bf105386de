import Core
import Testing
@testable import Metrics

@Suite("Retrieval metrics against sentence-transformers' InformationRetrievalEvaluator")
struct RetrievalTests {
    @Test("accuracy/precision/recall@k, MRR@10, nDCG@10 and MAP@100 match", arguments: Fixtures.retrievalFile.cases)
    func matches(_ c: Fixtures.RetrievalCase) throws {
        let result = try Retrieval(queries: float32Rows(c.queries), corpus: float32Rows(c.corpus),
                                   relevant: c.relevant.map(Set.init), kValues: c.k)
        #expect(result.queriesEvaluated == c.expected.queries_evaluated)
        for (slot, k) in c.k.enumerated() {
            let at = try #require(result.at(k))
            #expect(close(at.accuracy, c.expected.accuracy[slot]), "\(c.name): accuracy@\(k) \(at.accuracy) vs \(c.expected.accuracy[slot])")
            #expect(close(at.precision, c.expected.precision[slot]), "\(c.name): precision@\(k)")
            #expect(close(at.recall, c.expected.recall[slot]), "\(c.name): recall@\(k)")
        }
        #expect(close(result.mrrAt10, c.expected.mrr10), "\(c.name): MRR@10 \(result.mrrAt10) vs \(c.expected.mrr10)")
        #expect(close(result.ndcgAt10, c.expected.ndcg10), "\(c.name): nDCG@10")
        #expect(close(result.mapAt100, c.expected.map100), "\(c.name): MAP@100")
    }

    @Test("Exactly tied documents rank by lower corpus index, whatever the block size")
    func tieOrder() {
        let corpus: [[Float]] = [[0, 1], [1, 0], [1, 0], [0.6, 0.8], [1, 0]]
        let hits = CosineTopK.search(queries: [[1, 0]], corpus: corpus, dimension: 2, k: 4)
        #expect(hits[0].map(\.index) == [1, 2, 4, 3])
    }

    @Test("Blocked search equals brute force across block boundaries")
    func blocked() {
        var generator = SplitMix64(seed: 4)
        let corpus = (0..<(CosineTopK.corpusBlock + 37)).map { _ in (0..<8).map { _ in Float(generator.unit() - 0.5) } }
        let queries = (0..<3).map { _ in (0..<8).map { _ in Float(generator.unit() - 0.5) } }
        let hits = CosineTopK.search(queries: queries, corpus: corpus, dimension: 8, k: 10)
        let unitCorpus = CosineTopK.normalized(corpus, dimension: 8), unitQueries = CosineTopK.normalized(queries, dimension: 8)
        for q in 0..<3 {
            let scores = (0..<corpus.count).map { d in
                (0..<8).reduce(Float(0)) { $0 + unitQueries[q * 8 + $1] * unitCorpus[d * 8 + $1] }
            }
            let expected = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }.prefix(10)
            #expect(hits[q].map(\.index) == Array(expected))
        }
    }

    @Test("Bad input is refused: out-of-range document, k of 0, dimension mismatch, no relevant documents")
    func badInput() {
        #expect(throws: MetricsError.self) { try Retrieval(queries: [[1, 0]], corpus: [[1, 0]], relevant: [[3]]) }
        #expect(throws: MetricsError.self) { try Retrieval(queries: [[1, 0]], corpus: [[1, 0]], relevant: [[0]], kValues: [0]) }
        #expect(throws: MetricsError.self) { try Retrieval(queries: [[1, 0]], corpus: [[1, 0, 0]], relevant: [[0]]) }
        #expect(throws: MetricsError.self) { try Retrieval(queries: [[1, 0]], corpus: [[1, 0]], relevant: [[]]) }
        #expect(throws: MetricsError.self) { try Retrieval(queries: [[.nan, 0]], corpus: [[1, 0]], relevant: [[0]]) }
    }
}
