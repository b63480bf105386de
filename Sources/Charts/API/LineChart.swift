/// Lines on numeric x and y axes: the training-loss curve (train and validation loss vs step).
///
/// Both axes get nice 1-2-5 ticks covering the data. Series with at most 40 points also get their
/// marker at each point; longer ones are simplified to within 0.25 px.
public struct LineChart: SVGChart {
    public var title: String
    public var series: [LineSeries]
    public var xTitle: String
    public var yTitle: String

    public init(title: String, series: [LineSeries], xTitle: String = "Step", yTitle: String = "Loss") {
        self.title = title
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    static let width = 640.0
    static let plotHeight = 260.0
    static let markerLimit = 40

    public var summary: String {
        var text = "\(yTitle) against \(xTitle.lowercased())"
        let described = series.compactMap { series -> String? in
            let points = series.points.filter(\.isFinite)
            guard let first = points.first, let last = points.last, let lowest = points.min(by: { $0.y < $1.y }) else {
                return "\(series.name): no data"
            }
            let f = SVGNumber.significant
            return "\(series.name): \(f(first.y)) at \(xTitle.lowercased()) \(f(first.x)), \(f(last.y)) at \(f(last.x)), lowest \(f(lowest.y)) at \(f(lowest.x))"
        }
        if described.isEmpty { return text + "; no data." }
        text += ". " + described.joined(separator: ". ")
        return text + "."
    }

    public var table: ChartTable {
        ChartTable(caption: title, header: ["Series", "Points", "First", "Last", "Lowest"], rows: series.map { series in
            let points = series.points.filter(\.isFinite)
            let f = SVGNumber.significant
            return [series.name, String(points.count),
                    points.first.map { f($0.y) } ?? "n/a",
                    points.last.map { f($0.y) } ?? "n/a",
                    points.map(\.y).min().map { f($0) } ?? "n/a"]
        })
    }

    public var svg: String {
        let finite = series.map { $0.points.filter(\.isFinite) }
        let all = finite.flatMap { $0 }
        let xScale = NiceScale(minimum: all.map(\.x).min() ?? 0, maximum: all.map(\.x).max() ?? 1, maxTicks: 8)
        let yScale = NiceScale(minimum: all.map(\.y).min() ?? 0, maximum: all.map(\.y).max() ?? 1, maxTicks: 6)
        let left = PlotArea.leftMargin(for: yScale) + 6
        let plot = PlotArea(left: left, top: 40, width: LineChart.width - left - 20, height: LineChart.plotHeight,
                            xScale: xScale, yScale: yScale)
        let legend = Legend(entries: series.enumerated().map { index, series in
            Legend.Entry(label: series.name, style: series.style ?? .series(index),
                         swatch: finite[index].count <= LineChart.markerLimit ? .lineWithMarker : .line)
        })
        let legendTop = plot.bottom + 50
        let height = legendTop + legend.height(width: plot.width) + 10

        var document = SVGDocument(width: LineChart.width, height: height, title: title, summary: summary)
        document.appendTitle()
        document.append(plot.grid())
        let p = SVGNumber.px
        for (index, series) in series.enumerated() {
            let style = series.style ?? .series(index)
            let points = finite[index]
            guard !points.isEmpty else { continue }
            let pixels = points.map { ChartPoint(plot.x($0.x), plot.y($0.y)) }
            var group = "<g \(style.groupAttributes)>"
            if pixels.count > 1 {
                let simplified = PolylineSimplifier.simplify(pixels, tolerance: 0.25)
                var d = ""
                for (position, point) in simplified.enumerated() {
                    d += position == 0 ? "M" : (position == 1 ? "L" : " ")
                    d += "\(p(point.x)) \(p(point.y))"
                }
                group += "<path class=\"tl-line\" d=\"\(d)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\"\(style.dashAttribute)/>"
            }
            if pixels.count <= LineChart.markerLimit {
                group += pixels.map { style.marker.path(x: $0.x, y: $0.y, r: 3) }.joined()
            }
            document.append(group + "</g>")
        }
        document.append(plot.axes(xTitle: xTitle, yTitle: yTitle))
        document.append(legend.render(left: plot.left, top: legendTop, width: plot.width))
        return document.render()
    }
}
