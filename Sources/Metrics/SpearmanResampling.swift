/// Spearman's rho of a bootstrap resample, from the draw's multiplicities, without sorting again.
///
/// Each variable is sorted once. In a resample where item i appears c_i times, a tie group g of
/// equal values holds C_g = sum c_i draws, all with the midrank below_g + (C_g + 1) / 2, exactly
/// what `scipy.stats.rankdata` gives the materialised resample (duplicated items are ties). Rho is
/// then Pearson's r of the ranks weighted by c_i; the mean rank of n draws is (n + 1) / 2 exactly.
/// - Complexity: O(n log n) once per variable, then O(n) per replicate.
struct SpearmanResampling {
    private let order: [Int]
    /// Whether sorted position k closes a group of tied values.
    private let closesGroup: [Bool]

    init(_ values: [Double]) {
        order = Ranks.ascendingOrder(values)
        var closes = [Bool](repeating: true, count: values.count)
        for k in 0..<max(values.count - 1, 0) where values[order[k]] == values[order[k + 1]] {
            closes[k] = false
        }
        closesGroup = closes
    }

    /// Midranks of each item in the resample with multiplicities `counts` (undefined where c_i = 0).
    func ranks(_ counts: [Int], into ranks: inout [Double]) {
        var below = 0, groupStart = 0, groupDraws = 0
        for k in order.indices {
            groupDraws += counts[order[k]]
            if closesGroup[k] {
                let rank = Double(below) + Double(groupDraws + 1) / 2
                for g in groupStart...k { ranks[order[g]] = rank }
                below += groupDraws
                groupDraws = 0
                groupStart = k + 1
            }
        }
    }

    /// Pearson's r of two rank vectors weighted by `counts`; NaN when either is constant.
    static func weightedRankCorrelation(_ x: [Double], _ y: [Double], counts: [Int]) -> Double {
        let n = counts.reduce(0, +)
        let mean = Double(n + 1) / 2
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in counts.indices where counts[i] != 0 {
            let c = Double(counts[i]), dx = x[i] - mean, dy = y[i] - mean
            sxy += c * dx * dy
            sxx += c * dx * dx
            syy += c * dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return max(-1, min(1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }
}
