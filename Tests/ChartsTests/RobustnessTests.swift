import Foundation
import Testing
@testable import Charts

@Suite("Edge cases never produce NaN, infinities or broken SVG")
struct RobustnessTests {
    /// Named inputs covering empty, single, constant, non-finite, negative and huge data.
    static let cases: [(String, [ChartPoint])] = [
        ("empty", []),
        ("single point", [ChartPoint(0.5, 0.5)]),
        ("all equal", Array(repeating: ChartPoint(0.3, 0.3), count: 5)),
        ("zero everywhere", Array(repeating: ChartPoint(0, 0), count: 3)),
        ("non-finite values", [ChartPoint(.nan, 1), ChartPoint(0.2, .infinity), ChartPoint(0.4, 0.6), ChartPoint(-.infinity, 0)]),
        ("negative values", [ChartPoint(-1, -2.5), ChartPoint(-0.5, -0.0001), ChartPoint(0, 0.8), ChartPoint(1, -0.3)]),
        ("huge values", [ChartPoint(0, 1e300), ChartPoint(1, -1e300)]),
        ("tiny spread", [ChartPoint(1, 0.5), ChartPoint(1 + 1e-14, 0.5 + 1e-15)]),
    ]

    static func charts(_ points: [ChartPoint]) -> [any SVGChart] {
        let values = points.map(\.y)
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 0
        let histogram = Histogram(values: values, bins: 5, range: low...max(high, low))
        return [
            ROCChart(curves: [ROCCurve(name: "m", points: points, auc: points.first?.y)]),
            DistributionChart(title: "d", panels: [
                DistributionPanel(title: "p", positive: histogram, negative: Histogram(edges: [], counts: []), threshold: points.first?.x),
            ]),
            LineChart(title: "l", series: [LineSeries(name: "s", points: points), LineSeries(name: "empty", points: [])]),
            ScatterChart(title: "s", panels: [ScatterPanel(title: "p", series: [ScatterSeries(name: "c", points: points, style: .positive)])]),
            TrendChart(title: "t", categories: points.indices.map { "run \($0)" },
                       series: [TrendSeries(name: "v", values: points.map { TrendValue($0.y, lower: $0.x, upper: $0.y) })],
                       references: [ReferenceLine(label: "r", value: points.first?.x ?? .nan)]),
        ]
    }

    @Test("Every chart renders finite, fixed-point numbers", arguments: cases.map(\.0))
    func noNaN(_ name: String) throws {
        let points = try #require(RobustnessTests.cases.first { $0.0 == name }?.1)
        for chart in RobustnessTests.charts(points) {
            let svg = chart.svg
            let kind = "\(type(of: chart)) with \(name)"
            for bad in ["nan", "NaN", "inf", "Inf"] {
                #expect(!svg.contains(bad), "\(kind) contains \(bad)")
            }
            let inspector = SVGInspector(svg)
            #expect(inspector.isWellFormed, "\(kind) is not well-formed")
            for token in inspector.numbers where token.first?.isNumber == true || token.first == "-" || token.first == "." {
                #expect(Double(token) != nil, "\(kind) has a malformed number \(token)")
                #expect(!token.contains("e") && !token.contains("E"), "\(kind) uses scientific notation: \(token)")
                #expect(token.trimmingCharacters(in: CharacterSet(charactersIn: "-0.")) != "" || !token.hasPrefix("-"),
                        "\(kind) prints negative zero: \(token)")
            }
            #expect(!chart.summary.contains("nan") && !chart.summary.contains("inf"), "\(kind) summary")
        }
    }

    @Test("Identical input gives byte-identical SVG, independently of build order")
    func determinism() {
        let first = GalleryTests.charts.map(\.svg)
        let second = GalleryTests.charts.map(\.svg)
        #expect(first == second)
        let reversed = Array(GalleryTests.charts.reversed()).map(\.svg).reversed()
        #expect(Array(reversed) == first)
    }

    @Test("A ROC chart of two 1,500-point curves stays well under 50 KB")
    func rocSize() {
        let chart = SampleData.rocChart
        #expect(chart.curves.allSatisfy { $0.points.count > 1_400 })
        #expect(chart.svg.utf8.count < 50_000)
    }

    @Test("Ten thousand scatter points are subsampled deterministically, and the description says so")
    func scatterCap() {
        let points = SampleData.cloud(seed: 5, count: 10_000, x: 0, y: 0, sd: 1)
        let chart = ScatterChart(title: "big", panels: [ScatterPanel(title: "", series: [
            ScatterSeries(name: "Positive pairs", points: Array(points[..<8_000]), style: .positive),
            ScatterSeries(name: "Negative pairs", points: Array(points[8_000...]), style: .negative),
        ])], maxPointsPerPanel: 1_000)
        let drawn = chart.drawnPoints(chart.panels[0])
        #expect(drawn.map(\.count) == [800, 200])
        #expect(chart.summary.contains("subsample"))
        #expect(chart.summary.contains("8000 points"))
        #expect(chart.svg.utf8.count < 30_000)
        #expect(chart.svg == chart.svg)
    }

    @Test("A hundred runs keep the trend chart readable: labels thinned, all points drawn")
    func manyRuns() {
        let names = (0..<100).map { "run-\($0)" }
        let chart = TrendChart(title: "t", categories: names,
                               series: [TrendSeries(name: "AUC", values: names.indices.map { TrendValue(0.8 + Double($0 % 7) / 100, lower: 0.78, upper: 0.9) })])
        let svg = chart.svg
        let inspector = SVGInspector(svg)
        // 100 names in about 600 px: diagonal labels on every third run (0, 3, ..., 99).
        #expect(svg.components(separatedBy: "rotate(-40").count - 1 == 34)
        #expect(inspector.text.contains("run-99"))
        #expect(!inspector.text.contains("run-98"))
        // One marker path per point plus the line and the interval bars.
        #expect(inspector.elements.filter { $0 == "path" }.count >= 100)
    }

    @Test("ROC table reads the true positive rate at a false positive rate of 0.1")
    func rocTable() {
        let chart = ROCChart(curves: [ROCCurve(name: "m", falsePositiveRates: [0, 0.05, 0.1, 0.5, 1], truePositiveRates: [0, 0.4, 0.55, 0.9, 1], auc: 0.8123)])
        #expect(chart.table.rows == [["m", "0.812", "0.550", "5"]])
        #expect(chart.svg.contains("m (AUC 0.812)"))
    }
}
