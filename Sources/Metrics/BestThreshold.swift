/// The best accuracy and its threshold, chosen on the evaluation pairs themselves (optimistic).
public struct BestAccuracy: Codable, Equatable, Sendable {
    public var accuracy: Double
    public var threshold: Double
}

/// The best F1 with its precision, recall and threshold, chosen on the evaluation pairs (optimistic).
public struct BestF1: Codable, Equatable, Sendable {
    public var f1: Double
    public var precision: Double
    public var recall: Double
    public var threshold: Double
}

/// The threshold searches of sentence-transformers' `BinaryClassificationEvaluator`
/// (`find_best_acc_and_threshold`, `find_best_f1_and_threshold`, v6.2), reproduced exactly so
/// the numbers match what a user sees there. Scores are sorted descending, each group of tied
/// scores is one cut, and the threshold is the midpoint to the next lower score (or the score
/// itself when the midpoint rounds onto the next score, or at the last cut).
///
/// They pick the cut on the same pairs they score, so they flatter the model (the complaint in
/// sentence-transformers issue #755); `HonestThreshold` gives the number to trust.
enum BestThreshold {
    /// Scores and labels sorted by descending score (ties keep input order, as Python's stable sort).
    private static func descending(_ scores: [Double], _ labels: [Bool]) -> [(score: Double, label: Bool)] {
        let order = Array(scores.indices).sorted { a, b in
            scores[a] > scores[b] || (scores[a] == scores[b] && a < b)
        }
        return order.map { (scores[$0], labels[$0]) }
    }

    /// Starts from "everything negative" (threshold just above the top score) and keeps the first
    /// cut with strictly higher accuracy.
    static func accuracy(scores: [Double], labels: [Bool]) -> BestAccuracy {
        let rows = descending(scores, labels)
        guard let top = rows.first else { return BestAccuracy(accuracy: 0, threshold: -1) }
        var remainingNegatives = labels.reduce(0) { $0 + ($1 ? 0 : 1) }
        var positivesSoFar = 0
        let count = Double(rows.count)
        var best = BestAccuracy(accuracy: Double(remainingNegatives) / count, threshold: top.score.nextUp)
        for i in rows.indices {
            if rows[i].label { positivesSoFar += 1 } else { remainingNegatives -= 1 }
            let isLast = i == rows.count - 1
            if !isLast && rows[i].score == rows[i + 1].score { continue }
            let accuracy = Double(positivesSoFar + remainingNegatives) / count
            if accuracy > best.accuracy {
                best.accuracy = accuracy
                best.threshold = cut(rows, i, isLast)
            }
        }
        return best
    }

    /// Keeps the first cut with strictly higher F1; all zeros (threshold 0) when no positive is found.
    static func f1(scores: [Double], labels: [Bool]) -> BestF1 {
        let rows = descending(scores, labels)
        let totalPositives = Double(labels.reduce(0) { $0 + ($1 ? 1 : 0) })
        var best = BestF1(f1: 0, precision: 0, recall: 0, threshold: 0)
        var extracted = 0, correct = 0
        for i in rows.indices {
            extracted += 1
            if rows[i].label { correct += 1 }
            let isLast = i == rows.count - 1
            if !isLast && rows[i].score == rows[i + 1].score { continue }
            guard correct > 0 else { continue }
            let precision = Double(correct) / Double(extracted)
            let recall = Double(correct) / totalPositives
            let f1 = 2 * precision * recall / (precision + recall)
            if f1 > best.f1 {
                best = BestF1(f1: f1, precision: precision, recall: recall, threshold: cut(rows, i, isLast))
            }
        }
        return best
    }

    private static func cut(_ rows: [(score: Double, label: Bool)], _ i: Int, _ isLast: Bool) -> Double {
        if isLast { return rows[i].score }
        let midpoint = (rows[i].score + rows[i + 1].score) / 2
        return midpoint == rows[i + 1].score ? rows[i].score : midpoint
    }
}
