import Testing
@testable import Metrics

@Suite("Williams' test for two dependent Spearman correlations")
struct WilliamsTestTests {
    @Test("rhos equal scipy.spearmanr, t and p the numpy formula, intervals the Python port of the bootstrap",
          arguments: StatsFixtures.williams.cases)
    func matchesReferences(_ c: StatsFixtures.WilliamsCase) throws {
        let test = try WilliamsTest(gold: c.gold, baseline: c.baseline, finetuned: c.finetuned,
                                    bootstrapSamples: c.bootstrap_samples, seed: c.seed)
        let e = c.expected
        #expect(close(test.baselineRho, e.r12) && close(test.finetunedRho, e.r13) && close(test.modelsRho, e.r23),
                "\(c.name): \(test.baselineRho), \(test.finetunedRho), \(test.modelsRho)")
        #expect(close(test.deltaRho, e.r13 - e.r12))
        #expect(relativeError(try #require(test.t), e.t) <= 1e-9, "\(c.name): t \(String(describing: test.t)) vs \(e.t)")
        #expect(relativeError(try #require(test.p), e.p) <= 1e-9, "\(c.name): p \(String(describing: test.p)) vs \(e.p)")
        #expect(test.degreesOfFreedom == c.gold.count - 3)
        #expect(closeInterval(test.deltaRhoCI95, e.delta_ci), "\(c.name): \(String(describing: test.deltaRhoCI95)) vs \(e.delta_ci)")
        let single = try Correlation.spearmanInterval(c.gold, c.finetuned, samples: c.bootstrap_samples, seed: c.seed)
        #expect(closeInterval(single, e.finetuned_spearman_ci), "\(c.name): \(String(describing: single)) vs \(e.finetuned_spearman_ci)")
    }

    @Test("Swapping the models negates t and keeps p")
    func antisymmetric() throws {
        let c = StatsFixtures.williams.cases[0]
        let forward = try WilliamsTest(gold: c.gold, baseline: c.baseline, finetuned: c.finetuned, bootstrapSamples: 0)
        let backward = try WilliamsTest(gold: c.gold, baseline: c.finetuned, finetuned: c.baseline, bootstrapSamples: 0)
        #expect(close(forward.t!, -backward.t!, 1e-12) && close(forward.p, backward.p, 1e-15))
        #expect(forward.deltaRhoCI95 == nil)
    }

    @Test("Models that rank the items identically: t = 0, p = 1 (the formula itself is 0 / 0)")
    func identicalRankings() throws {
        let gold: [Double] = [1, 2, 3, 4, 5, 6]
        let a: [Double] = [0.1, 0.3, 0.2, 0.5, 0.4, 0.9], b = a.map { $0 * 2 + 1 }
        let test = try WilliamsTest(gold: gold, baseline: a, finetuned: b, bootstrapSamples: 50)
        #expect(test.t == 0 && test.p == 1 && test.deltaRho == 0)
        #expect(test.deltaRhoCI95 == ClosedInterval(lower: 0, upper: 0))
    }

    @Test("Three items leave no degrees of freedom; constant gold or too few items are refused")
    func undefined() throws {
        let test = try WilliamsTest(gold: [1, 2, 3], baseline: [1, 3, 2], finetuned: [2, 1, 3], bootstrapSamples: 0)
        #expect(test.t == nil && test.p == nil)
        #expect(throws: MetricsError.zeroVariance(what: "x")) {
            try WilliamsTest(gold: [2, 2, 2, 2], baseline: [1, 2, 3, 4], finetuned: [4, 3, 2, 1])
        }
        #expect(throws: MetricsError.self) { try WilliamsTest(gold: [1], baseline: [1], finetuned: [1]) }
        #expect(throws: MetricsError.self) { try WilliamsTest(gold: [1, 2], baseline: [1, 2], finetuned: [1]) }
        #expect(WilliamsTest.statistic(r12: 0.5, r13: 0.6, r23: 0.5, n: 3) == nil)
    }

    @Test("Bootstrap replicates of a constant resample are left out, not counted as 0")
    func constantResamplesSkipped() throws {
        // Two items: half the replicates draw one item twice (constant, rho undefined), the rest give 1.
        let interval = try #require(try Correlation.spearmanInterval([1, 2], [1, 2], samples: 200, seed: 1))
        #expect(abs(interval.lower - 1) < 1e-12 && abs(interval.upper - 1) < 1e-12, "\(interval)")
    }
}
