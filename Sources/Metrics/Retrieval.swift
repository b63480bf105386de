import Foundation

/// Retrieval quality of query embeddings against a corpus, as sentence-transformers'
/// `InformationRetrievalEvaluator.compute_metrics` (cosine scores, v6.2): per query, then averaged.
///
/// With the top hits ranked by (cosine descending, corpus index ascending) and R the relevant set:
/// accuracy@k = any hit in the top k; precision@k = hits / k; recall@k = hits / |R|;
/// MRR@10 = 1 / rank of the first hit; nDCG@10 = DCG / ideal DCG with binary gains and
/// discount log2(rank + 1); MAP@100 = sum of precision at each hit / min(100, |R|).
/// Queries with no relevant document are skipped, as the evaluator does.
public struct Retrieval: Codable, Equatable, Sendable {
    /// The cut-off metrics at one k.
    public struct AtK: Codable, Equatable, Sendable {
        public var k: Int
        public var accuracy: Double
        public var precision: Double
        public var recall: Double
    }

    /// One entry per requested k, in the order given.
    public let atK: [AtK]
    public let mrrAt10: Double
    public let ndcgAt10: Double
    public let mapAt100: Double
    /// Queries that had at least one relevant document (the ones averaged over).
    public let queriesEvaluated: Int
    public let corpusSize: Int

    /// - Parameters:
    ///   - queries: query embeddings, one row per query.
    ///   - corpus: document embeddings, one row per document.
    ///   - relevant: for each query, the indices of its relevant documents in `corpus`.
    ///   - kValues: cut-offs for accuracy, precision and recall.
    /// - Throws: `empty`, `dimensionMismatch`, `nonFinite`, `lengthMismatch`, `invalidParameter`
    ///   for an out-of-range document index or a k below 1.
    public init(queries: [[Float]], corpus: [[Float]], relevant: [Set<Int>], kValues: [Int] = [1, 3, 5, 10]) throws {
        let dimension = try Validation.rows(queries, "queries")
        let corpusDimension = try Validation.rows(corpus, "corpus")
        guard corpusDimension == dimension else {
            throw MetricsError.dimensionMismatch(what: "corpus vs queries", expected: dimension, got: corpusDimension)
        }
        try Validation.sameLength(relevant.count, queries.count, "relevant sets vs queries")
        guard !kValues.isEmpty else { throw MetricsError.empty(what: "k values") }
        for k in kValues where k < 1 { throw MetricsError.invalidParameter("k must be at least 1, got \(k)") }
        for (query, documents) in relevant.enumerated() {
            for document in documents where !corpus.indices.contains(document) {
                throw MetricsError.invalidParameter("relevant[\(query)] names document \(document), but the corpus has \(corpus.count)")
            }
        }
        let evaluated = relevant.indices.filter { !relevant[$0].isEmpty }
        guard !evaluated.isEmpty else { throw MetricsError.empty(what: "relevant documents of every query") }
        corpusSize = corpus.count
        queriesEvaluated = evaluated.count

        let maxK = max(kValues.max() ?? 1, 10, 100)
        let selected = evaluated.map { queries[$0] }
        let rankings = CosineTopK.search(queries: selected, corpus: corpus, dimension: dimension, k: maxK)

        var hitsAt = [Double](repeating: 0, count: kValues.count)
        var precisionAt = [Double](repeating: 0, count: kValues.count)
        var recallAt = [Double](repeating: 0, count: kValues.count)
        var mrr = 0.0, ndcg = 0.0, map = 0.0
        for (position, query) in evaluated.enumerated() {
            let isRelevant = rankings[position].map { relevant[query].contains($0.index) }
            let relevantCount = Double(relevant[query].count)
            for (slot, k) in kValues.enumerated() {
                let found = isRelevant.prefix(k).filter { $0 }.count
                if found > 0 { hitsAt[slot] += 1 }
                precisionAt[slot] += Double(found) / Double(k)
                recallAt[slot] += Double(found) / relevantCount
            }
            if let first = isRelevant.prefix(10).firstIndex(of: true) { mrr += 1 / Double(first + 1) }
            ndcg += Self.dcg(isRelevant.prefix(10).map { $0 ? 1 : 0 })
                / Self.dcg([Double](repeating: 1, count: min(relevant[query].count, 10)))
            var correct = 0, precisionSum = 0.0
            for (rank, hit) in isRelevant.prefix(100).enumerated() where hit {
                correct += 1
                precisionSum += Double(correct) / Double(rank + 1)
            }
            map += precisionSum / min(100, relevantCount)
        }
        let n = Double(evaluated.count)
        atK = kValues.indices.map {
            AtK(k: kValues[$0], accuracy: hitsAt[$0] / n, precision: precisionAt[$0] / n, recall: recallAt[$0] / n)
        }
        mrrAt10 = mrr / n
        ndcgAt10 = ndcg / n
        mapAt100 = map / n
    }

    /// The metrics at cut-off `k`, when it was requested.
    public func at(_ k: Int) -> AtK? {
        atK.first { $0.k == k }
    }

    /// Discounted cumulative gain: sum of gain_i / log2(i + 2) over 0-based ranks i.
    private static func dcg(_ gains: [Double]) -> Double {
        var total = 0.0
        for (i, gain) in gains.enumerated() { total += gain / log2(Double(i + 2)) }
        return total
    }
}
