import LinearAlgebra
/// Exact top-k cosine neighbours of each query in a corpus, by blocked matrix multiplication.
///
/// Rows are L2-normalised in Float (as `torch.nn.functional.normalize`, which sentence-transformers'
/// `cos_sim` uses), then scored block by block with one `sgemm` per (query block, corpus block).
/// Ties are ordered by lower corpus index first, the `(-score, corpus_id)` order of
/// `InformationRetrievalEvaluator`, so the ranking never depends on the block size.
/// - Complexity: O(q c d) multiply-adds, O(q k) memory beyond one score block.
public enum CosineTopK {
    public struct Hit: Equatable, Sendable {
        public var index: Int
        public var score: Float
    }

    static let queryBlock = 256
    static let corpusBlock = 4096

    /// Row-major copy of `rows` with each row divided by max(||row||, 1e-12).
    static func normalized(_ rows: [[Float]], dimension: Int) -> [Float] {
        var flat = [Float](repeating: 0, count: rows.count * dimension)
        for (r, row) in rows.enumerated() {
            var squares: Float = 0
            for value in row { squares += value * value }
            let norm = max(squares.squareRoot(), 1e-12)
            for (c, value) in row.enumerated() { flat[r * dimension + c] = value / norm }
        }
        return flat
    }

    /// The `k` best corpus rows for each query, best first. `normalize: false` ranks by the plain dot
    /// product (sentence-transformers' `dot` similarity) instead of cosine.
    public static func search(queries: [[Float]], corpus: [[Float]], dimension: Int, k: Int, normalize: Bool = true) -> [[Hit]] {
        let q = normalize ? normalized(queries, dimension: dimension) : queries.flatMap { $0 }
        let c = normalize ? normalized(corpus, dimension: dimension) : corpus.flatMap { $0 }
        let keep = min(k, corpus.count)
        var best = [[Hit]](repeating: [], count: queries.count)
        var block = [Float](repeating: 0, count: queryBlock * corpusBlock)
        for queryStart in stride(from: 0, to: queries.count, by: queryBlock) {
            let queryCount = min(queryBlock, queries.count - queryStart)
            for corpusStart in stride(from: 0, to: corpus.count, by: corpusBlock) {
                let corpusCount = min(corpusBlock, corpus.count - corpusStart)
                q.withUnsafeBufferPointer { qp in
                    c.withUnsafeBufferPointer { cp in
                        block.withUnsafeMutableBufferPointer { out in
                            BLAS.multiplyTransposed(qp.baseAddress! + queryStart * dimension, rows: queryCount,
                                                    cp.baseAddress! + corpusStart * dimension, cols: corpusCount,
                                                    depth: dimension, into: out.baseAddress!)
                        }
                    }
                }
                for row in 0..<queryCount {
                    var hits = best[queryStart + row]
                    for col in 0..<corpusCount {
                        insert(Hit(index: corpusStart + col, score: block[row * corpusCount + col]), into: &hits, keep: keep)
                    }
                    best[queryStart + row] = hits
                }
            }
        }
        return best
    }

    /// Keeps `hits` sorted by (score descending, index ascending) and at most `keep` long.
    /// Candidates arrive in ascending index order, so an equal score never displaces an earlier hit.
    @inline(__always)
    static func insert(_ hit: Hit, into hits: inout [Hit], keep: Int) {
        if hits.count == keep {
            guard let worst = hits.last, hit.score > worst.score else { return }
            hits.removeLast()
        }
        var position = hits.count
        while position > 0 && hits[position - 1].score < hit.score { position -= 1 }
        hits.insert(hit, at: position)
    }
}
