import Testing
@testable import Charts

@Suite("User text is escaped, never markup")
struct EscapingTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "a & b 'quoted' </text></svg><svg onload=x>",
        "]]><!-- {{mustache}} **bold**",
    ]

    static func charts(_ name: String) -> [any SVGChart] {
        let histogram = Histogram(edges: [0, 0.5, 1], counts: [3, 4])
        let points = [ChartPoint(0, 0), ChartPoint(0.3, 0.7), ChartPoint(1, 1)]
        return [
            ROCChart(title: name, curves: [ROCCurve(name: name, points: points, auc: 0.8)]),
            DistributionChart(title: name, panels: [
                DistributionPanel(title: name, series: [DistributionSeries(name: name, histogram: histogram, style: .positive)],
                                  markers: [ThresholdMarker(label: name, value: 0.5)]),
            ], xTitle: name, yTitle: name),
            DistributionChart.overlay(title: name, runs: [.init(name: name, positive: histogram, negative: histogram, threshold: 0.4)]),
            LineChart(title: name, series: [LineSeries(name: name, points: points)], xTitle: name, yTitle: name),
            ScatterChart(title: name, panels: [ScatterPanel(title: name, series: [ScatterSeries(name: name, points: points, style: .negative)])],
                         xTitle: name, yTitle: name),
            TrendChart(title: name, categories: [name, name], series: [TrendSeries(name: name, values: [TrendValue(0.5), TrendValue(0.6)])],
                       references: [ReferenceLine(label: name, value: 0.55)], xTitle: name, yTitle: name),
        ]
    }

    @Test("Hostile names in every text slot come out as text in well-formed SVG", arguments: hostile)
    func hostileNames(_ name: String) {
        for chart in EscapingTests.charts(name) {
            let svg = chart.svg
            let inspector = SVGInspector(svg)
            #expect(inspector.isWellFormed, "\(type(of: chart)) is not well-formed XML")
            #expect(!inspector.elements.contains("script"))
            #expect(!inspector.elements.contains("img"))
            #expect(inspector.elements.filter { $0 == "svg" }.count == 1)
            #expect(!inspector.attributes.keys.contains { $0.hasPrefix("on") })
            // The parsed text holds the name (possibly truncated) exactly as the user wrote it.
            #expect(inspector.text.contains(String(name.prefix(15))), "\(type(of: chart)) lost the text")
        }
    }

    @Test("The five XML special characters are replaced")
    func escapeTable() {
        #expect(XMLText.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test("Control characters that XML forbids are dropped, not emitted")
    func controlCharacters() {
        let svg = ROCChart(title: "bell\u{07}name\u{0}", curves: []).svg
        #expect(SVGInspector(svg).isWellFormed)
        #expect(svg.contains("<title>bellname</title>"))
    }

    @Test("Line breaks in names never leave a blank line in the SVG", arguments: ["two\n\nlines", "crlf\r\n\r\nname"])
    func blankLines(_ name: String) {
        for chart in EscapingTests.charts(name) + [ROCChart(title: name, curves: []), LineChart(title: name, series: [])] {
            #expect(!chart.svg.contains("\n\n") && !chart.svg.contains("\r"), "\(type(of: chart))")
        }
    }

    @Test("Long names are shortened in the legend but kept whole in the description and table")
    func longNames() {
        let name = String(repeating: "very-long-run-name-", count: 8)
        let chart = ROCChart(curves: [ROCCurve(name: name, points: [ChartPoint(0, 0), ChartPoint(1, 1)], auc: 0.5)])
        #expect(chart.summary.contains(name))
        #expect(chart.table.rows[0][0] == name)
        #expect(chart.svg.contains("…"))
    }
}
