import Foundation
import Metrics

/// Whether the fine-tuned AUCs of two runs really differ.
///
/// Paired when both runs scored the same pairs (equal `data.digest`, and `pairs.jsonl` files whose
/// texts and labels agree line by line): DeLong's test for two correlated AUCs, computed by
/// `Metrics.PairedComparison` on the two fine-tuned score vectors.
///
/// Unpaired otherwise: each AUC's standard error is recovered from its 95% interval
/// (se = half-width / 1.959964, the larger half when the interval was clipped at 0 or 1), and
/// z = (AUC_B - AUC_A) / sqrt(se_A^2 + se_B^2), p = erfc(|z| / sqrt 2). Treating the runs as
/// independent ignores any overlap in their data, so this test is only a rough guide.
enum AUCSignificance: Equatable {
    case paired(deltaAUC: Double, z: Double?, p: Double?, pairs: Int)
    case unpaired(deltaAUC: Double, z: Double, p: Double, reason: String)
    case unavailable(reason: String)

    /// Phi^-1(0.975), the critical value of the 95% intervals in metrics.json.
    static let z975 = 1.959963984540054

    static func between(_ a: RunSummary, _ b: RunSummary, pairsA: PairScores?, pairsB: PairScores?) -> AUCSignificance {
        let reason: String
        if pairsA?.labelled == false || pairsB?.labelled == false {
            return .unavailable(reason: "graded pairs have no labels, so no AUC to compare")
        }
        if let digestA = a.dataDigest, let digestB = b.dataDigest, digestA == digestB {
            if let pairsA, let pairsB, pairsA.scoresSamePairs(as: pairsB) {
                do {
                    let test = try PairedComparison(baseline: pairsA.finetuned, finetuned: pairsB.finetuned,
                                                    labels: pairsA.labels, bootstrapSamples: 0)
                    return .paired(deltaAUC: test.deltaAUC, z: test.delongZ, p: test.delongP, pairs: pairsA.pairs.count)
                } catch {
                    return .unavailable(reason: "DeLong's test is undefined on these pairs (\(error))")
                }
            }
            reason = pairsA == nil || pairsB == nil
                ? "both runs scored the same data, but a run folder has no pairs.jsonl with the scores"
                : "both runs report the same data digest, but their pairs.jsonl files list different pairs"
        } else if a.dataDigest == nil || b.dataDigest == nil {
            reason = "a run does not record the digest of its data, so it cannot be shown that both scored the same pairs"
        } else {
            reason = "the runs scored different data (their data digests differ)"
        }
        return unpaired(a, b, reason: reason)
    }

    static func unpaired(_ a: RunSummary, _ b: RunSummary, reason: String) -> AUCSignificance {
        guard let aucA = a.finetuned.auc, let aucB = b.finetuned.auc,
              let seA = standardError(aucA, a.finetuned.aucInterval),
              let seB = standardError(aucB, b.finetuned.aucInterval) else {
            return .unavailable(reason: reason + "; and an AUC or its interval is missing, so no test is possible")
        }
        let delta = aucB - aucA
        let spread = (seA * seA + seB * seB).squareRoot()
        guard spread > 0 else {
            return delta == 0 ? .unpaired(deltaAUC: 0, z: 0, p: 1, reason: reason)
                : .unavailable(reason: reason + "; and both AUC intervals have zero width")
        }
        let z = delta / spread
        return .unpaired(deltaAUC: delta, z: z, p: erfc(abs(z) / 2.0.squareRoot()), reason: reason)
    }

    static func standardError(_ auc: Double, _ interval: ClosedRange<Double>?) -> Double? {
        guard let interval else { return nil }
        let half = max(auc - interval.lowerBound, interval.upperBound - auc)
        return half >= 0 ? half / z975 : nil
    }

    var kind: String {
        switch self {
        case .paired: return "paired"
        case .unpaired: return "unpaired"
        case .unavailable: return "unavailable"
        }
    }

    var deltaAUC: Double? {
        switch self {
        case let .paired(delta, _, _, _), let .unpaired(delta, _, _, _): return delta
        case .unavailable: return nil
        }
    }

    var z: Double? {
        switch self {
        case let .paired(_, z, _, _): return z
        case let .unpaired(_, z, _, _): return z
        case .unavailable: return nil
        }
    }

    var p: Double? {
        switch self {
        case let .paired(_, _, p, _): return p
        case let .unpaired(_, _, p, _): return p
        case .unavailable: return nil
        }
    }

    /// The method, in a sentence fragment: "DeLong's paired test on the same 60 pairs".
    var method: String {
        switch self {
        case let .paired(_, _, _, pairs):
            return "DeLong's paired test on the same \(pairs) pairs"
        case .unpaired:
            return "an unpaired z-test from the two AUC intervals"
        case .unavailable:
            return "no test"
        }
    }

    /// The plain-language reading at the 5% level.
    var verdict: String {
        guard let p else {
            if case let .unavailable(reason) = self { return "No significance test: \(reason)." }
            return "DeLong's test is undefined here (a class has fewer than two pairs)."
        }
        let real = p < 0.05
        switch self {
        case .paired:
            return real ? "The difference is real: chance alone rarely gives a gap this large on the same pairs (p < 0.05)."
                : "The difference is within what chance gives on the same pairs (p >= 0.05): not shown to be real."
        default:
            return real ? "The difference looks real (p < 0.05), but the runs are compared unpaired, so treat it as a rough guide."
                : "The difference is within what chance gives (p >= 0.05), compared unpaired."
        }
    }
}
