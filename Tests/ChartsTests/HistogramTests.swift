import Testing
@testable import Charts

@Suite("Histogram bins and densities")
struct HistogramTests {
    @Test("Values land in half-open bins, out-of-range values in the end bins, NaN dropped")
    func binning() {
        let histogram = Histogram(values: [-2, -1, -0.5, 0, 0.49, 0.5, 1, 3, .nan], bins: 4, range: -1...1)
        #expect(histogram.edges == [-1, -0.5, 0, 0.5, 1])
        #expect(histogram.counts == [2, 1, 2, 3])
    }

    @Test("Densities integrate to one, so classes of different sizes compare")
    func densities() {
        let histogram = Histogram(edges: [0, 0.5, 1.5], counts: [1, 3])
        let area = zip(histogram.densities, [0.5, 1.0]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(area - 1) < 1e-12)
        #expect(histogram.approximateMean == (0.25 + 3 * 1.0) / 4)
    }

    @Test("Malformed bins are not drawn and count as empty", arguments: [
        Histogram(edges: [0, 1], counts: [1, 2]),
        Histogram(edges: [0, 1, 1], counts: [1, 2]),
        Histogram(edges: [0, .nan, 1], counts: [1, 2]),
        Histogram(edges: [0, 0.5, 1], counts: [1, -2]),
        Histogram(edges: [], counts: []),
    ])
    func malformed(_ histogram: Histogram) {
        #expect(!histogram.isValid)
        #expect(histogram.total == 0)
        let chart = DistributionChart(title: "t", panels: [DistributionPanel(title: "p", positive: histogram, negative: histogram, threshold: 0.5)])
        #expect(!chart.svg.contains("tl-area"))
        #expect(chart.summary.contains("n = 0"))
    }

    @Test("Every value equal gives one drawable bin around it")
    func constant() {
        let histogram = Histogram(values: [0.7, 0.7, 0.7], bins: 10, range: 0.7...0.7)
        #expect(histogram.isValid)
        #expect(histogram.total == 3)
        let chart = DistributionChart(title: "t", panels: [DistributionPanel(title: "", positive: histogram, negative: histogram, threshold: nil)])
        #expect(chart.svg.contains("tl-area"))
    }
}
