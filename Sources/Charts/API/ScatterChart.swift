/// 2-D points coloured and shaped by class, one or more panels side by side (PCA before | after).
///
/// Thousands of points stay compact: every point of a class is one zero-length subpath of a single
/// path (`M x yh0`) drawn with a round or square line cap, coordinates have one decimal, and above
/// `maxPointsPerPanel` each class keeps an evenly spaced subsample of its points in proportion to
/// its size (deterministic; the description says so).
public struct ScatterChart: SVGChart {
    public var title: String
    public var panels: [ScatterPanel]
    public var xTitle: String
    public var yTitle: String
    public var maxPointsPerPanel: Int
    /// Draw the line y = x over axes that share one range: for "before vs after" plots, where a point
    /// above the line improved.
    public var diagonal: Bool

    public init(title: String, panels: [ScatterPanel], xTitle: String = "PC 1", yTitle: String = "PC 2",
                maxPointsPerPanel: Int = 1500, diagonal: Bool = false) {
        self.title = title
        self.panels = panels
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.maxPointsPerPanel = maxPointsPerPanel
        self.diagonal = diagonal
    }

    static let width = 680.0
    static let plotHeight = 260.0

    /// Points drawn per series of `panel`, after dropping non-finite points and subsampling.
    func drawnPoints(_ panel: ScatterPanel) -> [[ChartPoint]] {
        let finite = panel.series.map { $0.points.filter(\.isFinite) }
        let total = finite.reduce(0) { $0 + $1.count }
        let cap = max(maxPointsPerPanel, 1)
        guard total > cap else { return finite }
        return finite.map { points in
            let keep = max(1, points.count * cap / total)
            guard keep < points.count else { return points }
            // Evenly spaced indices i * n / keep: deterministic and spread over the whole input.
            return (0..<keep).map { points[$0 * points.count / keep] }
        }
    }

    public var summary: String {
        var parts = ["Scatter plot of \(xTitle) against \(yTitle) by class"]
        for panel in panels {
            let drawn = drawnPoints(panel)
            var sentence = panel.title.isEmpty ? "" : "\(panel.title): "
            sentence += zip(panel.series, drawn).map { series, shown in
                let finite = series.points.filter(\.isFinite)
                var text = "\(series.name) \(finite.count) points"
                if let centre = centroid(finite) {
                    text += " centred at (\(SVGNumber.significant(centre.x)), \(SVGNumber.significant(centre.y)))"
                }
                if shown.count < finite.count { text += ", \(shown.count) shown" }
                return text
            }.joined(separator: "; ")
            if zip(panel.series, drawn).contains(where: { $0.points.filter(\.isFinite).count > $1.count }) {
                sentence += " (an evenly spaced subsample is drawn)"
            }
            parts.append(sentence)
        }
        return parts.joined(separator: ". ") + "."
    }

    public var table: ChartTable {
        var rows: [[String]] = []
        for panel in panels {
            for (series, shown) in zip(panel.series, drawnPoints(panel)) {
                let finite = series.points.filter(\.isFinite)
                let centre = centroid(finite)
                rows.append([panel.title, series.name, String(finite.count), String(shown.count),
                             centre.map { SVGNumber.significant($0.x) } ?? "n/a",
                             centre.map { SVGNumber.significant($0.y) } ?? "n/a"])
            }
        }
        return ChartTable(caption: title, header: ["Panel", "Class", "Points", "Drawn", "Mean \(xTitle)", "Mean \(yTitle)"], rows: rows)
    }

    public var svg: String {
        let columns = max(panels.count, 1)
        let cellWidth = ScatterChart.width / Double(columns)
        let hasPanelTitles = panels.contains { !$0.title.isEmpty }
        let top = 34.0 + (hasPanelTitles ? 22 : 4)

        var entries: [Legend.Entry] = []
        var seen: Set<String> = []
        for series in panels.flatMap(\.series) where seen.insert("\(series.name)\u{0}\(series.style.colorIndex)\u{0}\(series.style.dashIndex)").inserted {
            entries.append(Legend.Entry(label: series.name, style: series.style, swatch: .marker))
        }
        let legend = Legend(entries: entries)
        let legendTop = top + ScatterChart.plotHeight + 50
        let height = legendTop + legend.height(width: ScatterChart.width - 70) + 10

        var document = SVGDocument(width: ScatterChart.width, height: height, title: title, summary: summary)
        document.appendTitle()
        var legendLeft = 60.0
        for (index, panel) in panels.enumerated() {
            let drawn = drawnPoints(panel)
            let all = drawn.flatMap { $0 }
            var xScale = NiceScale(minimum: all.map(\.x).min() ?? 0, maximum: all.map(\.x).max() ?? 1, maxTicks: columns > 1 ? 5 : 8)
            var yScale = NiceScale(minimum: all.map(\.y).min() ?? 0, maximum: all.map(\.y).max() ?? 1, maxTicks: 6)
            if diagonal {
                let low = all.flatMap { [$0.x, $0.y] }.min() ?? 0, high = all.flatMap { [$0.x, $0.y] }.max() ?? 1
                xScale = NiceScale(minimum: low, maximum: high, maxTicks: 6)
                yScale = NiceScale(minimum: low, maximum: high, maxTicks: 6)
            }
            let left = Double(index) * cellWidth + PlotArea.leftMargin(for: yScale) + 6
            if index == 0 { legendLeft = left }
            let plot = PlotArea(left: left, top: top, width: Double(index + 1) * cellWidth - left - 14,
                                height: ScatterChart.plotHeight, xScale: xScale, yScale: yScale)
            document.append(render(panel, drawn: drawn, in: plot))
        }
        document.append(legend.render(left: legendLeft, top: legendTop, width: ScatterChart.width - legendLeft - 10))
        return document.render()
    }

    private func render(_ panel: ScatterPanel, drawn: [[ChartPoint]], in plot: PlotArea) -> String {
        let p = SVGNumber.px
        var out = ""
        if !panel.title.isEmpty {
            let room = Int(plot.width / (13 * 0.6))
            out += "<text class=\"tl-panel-title\" x=\"\(p(plot.left))\" y=\"\(p(plot.top - 8))\" font-size=\"13\" font-weight=\"600\">\(XMLText.escape(XMLText.truncate(panel.title, to: room)))</text>\n"
        }
        out += plot.grid() + "\n"
        if diagonal {
            let low = max(plot.xScale.lower, plot.yScale.lower), high = min(plot.xScale.upper, plot.yScale.upper)
            out += "<path class=\"tl-reference\" d=\"M\(p(plot.x(low))) \(p(plot.y(low)))L\(p(plot.x(high))) \(p(plot.y(high)))\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-dasharray=\"4 4\"/>\n"
        }
        for (series, points) in zip(panel.series, drawn) where !points.isEmpty {
            let square = series.style.marker == .square
            var d = ""
            for point in points {
                d += "M\(p(plot.x(point.x))) \(p(plot.y(point.y)))h0"
            }
            out += "<g \(series.style.groupAttributes)><path class=\"tl-points\" d=\"\(d)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.65\" stroke-width=\"\(square ? "4" : "4.5")\" stroke-linecap=\"\(square ? "square" : "round")\"/></g>\n"
        }
        out += plot.axes(xTitle: xTitle, yTitle: yTitle)
        return out
    }

    private func centroid(_ points: [ChartPoint]) -> ChartPoint? {
        guard !points.isEmpty else { return nil }
        let n = Double(points.count)
        return ChartPoint(points.reduce(0) { $0 + $1.x } / n, points.reduce(0) { $0 + $1.y } / n)
    }
}
