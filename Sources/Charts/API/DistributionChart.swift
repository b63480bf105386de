/// Similarity distributions of positive and negative pairs, one or more panels on shared axes.
///
/// Each histogram is drawn as a density step outline with a light fill, so classes of different
/// sizes compare. Panels share both axes, so "before" and "after" read against the same scale.
/// Thresholds are labelled vertical lines.
public struct DistributionChart: SVGChart {
    public enum Layout: Sendable, Equatable {
        /// Panels in one row (before | after).
        case sideBySide
        /// Panels one above the other.
        case stacked
    }

    /// One run's distributions, for `overlay(title:runs:)`.
    public struct Run: Sendable, Equatable {
        public var name: String
        public var positive: Histogram
        public var negative: Histogram
        public var threshold: Double?

        public init(name: String, positive: Histogram, negative: Histogram, threshold: Double?) {
            self.name = name
            self.positive = positive
            self.negative = negative
            self.threshold = threshold
        }
    }

    public var title: String
    public var panels: [DistributionPanel]
    public var layout: Layout
    public var xTitle: String
    public var yTitle: String

    public init(title: String, panels: [DistributionPanel], layout: Layout = .sideBySide,
                xTitle: String = "Cosine similarity", yTitle: String = "Density") {
        self.title = title
        self.panels = panels
        self.layout = layout
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    /// Two (or more) runs overlaid in one panel, for the diff page: colour tells the class, the
    /// dash pattern tells the run (first run solid, second dashed).
    public static func overlay(title: String, runs: [Run], xTitle: String = "Cosine similarity") -> DistributionChart {
        var series: [DistributionSeries] = []
        var markers: [ThresholdMarker] = []
        for (index, run) in runs.enumerated() {
            series.append(DistributionSeries(name: "\(run.name): positive", histogram: run.positive,
                                             style: SeriesStyle(colorIndex: 0, dashIndex: index)))
            series.append(DistributionSeries(name: "\(run.name): negative", histogram: run.negative,
                                             style: SeriesStyle(colorIndex: 1, dashIndex: index)))
            if let threshold = run.threshold {
                markers.append(ThresholdMarker(label: "\(run.name) threshold", value: threshold,
                                               style: SeriesStyle(colorIndex: 2 + index, dashIndex: index)))
            }
        }
        return DistributionChart(title: title, panels: [DistributionPanel(title: "", series: series, markers: markers)],
                                 xTitle: xTitle)
    }

    static let width = 680.0
    static let plotHeight = 200.0

    public var summary: String {
        var parts = ["Distributions of \(xTitle.lowercased()) by class"]
        for panel in panels {
            var sentence = panel.title.isEmpty ? "" : "\(panel.title): "
            sentence += panel.series.map { series in
                let mean = series.histogram.approximateMean.map { ", mean about \(SVGNumber.format($0, decimals: 2))" } ?? ""
                return "\(series.name) n = \(series.histogram.total)\(mean)"
            }.joined(separator: "; ")
            if !panel.markers.isEmpty {
                sentence += "; " + panel.markers.map { "\($0.label) at \(SVGNumber.format($0.value, decimals: 3))" }.joined(separator: ", ")
            }
            parts.append(sentence)
        }
        return parts.joined(separator: ". ") + "."
    }

    public var table: ChartTable {
        var rows: [[String]] = []
        for panel in panels {
            for series in panel.series {
                let histogram = series.histogram
                rows.append([
                    panel.title, series.name, String(histogram.total),
                    histogram.approximateMean.map { SVGNumber.format($0, decimals: 3) } ?? "n/a",
                    panel.markers.map { SVGNumber.format($0.value, decimals: 3) }.joined(separator: ", "),
                ])
            }
        }
        return ChartTable(caption: title, header: ["Panel", "Series", "Count", "Mean (from bins)", "Threshold"], rows: rows)
    }

    public var svg: String {
        let valid = panels.flatMap { $0.series.map(\.histogram) }.filter(\.isValid)
        var xValues = valid.flatMap { histogram in
            histogram.occupiedBins.map { [histogram.edges[$0.lowerBound], histogram.edges[$0.upperBound + 1]] } ?? []
        }
        xValues += panels.flatMap { $0.markers.map(\.value) }.filter(\.isFinite)
        let xScale = NiceScale(minimum: xValues.min() ?? 0, maximum: xValues.max() ?? 1, maxTicks: layout == .sideBySide && panels.count > 1 ? 5 : 8)
        let peak = valid.flatMap(\.densities).max() ?? 0
        let yScale = NiceScale(minimum: 0, maximum: peak > 0 ? peak * 1.12 : 1, maxTicks: 6)

        let columns = layout == .sideBySide ? max(panels.count, 1) : 1
        let rows = layout == .sideBySide ? 1 : max(panels.count, 1)
        let cellWidth = DistributionChart.width / Double(columns)
        let leftMargin = PlotArea.leftMargin(for: yScale) + 6
        let hasPanelTitles = panels.contains { !$0.title.isEmpty }
        let cellHeight = (hasPanelTitles ? 22 : 4) + DistributionChart.plotHeight + 50
        let top = 34.0

        var entries: [Legend.Entry] = []
        var seen: Set<String> = []
        for series in panels.flatMap(\.series) where seen.insert("\(series.name)\u{0}\(series.style.colorIndex)\u{0}\(series.style.dashIndex)").inserted {
            entries.append(Legend.Entry(label: series.name, style: series.style, swatch: .area))
        }
        // Overlays list a positive and a negative entry per run: one run per legend row.
        let legend = Legend(entries: entries, columns: entries.count > 3 && entries.count % 2 == 0 ? 2 : nil)
        let legendTop = top + Double(rows) * cellHeight + 4
        let legendWidth = DistributionChart.width - leftMargin - 10
        let height = legendTop + legend.height(width: legendWidth) + 10

        var document = SVGDocument(width: DistributionChart.width, height: height, title: title, summary: summary)
        document.appendTitle()
        for (index, panel) in panels.enumerated() {
            let column = layout == .sideBySide ? index : 0
            let row = layout == .sideBySide ? 0 : index
            let cellLeft = Double(column) * cellWidth
            let cellTop = top + Double(row) * cellHeight
            let plot = PlotArea(left: cellLeft + leftMargin, top: cellTop + (hasPanelTitles ? 22 : 4),
                                width: cellWidth - leftMargin - 14, height: DistributionChart.plotHeight,
                                xScale: xScale, yScale: yScale)
            document.append(render(panel, in: plot))
        }
        document.append(legend.render(left: leftMargin, top: legendTop, width: legendWidth))
        return document.render()
    }

    private func render(_ panel: DistributionPanel, in plot: PlotArea) -> String {
        let p = SVGNumber.px
        var out = ""
        if !panel.title.isEmpty {
            let room = Int(plot.width / (13 * 0.6))
            out += "<text class=\"tl-panel-title\" x=\"\(p(plot.left))\" y=\"\(p(plot.top - 8))\" font-size=\"13\" font-weight=\"600\">\(XMLText.escape(XMLText.truncate(panel.title, to: room)))</text>\n"
        }
        out += plot.grid() + "\n"
        for series in panel.series {
            let histogram = series.histogram
            guard let occupied = histogram.occupiedBins else { continue }
            let densities = histogram.densities
            var d = "M\(p(plot.x(histogram.edges[occupied.lowerBound]))) \(p(plot.y(0)))"
            for index in occupied {
                d += "V\(p(plot.y(densities[index])))H\(p(plot.x(histogram.edges[index + 1])))"
            }
            d += "V\(p(plot.y(0)))Z"
            out += "<g \(series.style.groupAttributes)><path class=\"tl-area\" d=\"\(d)\" fill=\"currentColor\" fill-opacity=\"0.18\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linejoin=\"round\"\(series.style.dashAttribute)/></g>\n"
        }
        let finiteMarkers = panel.markers.filter { $0.value.isFinite }
        // Rank by position: with several markers the left half label leftwards and the right half
        // rightwards, so labels of close thresholds diverge instead of crossing each other's lines.
        let ranks = finiteMarkers.indices.sorted { (finiteMarkers[$0].value, $0) < (finiteMarkers[$1].value, $1) }
        for (index, marker) in finiteMarkers.enumerated() {
            let x = plot.x(marker.value)
            let labelY = plot.top + 12 + Double(index) * 15
            let label = XMLText.truncate("\(marker.label) \(SVGNumber.format(marker.value, decimals: 3))", to: 40)
            let rank = ranks.firstIndex(of: index) ?? 0
            var anchorEnd = finiteMarkers.count > 1 ? rank < finiteMarkers.count / 2 : x - plot.left > plot.width * 0.6
            let labelWidth = XMLText.width(label, fontSize: 11) + 5
            if anchorEnd, x - labelWidth < plot.left { anchorEnd = false }
            if !anchorEnd, x + labelWidth > plot.right, x - labelWidth >= plot.left { anchorEnd = true }
            let labelX = anchorEnd ? x - 5 : x + 5
            let line = "<path class=\"tl-threshold\" d=\"M\(p(x)) \(p(plot.top))V\(p(plot.bottom))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
            if let style = marker.style {
                out += "<g \(style.groupAttributes)>\(line) stroke-dasharray=\"\(style.dashArray ?? "5 3")\"/>"
            } else {
                out += "<g class=\"tl-marker\">\(line) stroke-dasharray=\"5 3\"/>"
            }
            out += "<text x=\"\(p(labelX))\" y=\"\(p(labelY))\" text-anchor=\"\(anchorEnd ? "end" : "start")\" font-size=\"11\">\(XMLText.escape(label))</text></g>\n"
        }
        out += plot.axes(xTitle: xTitle, yTitle: yTitle)
        return out
    }
}
