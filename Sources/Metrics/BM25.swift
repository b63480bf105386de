import Foundation

/// Okapi BM25 over a corpus, the lexical reference a retrieval report compares embeddings with
/// (Lucene's `BM25Similarity` with Pyserini's defaults; REFERENCE.md, "BM25"):
///   score(q, d) = sum over distinct query terms t in d of
///                 idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl)),
///   idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)),  k1 = 0.9, b = 0.4,
/// with tf the count of t in d, |d| the number of terms of d, avgdl their mean over the N
/// documents and df the number of documents holding t. Terms come from `terms(_:)` (no stopwords,
/// no stemming). A document is its title + " " + its text; the caller joins them.
///
/// Unlike Lucene, |d| is exact (Lucene stores it in one lossy byte), so scores can differ from
/// Pyserini's in the third digit while rankings almost never do.
///
/// The index is inverted: per term, its postings (document, precomputed tf part of the score) in
/// document order. A query adds idf(t) * weight into a score per document for each posting of its
/// terms, then keeps the best k with a bounded heap. Every contribution is positive, so a document
/// sharing no term with the query has score 0 and is not returned: a result can be shorter than k.
/// Ties in score rank in corpus order (lower index first).
/// - Complexity: building O(total terms in the corpus) time (plus a sort of each document's terms)
///   and O(number of distinct (term, document) pairs) memory; a query O(sum of df over its
///   distinct terms + touched documents * log k).
public struct BM25: Sendable {
    /// One retrieved document.
    public struct Hit: Codable, Equatable, Sendable {
        /// Its index in the corpus given to `init`.
        public var index: Int
        public var score: Double
    }

    public let k1: Double
    public let b: Double
    public let documentCount: Int
    /// avgdl, the mean number of terms per document.
    public let averageLength: Double
    /// Distinct terms in the corpus.
    public var vocabularySize: Int { vocabulary.count }

    private let vocabulary: [String: Int32]
    /// idf per term id.
    private let idf: [Double]
    /// Postings of term id t are `postingStart[t]..<postingStart[t + 1]`.
    private let postingStart: [Int]
    private let postingDocument: [Int32]
    /// tf (k1 + 1) / (tf + k1 (1 - b + b |d| / avgdl)) of each posting.
    private let postingWeight: [Double]

    /// Indexes `documents` (each already title + " " + text).
    /// - Throws: `empty` for no documents, `invalidParameter` for k1 < 0, b outside [0, 1] or more
    ///   than Int32.max documents.
    public init(documents: [String], k1: Double = 0.9, b: Double = 0.4) throws {
        guard !documents.isEmpty else { throw MetricsError.empty(what: "BM25 corpus") }
        guard k1 >= 0, k1.isFinite else { throw MetricsError.invalidParameter("BM25 k1 must be >= 0, got \(k1)") }
        guard (0...1).contains(b) else { throw MetricsError.invalidParameter("BM25 b must lie in [0, 1], got \(b)") }
        guard documents.count <= Int(Int32.max) else {
            throw MetricsError.invalidParameter("BM25 indexes at most \(Int32.max) documents, got \(documents.count)")
        }
        self.k1 = k1
        self.b = b
        documentCount = documents.count

        // Pass 1: term ids, and each document's (term, tf) list sorted by term.
        var vocabulary: [String: Int32] = [:]
        var documentFrequency: [Int] = []
        var entryStart = [Int](repeating: 0, count: documents.count + 1)
        var entryTerm: [Int32] = [], entryFrequency: [Int32] = []
        var lengths = [Int](repeating: 0, count: documents.count)
        var totalLength = 0
        for (d, document) in documents.enumerated() {
            var ids = BM25.terms(document).map { term -> Int32 in
                if let id = vocabulary[term] { return id }
                let id = Int32(vocabulary.count)
                vocabulary[term] = id
                documentFrequency.append(0)
                return id
            }
            lengths[d] = ids.count
            totalLength += ids.count
            ids.sort()
            var i = 0
            while i < ids.count {
                var j = i + 1
                while j < ids.count && ids[j] == ids[i] { j += 1 }
                entryTerm.append(ids[i])
                entryFrequency.append(Int32(j - i))
                documentFrequency[Int(ids[i])] += 1
                i = j
            }
            entryStart[d + 1] = entryTerm.count
        }
        averageLength = Double(totalLength) / Double(documents.count)

        // Pass 2: counting sort of the entries by term; documents stay in corpus order.
        var start = [Int](repeating: 0, count: vocabulary.count + 1)
        for t in 0..<vocabulary.count { start[t + 1] = start[t] + documentFrequency[t] }
        var cursor = start
        var postingDocument = [Int32](repeating: 0, count: entryTerm.count)
        var postingWeight = [Double](repeating: 0, count: entryTerm.count)
        for d in 0..<documents.count {
            let norm = k1 * (1 - b + b * Double(lengths[d]) / averageLength)
            for e in entryStart[d]..<entryStart[d + 1] {
                let t = Int(entryTerm[e]), tf = Double(entryFrequency[e])
                postingDocument[cursor[t]] = Int32(d)
                postingWeight[cursor[t]] = tf * (k1 + 1) / (tf + norm)
                cursor[t] += 1
            }
        }
        let n = Double(documents.count)
        idf = documentFrequency.map { df in log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5)) }
        self.vocabulary = vocabulary
        postingStart = start
        self.postingDocument = postingDocument
        self.postingWeight = postingWeight
    }

    /// The best `k` documents for `query`, best first (score descending, then corpus index).
    public func search(_ query: String, k: Int) -> [Hit] {
        var accumulator = Accumulator(count: documentCount)
        return search(query, k: k, using: &accumulator)
    }

    /// `search(_:k:)` for every query, in parallel over queries; results in query order.
    public func search(queries: [String], k: Int) -> [[Hit]] {
        var results = [[Hit]](repeating: [], count: queries.count)
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, queries.count))
        results.withUnsafeMutableBufferPointer { output in
            let base = output.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var accumulator = Accumulator(count: documentCount)
                for q in (queries.count * chunk / chunks)..<(queries.count * (chunk + 1) / chunks) {
                    base[q] = search(queries[q], k: k, using: &accumulator)
                }
            }
        }
        return results
    }

    /// The score of every document for `query` (0 where no query term occurs), for tests.
    func scores(_ query: String) -> [Double] {
        var accumulator = Accumulator(count: documentCount)
        accumulate(query, into: &accumulator)
        return accumulator.score
    }

    /// Scores per document, reused across queries: only the touched entries are reset.
    private struct Accumulator {
        var score: [Double]
        var touched: [Int32] = []
        init(count: Int) { score = [Double](repeating: 0, count: count) }
    }

    /// The distinct query terms known to the corpus, in order of first appearance (a fixed order,
    /// so the floating-point sum of a document's score is the same on every run).
    private func termIDs(_ query: String) -> [Int] {
        var seen = Set<Int32>(), ids: [Int] = []
        for term in BM25.terms(query) {
            if let id = vocabulary[term], seen.insert(id).inserted { ids.append(Int(id)) }
        }
        return ids
    }

    private func accumulate(_ query: String, into accumulator: inout Accumulator) {
        for t in termIDs(query) {
            let weight = idf[t]
            for p in postingStart[t]..<postingStart[t + 1] {
                let d = Int(postingDocument[p])
                if accumulator.score[d] == 0 { accumulator.touched.append(Int32(d)) }
                accumulator.score[d] += weight * postingWeight[p]
            }
        }
    }

    private func search(_ query: String, k: Int, using accumulator: inout Accumulator) -> [Hit] {
        precondition(k >= 0, "k must be >= 0, got \(k)")
        accumulate(query, into: &accumulator)
        var selection = TopKSelection(k: k)
        for d in accumulator.touched {
            let d = Int(d)
            selection.offer(index: d, score: accumulator.score[d])
            accumulator.score[d] = 0
        }
        accumulator.touched.removeAll(keepingCapacity: true)
        return selection.ranked().map { Hit(index: $0.index, score: $0.score) }
    }
}
