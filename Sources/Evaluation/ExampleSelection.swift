import Foundation
import Metrics

/// Picks the pairs the report shows: the baseline's worst mistakes and what the fine-tuned model
/// still gets wrong, with the shared words `LexicalOverlap` found and each pair's verdict change.
struct ExampleSelection {
    let baselineFailures: [FailureExample]
    let remainingErrors: RemainingErrors

    init(pairs: [ScoredPair], lexical: LexicalOverlap, verdicts: [PairVerdict], threshold: Double, perKind: Int) {
        func example(_ pair: ScoredPair, _ kind: FailureExample.Kind) -> FailureExample {
            FailureExample(pair: pair, kind: kind, sharedWords: lexical.pairs[pair.index].shared,
                           change: VerdictChange(verdicts[pair.index]))
        }
        // Highest-scored negatives and lowest-scored positives under the baseline; ties by data order.
        let negatives = pairs.lazy.filter { !$0.label }.first(perKind) { ($0.baseline, -$0.index) > ($1.baseline, -$1.index) }
        let positives = pairs.lazy.filter(\.label).first(perKind) { ($0.baseline, $0.index) < ($1.baseline, $1.index) }
        baselineFailures = negatives.map { example($0, .highNegative) } + positives.map { example($0, .lowPositive) }

        // The fine-tuned model's mistakes at the threshold, worst (farthest past it) first.
        let wrong = pairs.filter { ($0.finetuned >= threshold) != $0.label }
        let falsePositives = wrong.filter { !$0.label }.count
        let worst = wrong.first(perKind) { (abs($0.finetuned - threshold), -$0.index) > (abs($1.finetuned - threshold), -$1.index) }
        let lowInformation = LowInformationText(pairs: pairs)
        let lowWrong = wrong.filter { lowInformation.either($0) }.count
        let lowAll = pairs.filter { lowInformation.either($0) }.count
        remainingErrors = RemainingErrors(
            falsePositives: falsePositives, falseNegatives: wrong.count - falsePositives,
            examples: worst.map { example($0, $0.label ? .lowPositive : .highNegative) },
            lowInformation: lowWrong,
            lowInformationShareOverall: pairs.isEmpty ? 0 : Double(lowAll) / Double(pairs.count))
    }
}

extension VerdictChange {
    init(_ verdict: PairVerdict) {
        switch verdict {
        case .fixed: self = .fixed
        case .broken: self = .broken
        case .stillWrong: self = .stillWrong
        case .stillRight: self = .stillRight
        }
    }
}

/// Texts that carry little information: a handful of content words, or a generic line that many
/// pairs of the data repeat (the "I value honesty" kind of profile text).
///
/// Rule: fewer than `minimumContentWords` content words (`LexicalOverlap.contentWords`: stopwords
/// dropped), or the same text used in at least `repeatedAtLeast` pairs and at least 0.5% of them.
struct LowInformationText {
    static let minimumContentWords = 4
    static let repeatedAtLeast = 3

    private var low: Set<String> = []

    init(pairs: [ScoredPair]) {
        var uses: [String: Int] = [:]
        for pair in pairs {
            uses[pair.textA, default: 0] += 1
            if pair.textB != pair.textA { uses[pair.textB, default: 0] += 1 }
        }
        let repeated = max(Self.repeatedAtLeast, Int((Double(pairs.count) * 0.005).rounded(.up)))
        for (text, count) in uses {
            if count >= repeated || Set(LexicalOverlap.contentWords(text)).count < Self.minimumContentWords {
                low.insert(text)
            }
        }
    }

    func either(_ pair: ScoredPair) -> Bool {
        low.contains(pair.textA) || low.contains(pair.textB)
    }
}

extension Sequence {
    /// The first `k` elements of `sorted(by: precedes)` (for a strict total order), found in one pass
    /// without sorting the rest.
    /// - Complexity: O(n k).
    func first(_ k: Int, by precedes: (Element, Element) -> Bool) -> [Element] {
        var kept: [Element] = []
        guard k > 0 else { return kept }
        for element in self where kept.count < k || precedes(element, kept[kept.count - 1]) {
            let position = kept.firstIndex { precedes(element, $0) } ?? kept.count
            kept.insert(element, at: position)
            if kept.count > k { kept.removeLast() }
        }
        return kept
    }
}
