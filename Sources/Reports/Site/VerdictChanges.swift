import Foundation

/// The pairs whose verdict at the threshold differs between two runs that scored the same pairs.
///
/// Each run judges a pair positive when its fine-tuned similarity is at least that run's own
/// threshold (metrics.json `config.threshold`). A change of verdict is a change of correctness,
/// since the label is the same: "fixed" when run B is right and run A was wrong, "broken" when
/// the reverse.
struct VerdictChanges {
    struct Change {
        var index: Int
        var textA: String
        var textB: String
        var label: Int
        var scoreA: Double
        var scoreB: Double
        var fixed: Bool
    }

    var changes: [Change]
    var compared: Int

    var fixed: Int { changes.filter(\.fixed).count }
    var broken: Int { changes.count - fixed }

    /// `nil` when the runs did not score the same pairs or a threshold is unknown.
    static func between(_ a: RunSummary, _ b: RunSummary, pairsA: PairScores?, pairsB: PairScores?) -> VerdictChanges? {
        guard let pairsA, let pairsB, pairsA.labelled, pairsB.labelled, a.dataDigest != nil, a.dataDigest == b.dataDigest,
              pairsA.scoresSamePairs(as: pairsB),
              let thresholdA = a.threshold, let thresholdB = b.threshold else { return nil }
        var changes: [Change] = []
        for (pairA, pairB) in zip(pairsA.pairs, pairsB.pairs) {
            let saysA = pairA.finetuned >= thresholdA
            let saysB = pairB.finetuned >= thresholdB
            guard saysA != saysB else { continue }
            changes.append(Change(index: pairA.index, textA: pairA.textA, textB: pairA.textB, label: pairA.label,
                                  scoreA: pairA.finetuned, scoreB: pairB.finetuned, fixed: saysB == (pairA.label == 1)))
        }
        return VerdictChanges(changes: changes, compared: pairsA.pairs.count)
    }
}
