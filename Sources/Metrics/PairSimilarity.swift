import Foundation
import LinearAlgebra

/// The cosine similarity of many pairs of rows of one embedding matrix, as the pair task scores them.
///
/// cos(a, b) = a . b / (|a| |b|), accumulated in Double in index order, exactly as
/// ``ProbeResult/cosine(_:_:)`` computes one pair; each row's norm is computed once (not once per
/// pair using it), and the pairs are scored in blocks spread over the cores.
/// - Complexity: O((rows + pairs) d), no allocation per pair.
public enum PairSimilarity {
    /// Pairs scored per block of work.
    static let blockSize = 8_192

    /// One cosine per pair of row indices, in the order given.
    /// - Throws: `nonFinite` for a row holding NaN or infinity, `invalidParameter` for a zero row.
    public static func cosine(_ matrix: EmbeddingMatrix, pairs: [(Int, Int)]) throws -> [Double] {
        let norms = try rowNorms(matrix, used: pairs)
        return scores(matrix, pairs) { a, b, rows, d in
            var dot = 0.0
            for c in 0..<d { dot += Double(rows[a * d + c]) * Double(rows[b * d + c]) }
            return dot / (norms[a] * norms[b])
        }
    }

    /// `score(rowA, rowB, storage, dimension)` for every pair, in blocks over the cores.
    public static func scores(_ matrix: EmbeddingMatrix, _ pairs: [(Int, Int)],
                              _ score: (Int, Int, UnsafeBufferPointer<Float>, Int) -> Double) -> [Double] {
        withoutActuallyEscaping(score) { score in
            var out = [Double](repeating: 0, count: pairs.count)
            let blocks = (pairs.count + blockSize - 1) / blockSize
            let d = matrix.dimension
            matrix.withUnsafeRows { rows in
                out.withUnsafeMutableBufferPointer { target in
                    let base = target.baseAddress!
                    DispatchQueue.concurrentPerform(iterations: blocks) { block in
                        for i in (block * blockSize)..<min(pairs.count, (block + 1) * blockSize) {
                            base[i] = score(pairs[i].0, pairs[i].1, rows, d)
                        }
                    }
                }
            }
            return out
        }
    }

    /// The Euclidean norm of every row some pair uses (others are left 0 and never read).
    private static func rowNorms(_ matrix: EmbeddingMatrix, used pairs: [(Int, Int)]) throws -> [Double] {
        var used = [Bool](repeating: false, count: matrix.count)
        for (a, b) in pairs { used[a] = true; used[b] = true }
        var norms = [Double](repeating: 0, count: matrix.count)
        let d = matrix.dimension
        try matrix.withUnsafeRows { rows in
            for r in 0..<matrix.count where used[r] {
                var squares = 0.0
                for c in 0..<d {
                    let value = rows[r * d + c]
                    guard value.isFinite else { throw MetricsError.nonFinite(what: "embeddings[\(r)]", index: c, value: Double(value)) }
                    squares += Double(value) * Double(value)
                }
                guard squares > 0 else { throw MetricsError.invalidParameter("cosine of a zero vector is undefined") }
                norms[r] = squares.squareRoot()
            }
        }
        return norms
    }
}
