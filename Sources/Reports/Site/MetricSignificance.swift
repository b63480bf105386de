import Foundation
import Metrics

/// The test behind each number of a diff's metric table, and the one rule that colours a delta.
///
/// - Both runs scored the same pairs (`AUCSignificance.paired`): for the fine-tuned model, and for
///   the baseline when its scores differ between the runs, `Metrics.PairedMeasureTests` on the two
///   runs' per-pair scores: AUC (DeLong), accuracy at each run's threshold and recall (McNemar),
///   accuracy at a cross-fitted threshold (McNemar on the out-of-fold calls, each run's seed),
///   margin (Welch's t on per-pair differences by class) and Cohen's d (paired bootstrap). A test
///   counts only when it reproduces both runs' numbers in metrics.json (to 1e-9), so the p-value
///   is about the values the row shows. With gold similarity scores in both runs' pairs.jsonl,
///   the STS Spearman rows take Williams' test (gold, A, B) on the same items (`Metrics.WilliamsTest`).
/// - Both runs ranked the same queries: the fine-tuned nDCG@10 and recall@10 rows take the paired
///   t-test over queries of `SearchComparison`.
/// - Otherwise the fine-tuned AUC alone has a test, `AUCSignificance`'s unpaired z-test.
/// Holm's correction runs across every test of the table (REFERENCE.md, "Paired tests"); a delta is
/// coloured `better` or `worse` only when its adjusted p is below 0.05 and it does not round to
/// zero at the row's precision. A metric without a test is never coloured. The index embeds these
/// results (`SiteComparisons`), so its in-browser diff colours the same cells as the diff page.
struct MetricSignificance: Equatable {
    struct Test: Equatable {
        var p: Double
        var adjustedP: Double
        /// The test's name for the table: "DeLong", "McNemar", "Welch t", "paired bootstrap", "paired t".
        var method: String
    }

    /// By metric key (`models.finetuned.pair_classification.auc`, ...).
    var tests: [String: Test]

    static let alpha = 0.05
    static let none = MetricSignificance(tests: [:])

    /// Collects the raw tests of the table and adjusts them together.
    static func between(_ a: RunSummary, _ b: RunSummary, pairsA: PairScores?, pairsB: PairScores?,
                        auc: AUCSignificance, search: SearchComparison?) -> MetricSignificance {
        var raw: [(key: String, p: Double, method: String)] = []
        if case .paired = auc, let pairsA, let pairsB {
            raw += pairTests(a, b, role: "finetuned", pairsA.pairs.map(\.finetuned), pairsB.pairs.map(\.finetuned), labels: pairsA.labels)
            raw += pairTests(a, b, role: "baseline", pairsA.pairs.map(\.baseline), pairsB.pairs.map(\.baseline), labels: pairsA.labels)
        } else if case let .unpaired(_, _, p, _) = auc {
            raw.append(("models.finetuned.pair_classification.auc", p, "unpaired z"))
        }
        // Graded pairs (labelled or not): Williams' test when both runs scored the same pairs against the same gold scores.
        if let pairsA, let pairsB, a.dataDigest != nil, a.dataDigest == b.dataDigest, pairsA.scoresSamePairs(as: pairsB),
           let gold = pairsA.gold, pairsB.gold == gold {
            raw += spearmanTest(a, b, role: "finetuned", gold: gold, pairsA.pairs.map(\.finetuned), pairsB.pairs.map(\.finetuned))
            raw += spearmanTest(a, b, role: "baseline", gold: gold, pairsA.pairs.map(\.baseline), pairsB.pairs.map(\.baseline))
        }
        for test in search?.tests ?? [] {
            guard let p = test.test.tTestP else { continue }
            raw.append(("models.finetuned.retrieval.\(test.key)", p, "paired t"))
        }
        raw.sort { $0.key < $1.key }
        let adjusted = Holm.adjusted(raw.map(\.p))
        var tests: [String: Test] = [:]
        for (entry, adjustedP) in zip(raw, adjusted) {
            tests[entry.key] = Test(p: entry.p, adjustedP: adjustedP ?? 1, method: entry.method)
        }
        return MetricSignificance(tests: tests)
    }

    /// The tests of one model role; none when its scores are the same in both runs (nothing to test).
    private static func pairTests(_ a: RunSummary, _ b: RunSummary, role: String, _ scoresA: [Double], _ scoresB: [Double],
                                  labels: [Bool]) -> [(key: String, p: Double, method: String)] {
        let base = "models.\(role).pair_classification"
        guard scoresA != scoresB, let thresholdA = a.document.number("\(base).threshold") ?? a.threshold,
              let thresholdB = b.document.number("\(base).threshold") ?? b.threshold else { return [] }
        let folds = Int(a.document.number("\(base).cross_fitted_folds") ?? 5)
        let seedA = a.document.number("run.seed").flatMap(UInt64.init(exactly:)) ?? 42
        let seedB = b.document.number("run.seed").flatMap(UInt64.init(exactly:)) ?? 42
        guard let measured = try? PairedMeasureTests(labels: labels, a: scoresA, b: scoresB, thresholdA: thresholdA,
                                                     thresholdB: thresholdB, folds: max(folds, 2), seedA: seedA, seedB: seedB)
        else { return [] }
        let rows: [(String, PairedMeasureTests.Result?)] = [
            ("auc", measured.auc), ("accuracy", measured.accuracy), ("recall", measured.recall),
            ("cross_fitted_accuracy", measured.crossFittedAccuracy), ("margin", measured.margin), ("cohens_d", measured.cohensD),
        ]
        return rows.compactMap { name, result in
            let key = "\(base).\(name)"
            guard let result, let p = result.p,
                  let valueA = a.document.number(key), let valueB = b.document.number(key),
                  abs(valueA - result.a) <= 1e-9, abs(valueB - result.b) <= 1e-9 else { return nil }
            return (key, p, result.method.rawValue)
        }
    }

    /// Williams' test of rho(gold, B) - rho(gold, A) for one model role, when its scores differ
    /// and the two rhos are the ones the runs report.
    private static func spearmanTest(_ a: RunSummary, _ b: RunSummary, role: String, gold: [Double], _ scoresA: [Double],
                                     _ scoresB: [Double]) -> [(key: String, p: Double, method: String)] {
        let key = "models.\(role).sts.spearman"
        guard scoresA != scoresB, let test = try? WilliamsTest(gold: gold, baseline: scoresA, finetuned: scoresB, bootstrapSamples: 0),
              let p = test.p, let valueA = a.document.number(key), let valueB = b.document.number(key),
              abs(valueA - test.baselineRho) <= 1e-9, abs(valueB - test.finetunedRho) <= 1e-9 else { return [] }
        return [(key, p, "Williams")]
    }

    /// "better", "worse" or "" for a row: coloured only when tested, adjusted p < 0.05, and the
    /// delta does not round to zero at `digits`.
    func change(key: String, delta: Double?, direction: MetricCatalog.Direction, digits: Int) -> String {
        guard let test = tests[key], test.adjustedP < Self.alpha, let delta,
              abs(delta) >= 0.5 * pow(10, -Double(digits)), direction != .neutral else { return "" }
        return (delta > 0) == (direction == .higher) ? "better" : "worse"
    }

    /// How the page decided, in one sentence.
    var rule: String {
        let count = tests.count
        guard count > 0 else {
            return "No metric here has a test between these runs (they did not score the same items, or their scores are "
                + "the same), so no difference is coloured."
        }
        return "A difference is coloured (green: B better, red: B worse) only when a test says it is real: "
            + "\(count) metric\(count == 1 ? " has" : "s have") a test (named in the last column), and their p-values are "
            + "corrected together with Holm's method; a cell is coloured when the corrected p is below 0.05. "
            + "Metrics without a test are never coloured."
    }
}
