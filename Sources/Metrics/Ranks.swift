/// Sorting and ranking helpers shared by ROC, DeLong, Spearman and the bootstrap.
public enum Ranks {
    /// Indices of `values` in ascending order; ties keep their input order (stable), so every
    /// ordering in the module is deterministic.
    /// - Complexity: O(n log n).
    static func ascendingOrder(_ values: [Double]) -> [Int] {
        Array(values.indices).sorted { a, b in
            values[a] < values[b] || (values[a] == values[b] && a < b)
        }
    }

    /// Midranks (1-based, ties get the average of the ranks they span), as `scipy.stats.rankdata`
    /// with `method="average"` and Sun & Xu's Algorithm 1 (`compute_midrank` in
    /// yandexdataschool/roc_comparison).
    /// - Complexity: O(n log n).
    public static func midranks(_ values: [Double]) -> [Double] {
        let order = ascendingOrder(values)
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j < order.count && values[order[j]] == values[order[i]] { j += 1 }
            let rank = 0.5 * Double(i + j - 1) + 1
            for k in i..<j { ranks[order[k]] = rank }
            i = j
        }
        return ranks
    }
}
