import Testing
@testable import Charts

@Suite("Golden SVG snapshots")
struct SnapshotTests {
    @Test("ROC chart of two models matches its snapshot")
    func roc() throws {
        try Snapshot.assertMatches(SampleData.rocChart.svg, named: "roc")
    }

    @Test("Before/after distribution chart matches its snapshot")
    func distribution() throws {
        try Snapshot.assertMatches(SampleData.distributionChart.svg, named: "distribution")
    }

    @Test("Stacked distribution chart matches its snapshot")
    func stacked() throws {
        var chart = SampleData.distributionChart
        chart.layout = .stacked
        try Snapshot.assertMatches(chart.svg, named: "distribution-stacked")
    }

    @Test("Overlay of two runs' distributions matches its snapshot")
    func overlay() throws {
        try Snapshot.assertMatches(SampleData.overlayChart.svg, named: "distribution-overlay")
    }

    @Test("Loss curve matches its snapshot")
    func loss() throws {
        try Snapshot.assertMatches(SampleData.lossChart.svg, named: "loss")
    }

    @Test("PCA scatter matches its snapshot")
    func scatter() throws {
        try Snapshot.assertMatches(SampleData.scatterChart.svg, named: "scatter")
    }

    @Test("Trend chart across runs matches its snapshot")
    func trend() throws {
        try Snapshot.assertMatches(SampleData.trendChart.svg, named: "trend")
    }
}
