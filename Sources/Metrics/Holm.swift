/// Holm's step-down correction for testing several measures at once (Holm 1979, "A simple
/// sequentially rejective multiple test procedure"; `statsmodels.stats.multitest.multipletests`
/// with `method="holm"`).
///
/// With the m defined p-values sorted ascending, p_(1) <= ... <= p_(m):
///   adjusted p_(i) = max over j <= i of min(1, (m - j + 1) p_(j)),
/// which controls the family-wise error rate; "significant" means adjusted p < alpha.
public enum Holm {
    /// Adjusted p-values in the input order. A nil p-value (a test that was undefined) stays nil
    /// and does not count in m. Tied p-values get the same adjusted value, whatever their order.
    /// - Complexity: O(m log m).
    public static func adjusted(_ pValues: [Double?]) -> [Double?] {
        for case let p? in pValues {
            precondition((0...1).contains(p), "a p-value must lie in [0, 1], got \(p)")
        }
        let defined = pValues.indices.filter { pValues[$0] != nil }
            .sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
        let m = defined.count
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        var running = 0.0
        for (j, index) in defined.enumerated() {
            running = max(running, min(1, Double(m - j) * pValues[index]!))
            adjusted[index] = running
        }
        return adjusted
    }
}
