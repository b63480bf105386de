import Foundation

/// Per-query retrieval measures of ranked lists against graded relevance judgements (qrels), as
/// trec_eval (`pytrec-eval-terrier`) computes them, with per-query values kept for paired tests and
/// a bootstrap interval of every mean.
///
/// For one query with ranking d_1, d_2, ... (at most the first 100 are read), relevance rel(d)
/// from its qrels (0 when unjudged), R = {d : rel(d) > 0} and gain g_i = rel(d_i) when > 0, else 0:
/// - nDCG@10 (trec_eval `ndcg_cut_10`): DCG = sum_{i=1..10} g_i / log2(i + 1), divided by the DCG
///   of the qrels' positive gains sorted descending (the ideal ranking);
/// - recall@k (`recall_k`): |R in top k| / |R|, for k = 1, 3, 5, 10, 100, and for every k = 1...100
///   as a curve;
/// - MRR@10 (`recip_rank` cut at 10): 1 / rank of the first relevant document in the top 10, else 0;
/// - MAP@100 (`map_cut_100`): sum of precision@i over ranks i <= 100 holding a relevant document,
///   divided by |R|.
/// sentence-transformers' `InformationRetrievalEvaluator` divides MAP@k by min(k, |R|) instead;
/// the two differ only for a query with more than 100 relevant documents, where trec_eval's value
/// is lower (a list of 100 cannot reach 1). `mapAt100` follows trec_eval (metrics.json
/// `map_at_100`); `mapAt100MinDenominator` keeps the sentence-transformers value for comparability
/// with its logs.
/// Queries with no relevant document are skipped (trec_eval would score them 0) and counted.
/// - Complexity: O(sum over queries of (100 + |qrels| log |qrels|)), then O(samples * queries * 9)
///   for the intervals.
public struct RankingMeasures: Codable, Equatable, Sendable {
    /// One measure over the evaluated queries.
    public struct Measure: Codable, Equatable, Sendable {
        /// The metrics.json key, e.g. `ndcg_at_10`.
        public let key: String
        /// One value per evaluated query, aligned with `RankingMeasures.evaluatedQueries`.
        public let perQuery: [Double]
        public let mean: Double
        /// Percentile interval of the mean over a bootstrap of the queries.
        public let ci95: ClosedInterval?
    }

    /// Cut-offs of the recall measures.
    public static let recallCutoffs = [1, 3, 5, 10, 100]
    /// How deep rankings are read.
    public static let depth = 100

    public let ndcgAt10: Measure
    /// Recall at 1, 3, 5, 10 and 100, in `recallCutoffs` order.
    public let recall: [Measure]
    public let mrrAt10: Measure
    /// trec_eval's MAP@100: / |R|.
    public let mapAt100: Measure
    /// sentence-transformers' MAP@100: / min(100, |R|).
    public let mapAt100MinDenominator: Measure
    /// Mean recall@k for k = 1...100 (element k - 1), for a recall curve.
    public let recallCurve: [Double]
    /// Indices (into the input) of the queries with at least one relevant document.
    public let evaluatedQueries: [Int]
    /// Queries left out because none of their judged documents is relevant.
    public let skippedQueries: Int
    public let bootstrapSamples: Int
    public let seed: UInt64

    /// Every measure, in report order.
    public var measures: [Measure] { [ndcgAt10] + recall + [mrrAt10, mapAt100, mapAt100MinDenominator] }

    /// Recall at `k` when k is one of `recallCutoffs`.
    public func recall(at k: Int) -> Measure? {
        Self.recallCutoffs.firstIndex(of: k).map { recall[$0] }
    }

    /// - Parameters:
    ///   - rankings: per query, corpus indices best first (only the first 100 are read).
    ///   - qrels: per query, document index -> relevance; relevant means > 0.
    ///   - bootstrapSamples: replicates of the intervals (`ItemBootstrap` over queries); 0 leaves
    ///     them nil.
    /// - Throws: `lengthMismatch` when rankings and qrels differ in count, `invalidParameter` for a
    ///   negative or repeated document index in a ranking or negative samples, `empty` when no
    ///   query has a relevant document.
    public init(rankings: [[Int]], qrels: [[Int: Int]], bootstrapSamples: Int = 1000, seed: UInt64 = 42) throws {
        try Validation.sameLength(qrels.count, rankings.count, "qrels vs rankings")
        guard bootstrapSamples >= 0 else {
            throw MetricsError.invalidParameter("bootstrap samples must be >= 0, got \(bootstrapSamples)")
        }
        for (q, ranking) in rankings.enumerated() {
            var seen = Set<Int>()
            for document in ranking.prefix(Self.depth) {
                guard document >= 0 else { throw MetricsError.invalidParameter("ranking \(q) holds a negative document index \(document)") }
                guard seen.insert(document).inserted else {
                    throw MetricsError.invalidParameter("ranking \(q) lists document \(document) twice")
                }
            }
        }
        let evaluated = qrels.indices.filter { q in qrels[q].values.contains { $0 > 0 } }
        guard !evaluated.isEmpty else { throw MetricsError.empty(what: "relevant documents of every query") }
        evaluatedQueries = evaluated
        skippedQueries = qrels.count - evaluated.count
        self.bootstrapSamples = bootstrapSamples
        self.seed = seed

        let values = evaluated.map { Self.perQuery(ranking: rankings[$0], qrels: qrels[$0]) }
        // Columns: nDCG@10, recall at each cut-off, MRR@10, MAP@100 (trec_eval), MAP@100 (min).
        var columns: [[Double]] = [values.map(\.ndcg)]
        columns += Self.recallCutoffs.map { k in values.map { $0.recallCurve[k - 1] } }
        columns += [values.map(\.reciprocalRank), values.map(\.averagePrecision), values.map(\.averagePrecisionMin)]
        let keys = ["ndcg_at_10"] + Self.recallCutoffs.map { "recall_at_\($0)" }
            + ["mrr_at_10", "map_at_100", "map_at_100_min_denominator"]
        let intervals = bootstrapSamples == 0 ? [ClosedInterval?](repeating: nil, count: columns.count)
            : ItemBootstrap(count: evaluated.count, samples: bootstrapSamples, seed: seed).meanIntervals(columns)
        let n = Double(evaluated.count)
        let measures = columns.indices.map { c in
            Measure(key: keys[c], perQuery: columns[c], mean: columns[c].reduce(0, +) / n, ci95: intervals[c])
        }
        ndcgAt10 = measures[0]
        recall = Array(measures[1...Self.recallCutoffs.count])
        mrrAt10 = measures[Self.recallCutoffs.count + 1]
        mapAt100 = measures[Self.recallCutoffs.count + 2]
        mapAt100MinDenominator = measures[Self.recallCutoffs.count + 3]
        recallCurve = (0..<Self.depth).map { k in values.reduce(0) { $0 + $1.recallCurve[k] } / n }
    }

    private struct QueryValues {
        var ndcg: Double
        var reciprocalRank: Double
        var averagePrecision: Double
        var averagePrecisionMin: Double
        /// recall@k at element k - 1, k = 1...100.
        var recallCurve: [Double]
    }

    /// The measures of one query that has at least one relevant document.
    private static func perQuery(ranking: [Int], qrels: [Int: Int]) -> QueryValues {
        let relevantCount = qrels.values.filter { $0 > 0 }.count
        let r = Double(relevantCount)
        var dcg = 0.0, reciprocalRank = 0.0, precisionSum = 0.0, hits = 0
        var recallCurve = [Double](repeating: 0, count: depth)
        for (i, document) in ranking.prefix(depth).enumerated() {
            let relevance = qrels[document] ?? 0
            if relevance > 0 {
                hits += 1
                precisionSum += Double(hits) / Double(i + 1)
                if i < 10 {
                    dcg += Double(relevance) / log2(Double(i + 2))
                    if reciprocalRank == 0 { reciprocalRank = 1 / Double(i + 1) }
                }
            }
            recallCurve[i] = Double(hits) / r
        }
        // A ranking shorter than 100 keeps its last recall for the deeper cut-offs.
        for i in min(ranking.count, depth)..<depth { recallCurve[i] = Double(hits) / r }
        let ideal = qrels.values.filter { $0 > 0 }.sorted(by: >).prefix(10)
        var idealDCG = 0.0
        for (i, gain) in ideal.enumerated() { idealDCG += Double(gain) / log2(Double(i + 2)) }
        return QueryValues(ndcg: dcg / idealDCG, reciprocalRank: reciprocalRank,
                           averagePrecision: precisionSum / r,
                           averagePrecisionMin: precisionSum / min(Double(depth), r),
                           recallCurve: recallCurve)
    }
}
