import LinearAlgebra
import Core
import Foundation

/// A statistic over pairs of embeddings that may have been estimated from a seeded sample.
public struct SpaceStatistic: Codable, Equatable, Sendable {
    public var value: Double
    /// True when computed on `pairs` randomly drawn pairs rather than all of them.
    public var sampled: Bool
    /// Number of pairs the value is computed over.
    public var pairs: Int
}

/// The geometry of an embedding space: how close positives sit (alignment), how evenly the points
/// spread over the sphere (uniformity), how much random pairs already look alike (anisotropy),
/// and a 2-D projection for plots. Every row is L2-normalised first, in Double.
public enum EmbeddingSpace {
    /// Above this many rows uniformity is estimated from sampled pairs rather than all N(N-1)/2.
    public static let exactUniformityLimit = 2_000

    /// Alignment (Wang & Isola 2020, alpha = 2): mean over positive pairs of ||x - y||^2 on
    /// normalised rows; `left[i]` and `right[i]` form pair i. 0 is perfect; 4 is opposite.
    public static func alignment(_ left: [[Float]], _ right: [[Float]]) throws -> Double {
        let dimension = try Validation.rows(left, "left embeddings")
        let rightDimension = try Validation.rows(right, "right embeddings")
        guard rightDimension == dimension else {
            throw MetricsError.dimensionMismatch(what: "right vs left embeddings", expected: dimension, got: rightDimension)
        }
        try Validation.sameLength(right.count, left.count, "right vs left embeddings")
        let a = try unitRows(left, "left embeddings"), b = try unitRows(right, "right embeddings")
        var total = 0.0
        for i in a.indices {
            var squared = 0.0
            for c in 0..<dimension { squared += (a[i][c] - b[i][c]) * (a[i][c] - b[i][c]) }
            total += squared
        }
        return total / Double(a.count)
    }

    /// Uniformity (Wang & Isola 2020, t = 2): log of the mean over distinct pairs i < j of
    /// exp(-2 ||x_i - x_j||^2), by log-sum-exp (SsnL/align_uniform `lunif`). Exact over all pairs up
    /// to `exactLimit` rows; above it, `samplePairs` pairs i != j drawn with `SplitMix64(seed:)`,
    /// and `sampled` says so. Near 0 is collapsed; about -4 is spread evenly over a high-dimensional sphere.
    public static func uniformity(_ rows: [[Float]], exactLimit: Int = exactUniformityLimit,
                                  samplePairs: Int = 200_000, seed: UInt64 = 42) throws -> SpaceStatistic {
        let dimension = try Validation.rows(rows, "embeddings")
        guard rows.count >= 2 else { throw MetricsError.invalidParameter("uniformity needs at least 2 embeddings, got \(rows.count)") }
        guard samplePairs >= 1 else { throw MetricsError.invalidParameter("sample pairs must be at least 1, got \(samplePairs)") }
        let unit = try unitRows(rows, "embeddings")
        var terms: [Double] = []
        let sampled = rows.count > exactLimit
        if !sampled {
            let n = rows.count
            let flat = unit.flatMap { $0 }
            let gram = BLAS.gram(flat, rows: n, depth: dimension)
            terms.reserveCapacity(n * (n - 1) / 2)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let squared = max(gram[i * n + i] + gram[j * n + j] - 2 * gram[i * n + j], 0)
                    terms.append(-2 * squared)
                }
            }
        } else {
            var generator = SplitMix64(seed: seed)
            terms.reserveCapacity(samplePairs)
            for _ in 0..<samplePairs {
                let (i, j) = distinctPair(rows.count, &generator)
                var squared = 0.0
                for c in 0..<dimension { squared += (unit[i][c] - unit[j][c]) * (unit[i][c] - unit[j][c]) }
                terms.append(-2 * squared)
            }
        }
        let top = terms.max() ?? 0
        let sum = terms.reduce(0.0) { $0 + exp($1 - top) }
        return SpaceStatistic(value: top + log(sum / Double(terms.count)), sampled: sampled, pairs: terms.count)
    }

    /// Anisotropy: the mean cosine of random pairs of distinct rows (Ethayarajh 2019): near 0 for
    /// an isotropic space, near 1 when every embedding points the same way. All pairs when there
    /// are at most `samplePairs` of them, else `samplePairs` drawn with `SplitMix64(seed:)`.
    public static func anisotropy(_ rows: [[Float]], samplePairs: Int = 10_000, seed: UInt64 = 42) throws -> SpaceStatistic {
        let dimension = try Validation.rows(rows, "embeddings")
        guard rows.count >= 2 else { throw MetricsError.invalidParameter("anisotropy needs at least 2 embeddings, got \(rows.count)") }
        guard samplePairs >= 1 else { throw MetricsError.invalidParameter("sample pairs must be at least 1, got \(samplePairs)") }
        let unit = try unitRows(rows, "embeddings")
        let cosine = { (i: Int, j: Int) -> Double in
            var dot = 0.0
            for c in 0..<dimension { dot += unit[i][c] * unit[j][c] }
            return dot
        }
        let n = rows.count
        let allPairs = n * (n - 1) / 2
        var total = 0.0
        if allPairs <= samplePairs {
            for i in 0..<n { for j in (i + 1)..<n { total += cosine(i, j) } }
            return SpaceStatistic(value: total / Double(allPairs), sampled: false, pairs: allPairs)
        }
        var generator = SplitMix64(seed: seed)
        for _ in 0..<samplePairs {
            let (i, j) = distinctPair(n, &generator)
            total += cosine(i, j)
        }
        return SpaceStatistic(value: total / Double(samplePairs), sampled: true, pairs: samplePairs)
    }

    /// Rows divided by their Euclidean norm, in Double; a zero row has no direction and is rejected.
    static func unitRows(_ rows: [[Float]], _ what: String) throws -> [[Double]] {
        try rows.enumerated().map { index, row in
            let values = row.map(Double.init)
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { throw MetricsError.invalidParameter("\(what)[\(index)] is a zero vector: it has no direction") }
            return values.map { $0 / norm }
        }
    }

    private static func distinctPair(_ n: Int, _ generator: inout SplitMix64) -> (Int, Int) {
        let i = generator.index(below: n)
        var j = generator.index(below: n - 1)
        if j >= i { j += 1 }
        return (i, j)
    }
}
