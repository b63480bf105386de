import Foundation

/// McNemar's exact test for two classifiers judged on the same items (McNemar 1947; the exact,
/// binomial form recommended by Fagerland, Lydersen & Laake 2013): only the discordant items count,
/// b = right under A only, c = right under B only; under the null each is a fair coin, so
///   p = min(1, 2 P(X <= min(b, c))),  X ~ Binomial(b + c, 1/2),
/// which is `scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue`. No discordant item gives p = 1.
public enum McNemar {
    /// The two-sided exact p-value from the discordant counts.
    /// - Complexity: O(min(b, c)), summed in log space so n in the millions does not underflow.
    public static func exactP(onlyA b: Int, onlyB c: Int) -> Double {
        precondition(b >= 0 && c >= 0, "discordant counts cannot be negative")
        let n = b + c, k = min(b, c)
        guard n > 0, 2 * k < n else { return 1 }
        let logHalfPower = Double(n) * log(0.5)
        // log C(n, i) = -log(n + 1) - log B(n - i + 1, i + 1), with the accurate log-beta.
        let logTerms = (0...k).map { (i: Int) -> Double in
            -log(Double(n + 1)) - IncompleteBeta.logBeta(Double(n - i + 1), Double(i + 1)) + logHalfPower
        }
        let top = logTerms.max()!
        let tail = exp(top) * logTerms.reduce(0) { $0 + exp($1 - top) }
        return min(1, 2 * tail)
    }

    /// The test on two classifiers' calls: `rightA[i]` and `rightB[i]` say whether each got item i right.
    public static func exactP(rightA: [Bool], rightB: [Bool]) -> Double {
        precondition(rightA.count == rightB.count, "both classifiers must judge the same items")
        var b = 0, c = 0
        for (x, y) in zip(rightA, rightB) where x != y {
            if x { b += 1 } else { c += 1 }
        }
        return exactP(onlyA: b, onlyB: c)
    }
}
