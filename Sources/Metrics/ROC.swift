/// Ranking metrics of scores against binary labels, matching scikit-learn's
/// `sklearn/metrics/_ranking.py` (`roc_curve`, `roc_auc_score`, `average_precision_score`).
public enum ROC {
    /// The cumulative confusion counts at each distinct score, from the highest score down:
    /// sklearn's `_binary_clf_curve`. Tied scores form one point.
    /// - Complexity: O(n log n).
    static func cumulativeCounts(scores: [Double], labels: [Bool]) -> (fps: [Int], tps: [Int], thresholds: [Double]) {
        let order = Ranks.ascendingOrder(scores).reversed()
        var fps: [Int] = [], tps: [Int] = [], thresholds: [Double] = []
        var tp = 0, fp = 0
        var previous: Double? = nil
        for index in order {
            let score = scores[index]
            if let last = previous, last != score {
                fps.append(fp); tps.append(tp); thresholds.append(last)
            }
            if labels[index] { tp += 1 } else { fp += 1 }
            previous = score
        }
        if let last = previous {
            fps.append(fp); tps.append(tp); thresholds.append(last)
        }
        return (fps, tps, thresholds)
    }

    /// `roc_curve(y, s, drop_intermediate=True)`: keeps only the points where the curve turns
    /// (the second difference of fps or tps is non-zero), then prepends (0, 0) at threshold +inf.
    /// Both classes must be present (the caller validates).
    static func curve(scores: [Double], labels: [Bool]) -> [ROCPoint] {
        var (fps, tps, thresholds) = cumulativeCounts(scores: scores, labels: labels)
        if fps.count > 2 {
            var keep = [0]
            for i in 1..<(fps.count - 1) {
                let dfp = fps[i + 1] - 2 * fps[i] + fps[i - 1]
                let dtp = tps[i + 1] - 2 * tps[i] + tps[i - 1]
                if dfp != 0 || dtp != 0 { keep.append(i) }
            }
            keep.append(fps.count - 1)
            fps = keep.map { fps[$0] }
            tps = keep.map { tps[$0] }
            thresholds = keep.map { thresholds[$0] }
        }
        let negatives = Double(fps.last ?? 0), positives = Double(tps.last ?? 0)
        var points = [ROCPoint(fpr: 0, tpr: 0, threshold: .infinity)]
        for i in fps.indices {
            points.append(ROCPoint(fpr: Double(fps[i]) / negatives, tpr: Double(tps[i]) / positives,
                                   threshold: thresholds[i]))
        }
        return points
    }

    /// ROC AUC with ties counted as one half: the Mann-Whitney statistic
    /// U / (m n), U = sum over positive i, negative j of [s_i > s_j] + 0.5 [s_i = s_j].
    /// Equal to sklearn's trapezoid area under `roc_curve`.
    /// - Complexity: O(n log n).
    public static func auc(scores: [Double], labels: [Bool]) -> Double {
        let order = Ranks.ascendingOrder(scores)
        var negativesBelow = 0.0, u = 0.0, positives = 0.0
        var i = 0
        while i < order.count {
            var j = i, groupPositives = 0.0, groupNegatives = 0.0
            while j < order.count && scores[order[j]] == scores[order[i]] {
                if labels[order[j]] { groupPositives += 1 } else { groupNegatives += 1 }
                j += 1
            }
            u += groupPositives * (negativesBelow + 0.5 * groupNegatives)
            negativesBelow += groupNegatives
            positives += groupPositives
            i = j
        }
        return u / (positives * negativesBelow)
    }

    /// Average precision as `average_precision_score`: sum over distinct thresholds, from the
    /// highest, of (R_n - R_{n-1}) P_n; no interpolation.
    static func averagePrecision(scores: [Double], labels: [Bool]) -> Double {
        let (fps, tps, _) = cumulativeCounts(scores: scores, labels: labels)
        let positives = Double(tps.last ?? 0)
        var previousRecall = 0.0, sum = 0.0
        for i in fps.indices {
            let recall = Double(tps[i]) / positives
            let precision = Double(tps[i]) / Double(tps[i] + fps[i])
            sum += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return sum
    }
}
