import Foundation

/// The comparisons of run pairs that the index embeds for its in-browser diff, computed here once
/// with the same code as the diff page (`RunComparison`), so both show the same numbers.
///
/// Every pair of runs is precomputed while that is cheap (up to `pairLimit` pairs, i.e. 50 runs).
/// Beyond that, the pairs among the `pairLimit`-budget most recent runs and each run with the one
/// before it are embedded; for the rest the page shows the metric deltas and says that the test
/// is on the diff page. Paired tests read each run's `pairs.jsonl` once.
/// - Complexity: O(P n log n) for P embedded same-data pairs of n scored pairs each.
struct SiteComparisons {
    struct Test {
        var significance: AUCSignificance
        var fixed: Int?
        var broken: Int?
        var compared: Int?
    }

    /// Keyed by "i,j" with i < j, indexes into the runs in time order.
    var tests: [String: Test]
    /// Whether every pair of runs has a test.
    var complete: Bool

    static let pairLimit = 1225

    static func compute(_ runs: [RunSummary]) -> SiteComparisons {
        let pairs = chosenPairs(count: runs.count)
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
        for (i, j) in pairs {
            let a = runs[i], b = runs[j]
            var significance: AUCSignificance
            var changes: VerdictChanges?
            if let digest = a.dataDigest, digest == b.dataDigest {
                let pairsA = pairScores(i), pairsB = pairScores(j)
                if let problem = problems[i] ?? problems[j] {
                    significance = AUCSignificance.unpaired(a, b, reason: "a pairs.jsonl cannot be read (\(problem))")
                } else {
                    significance = AUCSignificance.between(a, b, pairsA: pairsA, pairsB: pairsB)
                    changes = VerdictChanges.between(a, b, pairsA: pairsA, pairsB: pairsB)
                }
            } else {
                significance = AUCSignificance.between(a, b, pairsA: nil, pairsB: nil)
            }
            tests["\(i),\(j)"] = Test(significance: significance, fixed: changes?.fixed, broken: changes?.broken,
                                      compared: changes?.compared)
        }
        return SiteComparisons(tests: tests, complete: pairs.count == runs.count * (runs.count - 1) / 2)
    }

    /// All pairs when there are few runs; otherwise the most recent runs' pairs plus neighbours.
    static func chosenPairs(count: Int) -> [(Int, Int)] {
        guard count >= 2 else { return [] }
        var recent = count
        while recent * (recent - 1) / 2 > pairLimit { recent -= 1 }
        let first = count - recent
        var pairs: [(Int, Int)] = []
        for i in 0..<(first) { pairs.append((i, i + 1)) }
        for i in first..<count {
            for j in (i + 1)..<count { pairs.append((i, j)) }
        }
        return pairs
    }
}
