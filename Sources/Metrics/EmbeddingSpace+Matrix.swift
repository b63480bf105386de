import Core
import Foundation
import LinearAlgebra

/// The embedding-space measures on the rows of one ``EmbeddingMatrix``, for evaluation sets of
/// hundreds of thousands of texts: no normalised copy of the rows, no N x D Double matrix. Each gives
/// the same numbers as its `[[Float]]` form (the same sums in the same order; the PCA scatter is
/// accumulated over blocks of rows, which only regroups BLAS's own sums).
extension EmbeddingSpace {
    /// Rows of the PCA scatter accumulated per BLAS call.
    static let scatterBlockRows = 4_096

    /// Alignment over the pairs `(left, right)` of row indices; see ``alignment(_:_:)``.
    public static func alignment(_ matrix: EmbeddingMatrix, pairs: [(Int, Int)]) throws -> Double {
        guard !pairs.isEmpty else { throw MetricsError.empty(what: "left embeddings") }
        let norms = try rowNorms(matrix, rows: pairs.flatMap { [$0.0, $0.1] }, "embeddings")
        let d = matrix.dimension
        return matrix.withUnsafeRows { rows in
            var total = 0.0
            for (a, b) in pairs {
                var squared = 0.0
                for c in 0..<d {
                    let x = Double(rows[a * d + c]) / norms[a], y = Double(rows[b * d + c]) / norms[b]
                    squared += (x - y) * (x - y)
                }
                total += squared
            }
            return total / Double(pairs.count)
        }
    }

    /// Uniformity of the first `count` rows; see ``uniformity(_:exactLimit:samplePairs:seed:)``, whose
    /// sample (the same pairs for the same seed) this draws.
    public static func uniformity(_ matrix: EmbeddingMatrix, count: Int, exactLimit: Int = exactUniformityLimit,
                                  samplePairs: Int = 200_000, seed: UInt64 = 42) throws -> SpaceStatistic {
        guard count > exactLimit else {
            return try uniformity(matrix.rows(0..<count), exactLimit: exactLimit, samplePairs: samplePairs, seed: seed)
        }
        guard samplePairs >= 1 else { throw MetricsError.invalidParameter("sample pairs must be at least 1, got \(samplePairs)") }
        let norms = try rowNorms(matrix, rows: Array(0..<count), "embeddings")
        let d = matrix.dimension
        var generator = SplitMix64(seed: seed)
        var terms: [Double] = []
        terms.reserveCapacity(samplePairs)
        matrix.withUnsafeRows { rows in
            for _ in 0..<samplePairs {
                let i = generator.index(below: count)
                var j = generator.index(below: count - 1)
                if j >= i { j += 1 }
                var squared = 0.0
                for c in 0..<d {
                    let x = Double(rows[i * d + c]) / norms[i], y = Double(rows[j * d + c]) / norms[j]
                    squared += (x - y) * (x - y)
                }
                terms.append(-2 * squared)
            }
        }
        let top = terms.max() ?? 0
        let sum = terms.reduce(0.0) { $0 + exp($1 - top) }
        return SpaceStatistic(value: top + log(sum / Double(terms.count)), sampled: true, pairs: terms.count)
    }

    /// The first `count` rows on their first two principal components; see ``pca2D(_:)``. The centred
    /// rows are formed a block at a time, for the scatter and again for the projection.
    public static func pca2D(_ matrix: EmbeddingMatrix, count n: Int) throws -> [[Double]] {
        guard n > 0, matrix.dimension > 0 else { throw MetricsError.empty(what: "embeddings") }
        let d = matrix.dimension
        return try matrix.withUnsafeRows { rows in
            var means = [Double](repeating: 0, count: d)
            for r in 0..<n {
                for c in 0..<d {
                    let value = rows[r * d + c]
                    guard value.isFinite else { throw MetricsError.nonFinite(what: "embeddings[\(r)]", index: c, value: Double(value)) }
                    means[c] += Double(value)
                }
            }
            for c in 0..<d { means[c] /= Double(n) }
            let blockRows = min(n, scatterBlockRows)
            var block = [Double](repeating: 0, count: blockRows * d)
            func centre(_ start: Int, _ end: Int) {
                for r in start..<end {
                    for c in 0..<d { block[(r - start) * d + c] = Double(rows[r * d + c]) - means[c] }
                }
            }
            var scatter = [Double](repeating: 0, count: d * d)
            for start in stride(from: 0, to: n, by: blockRows) {
                let end = min(n, start + blockRows)
                centre(start, end)
                BLAS.accumulateScatter(block, rows: end - start, depth: d, into: &scatter)
            }
            BLAS.mirrorUpper(&scatter, depth: d)
            let components = topEigenvectors(scatter, dimension: d, count: min(2, d))
            var projected: [[Double]] = []
            projected.reserveCapacity(n)
            for start in stride(from: 0, to: n, by: blockRows) {
                let end = min(n, start + blockRows)
                centre(start, end)
                for r in 0..<(end - start) {
                    projected.append((0..<2).map { k -> Double in
                        guard k < components.count else { return 0 }
                        var dot = 0.0
                        for c in 0..<d { dot += block[r * d + c] * components[k][c] }
                        return dot
                    })
                }
            }
            return projected
        }
    }

    /// The Euclidean norm (in Double) of each row listed (others 0), refusing non-finite and zero rows
    /// as ``unitRows(_:_:)`` does.
    static func rowNorms(_ matrix: EmbeddingMatrix, rows listed: [Int], _ what: String) throws -> [Double] {
        var norms = [Double](repeating: 0, count: matrix.count)
        let d = matrix.dimension
        guard d > 0 else { throw MetricsError.empty(what: "\(what)[0]") }
        try matrix.withUnsafeRows { rows in
            for r in listed where norms[r] == 0 {
                var squares = 0.0
                for c in 0..<d {
                    let value = rows[r * d + c]
                    guard value.isFinite else { throw MetricsError.nonFinite(what: "\(what)[\(r)]", index: c, value: Double(value)) }
                    squares += Double(value) * Double(value)
                }
                guard squares > 0 else { throw MetricsError.invalidParameter("\(what)[\(r)] is a zero vector: it has no direction") }
                norms[r] = squares.squareRoot()
            }
        }
        return norms
    }
}
