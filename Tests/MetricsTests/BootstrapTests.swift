import Testing
@testable import Metrics

@Suite("Stratified bootstrap by multiplicities")
struct BootstrapTests {
    @Test("Each replicate redraws every class to its own size, uniformly over its members")
    func draws() {
        let labels = [true, false, true, false, false, true, false]
        let bootstrap = Bootstrap(models: [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]], labels: labels)
        var counts = [Int32](repeating: 0, count: labels.count)
        var totals = [Double](repeating: 0, count: labels.count)
        let replicates = 20_000
        for r in 0..<replicates {
            bootstrap.draw(into: &counts, replicate: r, seed: 11)
            #expect(counts[..<3].reduce(0, +) == 3 && counts[3...].reduce(0, +) == 4)
            for i in counts.indices { totals[i] += Double(counts[i]) }
        }
        for total in totals { #expect(abs(total / Double(replicates) - 1) < 0.03) }
    }

    @Test("A replicate's weighted AUC equals the AUC of the materialised resample")
    func weightedAUC() throws {
        let c = try #require(Fixtures.pairFile.cases.first { $0.name == "heavy_ties_500" })
        let bootstrap = Bootstrap(models: [c.baseline], labels: c.labels)
        let replicates = bootstrap.run(samples: 3, seed: 4)
        let positives = c.labels.indices.filter { c.labels[$0] }, negatives = c.labels.indices.filter { !c.labels[$0] }
        var counts = [Int32](repeating: 0, count: c.labels.count)
        for r in 0..<3 {
            bootstrap.draw(into: &counts, replicate: r, seed: 4)
            var scores: [Double] = [], labels: [Bool] = []
            for (code, count) in counts.enumerated() {
                let index = code < positives.count ? positives[code] : negatives[code - positives.count]
                for _ in 0..<count { scores.append(c.baseline[index]); labels.append(c.labels[index]) }
            }
            #expect(abs(replicates.auc[0][r] - ROC.auc(scores: scores, labels: labels)) < 1e-12)
            let d = try EffectSize.cohensD(positive: zip(scores, labels).filter(\.1).map(\.0),
                                           negative: zip(scores, labels).filter { !$0.1 }.map(\.0))
            #expect(abs(replicates.cohensD[0][r] - d) < 1e-9)
        }
    }

    @Test("Percentiles interpolate linearly like numpy")
    func percentiles() {
        let values = [1.0, 2, 3, 4, 5]
        #expect(Bootstrap.percentile(values, 2.5) == 1.1)
        #expect(abs(Bootstrap.percentile(values, 97.5) - 4.9) < 1e-12)
        #expect(Bootstrap.percentileInterval([.nan, .nan]) == nil)
    }
}
