import Testing
@testable import Metrics

@Suite("Embedding space: alignment, uniformity, anisotropy, PCA")
struct EmbeddingSpaceTests {
    @Test("Alignment, exact uniformity and anisotropy match numpy within 1e-9", arguments: Fixtures.spaceFile.cases)
    func geometry(_ c: Fixtures.SpaceCase) throws {
        let rows = float32Rows(c.rows)
        #expect(close(try EmbeddingSpace.alignment(float32Rows(c.left), float32Rows(c.right)), c.expected.alignment), "\(c.name): alignment")
        let uniformity = try EmbeddingSpace.uniformity(rows)
        #expect(!uniformity.sampled && uniformity.pairs == rows.count * (rows.count - 1) / 2)
        #expect(close(uniformity.value, c.expected.uniformity), "\(c.name): uniformity \(uniformity.value) vs \(c.expected.uniformity)")
        let anisotropy = try EmbeddingSpace.anisotropy(rows, samplePairs: 100_000)
        #expect(!anisotropy.sampled)
        #expect(close(anisotropy.value, c.expected.anisotropy), "\(c.name): anisotropy")
    }

    @Test("PCA projection matches scikit-learn's PCA(2), signs included", arguments: Fixtures.spaceFile.cases)
    func pca(_ c: Fixtures.SpaceCase) throws {
        let projected = try EmbeddingSpace.pca2D(float32Rows(c.rows))
        #expect(projected.count == c.expected.pca.count)
        var worst = 0.0
        for (a, e) in zip(projected, c.expected.pca) {
            worst = max(worst, abs(a[0] - e[0]), abs(a[1] - e[1]))
        }
        #expect(worst < 1e-8, "\(c.name): largest PCA difference \(worst)")
    }

    @Test("Above the size limit uniformity is sampled, says so, is seeded, and stays close to exact")
    func sampled() throws {
        let c = try #require(Fixtures.spaceFile.cases.first { $0.name == "spread_200x16" })
        let rows = float32Rows(c.rows)
        let a = try EmbeddingSpace.uniformity(rows, exactLimit: 100, samplePairs: 20_000, seed: 1)
        let b = try EmbeddingSpace.uniformity(rows, exactLimit: 100, samplePairs: 20_000, seed: 1)
        let other = try EmbeddingSpace.uniformity(rows, exactLimit: 100, samplePairs: 20_000, seed: 2)
        #expect(a.sampled && a.pairs == 20_000)
        #expect(a == b && a != other)
        #expect(abs(a.value - c.expected.uniformity) < 0.05)
    }

    @Test("A collapsed space has uniformity near 0 and anisotropy near 1")
    func collapsed() throws {
        let c = try #require(Fixtures.spaceFile.cases.first { $0.name == "collapsed_50x6" })
        let rows = float32Rows(c.rows)
        #expect(try EmbeddingSpace.uniformity(rows).value > DiagnosisRule.poorUniformity)
        #expect(try EmbeddingSpace.anisotropy(rows).value > 0.99)
    }

    @Test("Zero vectors and single rows are refused")
    func invalid() {
        #expect(throws: MetricsError.self) { try EmbeddingSpace.uniformity([[0, 0], [1, 0]]) }
        #expect(throws: MetricsError.self) { try EmbeddingSpace.uniformity([[1, 0]]) }
        #expect(throws: MetricsError.self) { try EmbeddingSpace.alignment([[1, 0]], [[1, 0], [0, 1]]) }
    }

    @Test("The symmetric eigen-solver recovers a known decomposition")
    func jacobi() {
        let (values, vectors) = SymmetricEigen.jacobi([[2, 1, 0], [1, 2, 0], [0, 0, 5]])
        #expect(zip(values, [5.0, 3.0, 1.0]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(abs(vectors[1][0]) - 0.5.squareRoot()) < 1e-12 && abs(vectors[1][0] - vectors[1][1]) < 1e-12)
    }
}
