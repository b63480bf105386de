import Foundation
import Testing
@testable import Metrics

@Suite("BM25 against a plain-Python scorer written from REFERENCE.md")
struct BM25Tests {
    static let small = StatsFixtures.bm25.small
    static let large = StatsFixtures.bm25.large

    @Test("Terms: accents (composed and decomposed), digits, CJK runs, full case mapping, marks")
    func terms() {
        for (document, expected) in zip(Self.small.documents, Self.small.expected.terms) {
            #expect(BM25.terms(document) == expected, "\(document)")
        }
        #expect(BM25.terms("Cafe\u{301}") == BM25.terms("CAFÉ"))
        #expect(BM25.terms("東京大学は日本") == ["東京大学は日本"])
        #expect(BM25.terms("ẞ İ") == ["ß", "i\u{307}"])
        #expect(BM25.terms("") == [] && BM25.terms(" ,.; ") == [])
    }

    @Test("Every score of the small corpus within 1e-9, and its rankings exactly")
    func smallCorpus() throws {
        let index = try BM25(documents: Self.small.documents)
        for (q, query) in Self.small.queries.enumerated() {
            for (d, (a, e)) in zip(index.scores(query), Self.small.expected.scores[q]).enumerated() {
                #expect(close(a, e), "\(query) / document \(d): \(a) vs \(e)")
            }
            #expect(index.search(query, k: Self.small.k).map(\.index) == Self.small.expected.rankings[q], "\(query)")
        }
    }

    @Test("The inverted index equals brute force on 300 Zipf documents: top 10 with scores, and full rankings")
    func largeCorpus() throws {
        let index = try BM25(documents: Self.large.documents)
        let top10 = index.search(queries: Self.large.queries, k: 10)
        let all = index.search(queries: Self.large.queries, k: 1000)
        for q in Self.large.queries.indices {
            #expect(top10[q].map(\.index) == Self.large.expected.top10[q], "\(Self.large.queries[q])")
            for (hit, e) in zip(top10[q], Self.large.expected.top10_scores[q]) { #expect(close(hit.score, e)) }
            #expect(all[q].map(\.index) == Self.large.expected.all[q], "\(Self.large.queries[q])")
            #expect(index.search(Self.large.queries[q], k: 10) == top10[q])
        }
    }

    @Test("Equal scores rank in corpus order; documents without a query term are not returned")
    func tiesAndMisses() throws {
        let index = try BM25(documents: ["b a", "z", "a b", "a b", "y"])
        let hits = index.search("a", k: 10)
        #expect(hits.map(\.index) == [0, 2, 3])
        #expect(hits[0].score == hits[2].score)
        #expect(index.search("a", k: 2).map(\.index) == [0, 2])
        #expect(index.search("a", k: 0).isEmpty)
        #expect(index.search("unknown", k: 5).isEmpty)
        #expect(index.search("a a a", k: 1) == index.search("a", k: 1))
    }

    @Test("Index statistics and refused parameters")
    func statistics() throws {
        let index = try BM25(documents: ["one two two", "", "three"])
        #expect(index.documentCount == 3 && index.vocabularySize == 3)
        #expect(index.averageLength == 4.0 / 3)
        // idf(two) = ln(1 + (3 - 1 + 0.5) / 1.5); tf = 2, |d| = 3.
        let norm = 0.9 * (1 - 0.4 + 0.4 * 3 / (4.0 / 3))
        let expected = Foundation.log(1 + 2.5 / 1.5) * 2 * 1.9 / (2 + norm)
        #expect(close(index.search("two", k: 1)[0].score, expected, 1e-15))
        #expect(throws: MetricsError.self) { try BM25(documents: []) }
        #expect(throws: MetricsError.self) { try BM25(documents: ["a"], k1: -1) }
        #expect(throws: MetricsError.self) { try BM25(documents: ["a"], b: 1.5) }
    }
}
