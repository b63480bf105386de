import LinearAlgebra
import Core
/// Principal component analysis to two dimensions, for the before/after scatter plots.
extension EmbeddingSpace {
    /// The rows projected on the first two principal components of their centred covariance.
    ///
    /// Subspace iteration with four vectors on the D x D scatter matrix (Golub & Van Loan, 8.2.4),
    /// with a Rayleigh-Ritz step each round, until the top two Ritz vectors move less than 1e-13.
    /// Signs follow scikit-learn's `svd_flip` (`u_based_decision=False`): each component's largest
    /// absolute loading is positive, so the plot does not mirror from run to run. Rows are used as
    /// given (not normalised), as `sklearn.decomposition.PCA(2).fit_transform`.
    /// - Returns: one `[x, y]` per row; the second coordinate is 0 when the data span one direction.
    public static func pca2D(_ rows: [[Float]]) throws -> [[Double]] {
        let dimension = try Validation.rows(rows, "embeddings")
        let n = rows.count
        var means = [Double](repeating: 0, count: dimension)
        for row in rows { for c in 0..<dimension { means[c] += Double(row[c]) } }
        for c in 0..<dimension { means[c] /= Double(n) }
        var centred = [Double](repeating: 0, count: n * dimension)
        for (r, row) in rows.enumerated() {
            for c in 0..<dimension { centred[r * dimension + c] = Double(row[c]) - means[c] }
        }
        let scatter = BLAS.scatter(centred, rows: n, depth: dimension)
        let components = topEigenvectors(scatter, dimension: dimension, count: min(2, dimension))
        return (0..<n).map { r in
            (0..<2).map { k -> Double in
                guard k < components.count else { return 0 }
                var dot = 0.0
                for c in 0..<dimension { dot += centred[r * dimension + c] * components[k][c] }
                return dot
            }
        }
    }

    /// The `count` leading eigenvectors of the symmetric matrix `a` (dimension x dimension).
    static func topEigenvectors(_ a: [Double], dimension: Int, count: Int) -> [[Double]] {
        let block = min(dimension, count + 2)
        // Deterministic start: a fixed pseudo-random basis, orthonormalised.
        var generator = SplitMix64(seed: 0x5043_4132)
        var basis = (0..<block).map { _ in (0..<dimension).map { _ in generator.unit() - 0.5 } }
        orthonormalise(&basis)
        var previous: [[Double]] = []
        for _ in 0..<5_000 {
            var product = applied(a, basis, dimension)
            orthonormalise(&product)
            // Rayleigh-Ritz: rotate the block onto the eigenvectors of its projected matrix.
            let image = applied(a, product, dimension)
            let projected = product.indices.map { i in product.indices.map { j in dotProduct(product[i], image[j]) } }
            let (_, vectors) = SymmetricEigen.jacobi(projected)
            basis = vectors.map { v in
                (0..<dimension).map { c in (0..<product.count).reduce(0.0) { $0 + v[$1] * product[$1][c] } }
            }
            let leading = basis.prefix(count).map(flipped)
            if previous.count == leading.count,
               zip(previous, leading).allSatisfy({ zip($0, $1).allSatisfy { abs($0 - $1) < 1e-13 } }) {
                return leading
            }
            previous = leading
        }
        return previous
    }

    /// A v for each vector of the block, as one matrix product.
    private static func applied(_ a: [Double], _ block: [[Double]], _ dimension: Int) -> [[Double]] {
        let k = block.count
        var columns = [Double](repeating: 0, count: dimension * k)
        for (j, vector) in block.enumerated() { for r in 0..<dimension { columns[r * k + j] = vector[r] } }
        let result = BLAS.multiply(a, rows: dimension, depth: dimension, columns, k: k)
        return (0..<k).map { j in (0..<dimension).map { result[$0 * k + j] } }
    }

    private static func flipped(_ v: [Double]) -> [Double] {
        guard let largest = v.max(by: { abs($0) < abs($1) }) else { return v }
        return largest < 0 ? v.map { -$0 } : v
    }

    private static func dotProduct(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Modified Gram-Schmidt; a vector that vanishes is replaced by zeros.
    private static func orthonormalise(_ vectors: inout [[Double]]) {
        for i in vectors.indices {
            for j in 0..<i {
                let projection = dotProduct(vectors[i], vectors[j])
                vectors[i] = zip(vectors[i], vectors[j]).map { $0 - projection * $1 }
            }
            let norm = dotProduct(vectors[i], vectors[i]).squareRoot()
            vectors[i] = norm > 1e-300 ? vectors[i].map { $0 / norm } : vectors[i].map { _ in 0 }
        }
    }
}
