/// Values across runs in time order, with interval bars and reference lines (the site's index).
///
/// Categories (run names) are evenly spaced along x; series are offset slightly so their interval
/// bars do not overlap, joined by lines in their dash pattern and marked with their marker shape.
/// Run names turn diagonal when they do not fit side by side, and only every k-th is labelled when
/// there are too many to read.
public struct TrendChart: SVGChart {
    public var title: String
    public var categories: [String]
    public var series: [TrendSeries]
    public var references: [ReferenceLine]
    public var xTitle: String
    public var yTitle: String
    public var decimals: Int

    public init(title: String, categories: [String], series: [TrendSeries], references: [ReferenceLine] = [],
                xTitle: String = "Run, oldest first", yTitle: String = "Value", decimals: Int = 3) {
        self.title = title
        self.categories = categories
        self.series = series
        self.references = references
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.decimals = decimals
    }

    static let width = 680.0
    static let plotHeight = 240.0
    static let labelLimit = 18

    private func value(_ series: TrendSeries, _ index: Int) -> TrendValue? {
        guard index < series.values.count, let value = series.values[index], value.value.isFinite else { return nil }
        return value
    }

    private func format(_ value: TrendValue) -> String {
        var text = SVGNumber.format(value.value, decimals: decimals)
        if let lower = value.lower, let upper = value.upper, lower.isFinite, upper.isFinite {
            text += " [\(SVGNumber.format(lower, decimals: decimals)), \(SVGNumber.format(upper, decimals: decimals))]"
        }
        return text
    }

    public var summary: String {
        var parts = ["\(yTitle) across \(categories.count) run\(categories.count == 1 ? "" : "s") in time order"]
        for series in series {
            let present = categories.indices.compactMap { index in value(series, index).map { (index, $0) } }
            guard let first = present.first, let last = present.last,
                  let best = present.max(by: { $0.1.value < $1.1.value }) else {
                parts.append("\(series.name): no values")
                continue
            }
            parts.append("\(series.name): \(format(first.1)) in \(categories[first.0]), \(format(last.1)) in \(categories[last.0]), highest \(SVGNumber.format(best.1.value, decimals: decimals)) in \(categories[best.0])")
        }
        for reference in references where reference.value.isFinite {
            parts.append("\(reference.label): reference line at \(SVGNumber.format(reference.value, decimals: decimals))")
        }
        return parts.joined(separator: ". ") + "."
    }

    public var table: ChartTable {
        ChartTable(caption: title, header: ["Run"] + series.map(\.name), rows: categories.indices.map { index in
            [categories[index]] + series.map { series in value(series, index).map(format) ?? "n/a" }
        })
    }

    public var svg: String {
        var values: [Double] = references.map(\.value)
        for series in series {
            for index in categories.indices {
                guard let point = value(series, index) else { continue }
                values += [point.value, point.lower ?? point.value, point.upper ?? point.value]
            }
        }
        values = values.filter(\.isFinite)
        let yScale = NiceScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1, maxTicks: 6)
        let left = PlotArea.leftMargin(for: yScale) + 6
        let plotWidth = TrendChart.width - left - 20
        let count = max(categories.count, 1)
        let slot = plotWidth / Double(count)
        let labels = categories.map { XMLText.truncate($0, to: TrendChart.labelLimit) }
        let widest = labels.map { XMLText.width($0) }.max() ?? 0
        let diagonal = widest + 8 > slot
        // Diagonal labels need about 16 px of slot each; label every k-th run beyond that.
        let every = diagonal ? max(1, Int((16 / slot).rounded(.up))) : 1
        let labelDepth = diagonal ? widest * 0.64 + 14 : 18
        let xScale = NiceScale(lower: 0, upper: 1, step: 1)
        let plot = PlotArea(left: left, top: 40, width: plotWidth, height: TrendChart.plotHeight, xScale: xScale, yScale: yScale)
        let legend = Legend(entries: series.enumerated().map { index, series in
            Legend.Entry(label: series.name, style: series.style ?? .series(index), swatch: .lineWithMarker)
        } + references.filter { $0.value.isFinite }.map { Legend.Entry(label: $0.label, style: .series(0), swatch: .reference) })
        let legendTop = plot.bottom + labelDepth + 30
        let height = legendTop + legend.height(width: plotWidth) + 10

        var document = SVGDocument(width: TrendChart.width, height: height, title: title, summary: summary)
        document.appendTitle()
        document.append(plot.grid(vertical: false))
        let p = SVGNumber.px
        for reference in references where reference.value.isFinite {
            let y = plot.y(reference.value)
            document.append("<g class=\"tl-reference-line\"><path class=\"tl-reference\" d=\"M\(p(plot.left)) \(p(y))H\(p(plot.right))\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-width=\"1.5\" stroke-dasharray=\"4 4\"/><text x=\"\(p(plot.right - 4))\" y=\"\(p(y - 5))\" text-anchor=\"end\" font-size=\"11\">\(XMLText.escape(XMLText.truncate("\(reference.label) \(SVGNumber.format(reference.value, decimals: decimals))", to: 50)))</text></g>")
        }
        let spread = min(10, slot * 0.2)
        for (seriesIndex, series) in series.enumerated() {
            let style = series.style ?? .series(seriesIndex)
            let offset = (Double(seriesIndex) - Double(self.series.count - 1) / 2) * spread
            var line = ""
            var bars = ""
            var markers = ""
            var previous: Int? = nil
            for index in categories.indices {
                guard let point = value(series, index) else { continue }
                let x = plot.left + (Double(index) + 0.5) * slot + offset
                let y = plot.y(point.value)
                line += (previous == index - 1 ? " " : "M") + "\(p(x)) \(p(y))"
                previous = index
                if let lower = point.lower, let upper = point.upper, lower.isFinite, upper.isFinite {
                    let top = plot.y(max(lower, upper))
                    let bottom = plot.y(min(lower, upper))
                    bars += "M\(p(x)) \(p(top))V\(p(bottom))M\(p(x - 3)) \(p(top))h6M\(p(x - 3)) \(p(bottom))h6"
                }
                markers += style.marker.path(x: x, y: y, r: 3.5)
            }
            var group = "<g \(style.groupAttributes)>"
            if line.contains(" ") {
                group += "<path class=\"tl-line\" d=\"\(line)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"\(style.dashAttribute)/>"
            }
            if !bars.isEmpty {
                group += "<path class=\"tl-interval\" d=\"\(bars)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.2\"/>"
            }
            document.append(group + markers + "</g>")
        }
        document.append(plot.axes(xTitle: "", yTitle: yTitle, xLabels: false))
        var ticks = "<g class=\"tl-tick-labels\" text-anchor=\"\(diagonal ? "end" : "middle")\">"
        for (index, label) in labels.enumerated() where index % every == 0 {
            let x = plot.left + (Double(index) + 0.5) * slot
            let y = plot.bottom + (diagonal ? 12 : 17)
            let rotation = diagonal ? " transform=\"rotate(-40 \(p(x + 4)) \(p(y)))\"" : ""
            ticks += "<text x=\"\(p(x + (diagonal ? 4 : 0)))\" y=\"\(p(y))\"\(rotation)>\(XMLText.escape(label))</text>"
        }
        document.append(ticks + "</g>")
        if !xTitle.isEmpty {
            document.append("<text class=\"tl-axis-title\" x=\"\(p(plot.left + plot.width / 2))\" y=\"\(p(plot.bottom + labelDepth + 18))\" text-anchor=\"middle\">\(XMLText.escape(XMLText.truncate(xTitle, to: Int(plot.width / 7.2))))</text>")
        }
        document.append(legend.render(left: plot.left, top: legendTop, width: plotWidth))
        return document.render()
    }
}
