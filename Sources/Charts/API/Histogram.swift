/// Precomputed histogram bins: `counts[i]` values fell in `[edges[i], edges[i + 1])`.
///
/// Charts take bins rather than raw values so that a million similarities are summarised once, by
/// the caller, and the chart stays small.
public struct Histogram: Sendable, Equatable {
    /// Ascending bin edges, one more than `counts`.
    public var edges: [Double]
    public var counts: [Int]

    public init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }

    /// Bins `values` into `bins` equal-width bins over `range`; values outside it go to the
    /// nearest end bin, non-finite values are dropped. A range of zero width (every value equal)
    /// or a non-finite range gives one bin of width 1 centred on its lower bound.
    public init(values: [Double], bins: Int, range: ClosedRange<Double>) {
        let bins = max(bins, 1)
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        guard width > 0, width.isFinite else {
            let centre = range.lowerBound.isFinite ? range.lowerBound : 0
            edges = [centre - 0.5, centre + 0.5]
            counts = [values.filter(\.isFinite).count]
            return
        }
        edges = (0...bins).map { range.lowerBound + Double($0) * width }
        counts = [Int](repeating: 0, count: bins)
        for value in values where value.isFinite {
            let index = Int(((value - range.lowerBound) / width).rounded(.down))
            counts[min(max(index, 0), bins - 1)] += 1
        }
    }

    /// Whether the bins can be drawn: matching lengths, finite ascending edges, no negative count.
    var isValid: Bool {
        guard edges.count == counts.count + 1, !counts.isEmpty else { return false }
        guard edges.allSatisfy(\.isFinite), counts.allSatisfy({ $0 >= 0 }) else { return false }
        return zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }
    }

    var total: Int { isValid ? counts.reduce(0, +) : 0 }

    /// Density of each bin, count / (total × width), so histograms of different sizes compare.
    var densities: [Double] {
        let total = Double(self.total)
        guard total > 0 else { return counts.map { _ in 0 } }
        return counts.indices.map { Double(counts[$0]) / (total * (edges[$0 + 1] - edges[$0])) }
    }

    /// Indices of the first and last non-empty bins, so plots skip long empty tails.
    var occupiedBins: ClosedRange<Int>? {
        guard isValid, let first = counts.firstIndex(where: { $0 > 0 }),
              let last = counts.lastIndex(where: { $0 > 0 }) else { return nil }
        return first...last
    }

    /// The mean estimated from bin centres.
    var approximateMean: Double? {
        let total = self.total
        guard total > 0 else { return nil }
        var sum = 0.0
        for index in counts.indices {
            sum += Double(counts[index]) * (edges[index] + edges[index + 1]) / 2
        }
        return sum / Double(total)
    }
}
