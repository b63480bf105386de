import Foundation

/// The comparisons of run pairs that the index embeds for its in-browser diff, computed here once
/// with the same code as the diff page (`AUCSignificance`, `MetricSignificance`, `VerdictChanges`),
/// so both show the same numbers and colour the same cells: the browser computes no test.
///
/// Every pair of runs is precomputed while that is cheap. With many runs, pairs are taken in order
/// of interest (each run with the one before it, then pairs among the most recent runs) until
/// `pairLimit` pairs or `workBudget` scored pairs of paired tests (DeLong sorts each pair's scores);
/// for any other pair the page shows the metric deltas and says that `tunelens diff` has the test.
/// Each run's `pairs.jsonl` is read at most once.
/// - Complexity: O(P n log n) for P embedded same-data pairs of n scored pairs each, P n bounded
///   by `workBudget`.
struct SiteComparisons {
    struct Test {
        var significance: AUCSignificance
        /// The test of each metric row, Holm-adjusted across the table.
        var metricTests: MetricSignificance = .none
        var fixed: Int? = nil
        var broken: Int? = nil
        var compared: Int? = nil
    }

    /// Keyed by "i,j" with i < j, indexes into the runs in time order.
    var tests: [String: Test]
    /// Whether every pair of runs has a test.
    var complete: Bool

    static let pairLimit = 1225
    /// 400,000 scored pairs: about 270 paired tests on 1,469 pairs each.
    static let workBudget = 400_000

    static func compute(_ runs: [RunSummary]) -> SiteComparisons {
        var scores: [Int: PairScores?] = [:]
        var problems: [Int: String] = [:]
        func pairScores(_ index: Int) -> PairScores? {
            if let cached = scores[index] { return cached }
            var loaded: PairScores?
            do {
                loaded = try PairScores.load(directory: runs[index].directory)
            } catch {
                problems[index] = "\(error)"
            }
            scores[index] = loaded
            return loaded
        }
        var tests: [String: Test] = [:]
        var work = 0
        for (i, j) in candidatePairs(count: runs.count) {
            guard tests.count < pairLimit else { break }
            let key = "\(i),\(j)"
            guard tests[key] == nil else { continue }
            let a = runs[i], b = runs[j]
            guard let digest = a.dataDigest, digest == b.dataDigest else {
                let significance = AUCSignificance.between(a, b, pairsA: nil, pairsB: nil)
                tests[key] = Test(significance: significance, metricTests: .between(
                    a, b, pairsA: nil, pairsB: nil, auc: significance, search: SearchComparison.between(a, b)))
                continue
            }
            let cost = max(a.pairCount ?? 0, 1)
            guard work + cost <= workBudget else { continue }
            work += cost
            let pairsA = pairScores(i), pairsB = pairScores(j)
            if let problem = problems[i] ?? problems[j] {
                let significance = AUCSignificance.unpaired(a, b, reason: "a pairs.jsonl cannot be read (\(problem))")
                tests[key] = Test(significance: significance, metricTests: .between(
                    a, b, pairsA: nil, pairsB: nil, auc: significance, search: SearchComparison.between(a, b)))
                continue
            }
            let changes = VerdictChanges.between(a, b, pairsA: pairsA, pairsB: pairsB)
            let significance = AUCSignificance.between(a, b, pairsA: pairsA, pairsB: pairsB)
            tests[key] = Test(significance: significance,
                              metricTests: .between(a, b, pairsA: pairsA, pairsB: pairsB, auc: significance,
                                                    search: SearchComparison.between(a, b)),
                              fixed: changes?.fixed, broken: changes?.broken, compared: changes?.compared)
        }
        return SiteComparisons(tests: tests, complete: tests.count == runs.count * (runs.count - 1) / 2)
    }

    /// Every pair (i < j), most interesting first: each run with the one before it (newest first),
    /// then every other pair by the recency of its newer run, then of its older run.
    static func candidatePairs(count: Int) -> [(Int, Int)] {
        guard count >= 2 else { return [] }
        var pairs: [(Int, Int)] = (0..<(count - 1)).reversed().map { ($0, $0 + 1) }
        for j in (1..<count).reversed() {
            for i in (0..<(j - 1)).reversed() { pairs.append((i, j)) }
        }
        return pairs
    }
}
