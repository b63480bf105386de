/// DeLong's nonparametric variance of the AUC and its test for two correlated AUCs, in Sun & Xu's
/// fast form (IEEE Signal Processing Letters 21(11), 2014), as `compare_auc_delong_xu.py` in
/// yandexdataschool/roc_comparison.
///
/// With m positives and n negatives and midranks of one model's scores within the positives (Tx),
/// the negatives (Ty) and all pairs (Tz):
///   AUC = sum Tz[pos] / (m n) - (m + 1) / (2 n),
///   V10_i = (Tz_i - Tx_i) / n for positives, V01_j = 1 - (Tz_j - Ty_j) / m for negatives,
///   S = cov(V10) / m + cov(V01) / n  (ddof 1; a 2 x 2 matrix across two models).
enum DeLong {
    /// One model's placement values and AUC.
    struct Placements {
        var auc: Double
        /// V10, one per positive, in input order of the positives.
        var positive: [Double]
        /// V01, one per negative, in input order of the negatives.
        var negative: [Double]
    }

    static func placements(scores: [Double], labels: [Bool]) -> Placements {
        var positives: [Double] = [], negatives: [Double] = []
        for (score, label) in zip(scores, labels) {
            if label { positives.append(score) } else { negatives.append(score) }
        }
        let m = Double(positives.count), n = Double(negatives.count)
        let tx = Ranks.midranks(positives), ty = Ranks.midranks(negatives)
        let tz = Ranks.midranks(positives + negatives)
        var sumPositiveRanks = 0.0
        var v10 = [Double](repeating: 0, count: positives.count)
        for i in positives.indices {
            sumPositiveRanks += tz[i]
            v10[i] = (tz[i] - tx[i]) / n
        }
        var v01 = [Double](repeating: 0, count: negatives.count)
        for j in negatives.indices {
            v01[j] = 1 - (tz[positives.count + j] - ty[j]) / m
        }
        let auc = sumPositiveRanks / m / n - (m + 1) / 2 / n
        return Placements(auc: auc, positive: v10, negative: v01)
    }

    /// Sample covariance with ddof 1 (numpy `np.cov`); nil with fewer than two observations.
    static func covariance(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count >= 2 else { return nil }
        let count = Double(a.count)
        let meanA = a.reduce(0, +) / count, meanB = b.reduce(0, +) / count
        var sum = 0.0
        for i in a.indices { sum += (a[i] - meanA) * (b[i] - meanB) }
        return sum / (count - 1)
    }

    /// DeLong variance of one AUC; nil when a class has fewer than two members (the covariance
    /// of a single placement value is undefined, numpy would give NaN).
    static func variance(_ p: Placements) -> Double? {
        guard let sx = covariance(p.positive, p.positive),
              let sy = covariance(p.negative, p.negative) else { return nil }
        return sx / Double(p.positive.count) + sy / Double(p.negative.count)
    }

    /// Covariance of two models' AUCs on the same pairs.
    static func covariance(_ a: Placements, _ b: Placements) -> Double? {
        guard let sx = covariance(a.positive, b.positive),
              let sy = covariance(a.negative, b.negative) else { return nil }
        return sx / Double(a.positive.count) + sy / Double(a.negative.count)
    }

    /// The 95% normal-approximation interval AUC +- 1.959964 sqrt(var), clipped to [0, 1];
    /// [0, 1] when the variance is undefined (fewer than two pairs in a class).
    static func interval(auc: Double, variance: Double?) -> ClosedInterval {
        guard let variance else { return ClosedInterval(lower: 0, upper: 1) }
        let half = Normal.z975 * max(variance, 0).squareRoot()
        return ClosedInterval(lower: auc - half, upper: auc + half).clipped(to: 0, 1)
    }

    /// z = (AUC_b - AUC_a) / sqrt(S_aa + S_bb - 2 S_ab) and the two-sided p = 2 (1 - Phi(|z|)).
    /// Identical AUCs give z = 0, p = 1 (including identical score vectors, where the reference
    /// code divides 0 by 0); a non-zero difference with zero variance gives p = 0. Nil when a class
    /// has fewer than two pairs and the AUCs differ: the variance is undefined, no test is possible.
    static func test(_ a: Placements, _ b: Placements) -> (z: Double, p: Double)? {
        let difference = b.auc - a.auc
        guard difference != 0 else { return (0, 1) }
        guard let saa = variance(a), let sbb = variance(b), let sab = covariance(a, b) else {
            return nil
        }
        let spread = saa + sbb - 2 * sab
        guard spread > 0 else { return (difference > 0 ? .infinity : -.infinity, 0) }
        let z = difference / spread.squareRoot()
        return (z, Normal.twoSidedP(z))
    }
}
