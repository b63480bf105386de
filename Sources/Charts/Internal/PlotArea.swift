/// A rectangle of the chart holding one plot, with the scales that map data into it.
///
/// Draws the grid, the axis lines with outward ticks, tick labels and axis titles. Pixel y grows
/// downward, so `y(_:)` flips the data axis.
struct PlotArea {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    let xScale: NiceScale
    let yScale: NiceScale

    var right: Double { left + width }
    var bottom: Double { top + height }

    func x(_ value: Double) -> Double {
        left + clampUnit(xScale.fraction(value)) * width
    }

    func y(_ value: Double) -> Double {
        bottom - clampUnit(yScale.fraction(value)) * height
    }

    /// Horizontal lines at the y ticks and vertical lines at the x ticks (omit with `vertical: false`).
    func grid(vertical: Bool = true) -> String {
        var d = ""
        if vertical {
            for tick in xScale.ticks {
                d += "M\(SVGNumber.px(x(tick))) \(SVGNumber.px(top))V\(SVGNumber.px(bottom))"
            }
        }
        for tick in yScale.ticks {
            d += "M\(SVGNumber.px(left)) \(SVGNumber.px(y(tick)))H\(SVGNumber.px(right))"
        }
        return "<path class=\"tl-grid\" d=\"\(d)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.14\"/>"
    }

    /// Axis lines, ticks and y tick labels; x tick labels unless `xLabels` is false (categorical
    /// axes draw their own); titles centred on each axis.
    func axes(xTitle: String, yTitle: String, xLabels: Bool = true) -> String {
        var d = "M\(SVGNumber.px(left)) \(SVGNumber.px(top))V\(SVGNumber.px(bottom))H\(SVGNumber.px(right))"
        if xLabels {
            for tick in xScale.ticks {
                d += "M\(SVGNumber.px(x(tick))) \(SVGNumber.px(bottom))v4"
            }
        }
        for tick in yScale.ticks {
            d += "M\(SVGNumber.px(left)) \(SVGNumber.px(y(tick)))h-4"
        }
        var out = "<path class=\"tl-axis\" d=\"\(d)\" fill=\"none\" stroke=\"currentColor\"/>\n"
        if xLabels {
            out += "<g class=\"tl-tick-labels\" text-anchor=\"middle\">"
            for (tick, label) in zip(xScale.ticks, xScale.labels) {
                out += "<text x=\"\(SVGNumber.px(x(tick)))\" y=\"\(SVGNumber.px(bottom + 17))\">\(label)</text>"
            }
            out += "</g>\n"
        }
        out += "<g class=\"tl-tick-labels\" text-anchor=\"end\">"
        for (tick, label) in zip(yScale.ticks, yScale.labels) {
            out += "<text x=\"\(SVGNumber.px(left - 7))\" y=\"\(SVGNumber.px(y(tick) + 4))\">\(label)</text>"
        }
        out += "</g>\n"
        let xTitleY = bottom + 36
        if !xTitle.isEmpty {
            out += "<text class=\"tl-axis-title\" x=\"\(SVGNumber.px(left + width / 2))\" y=\"\(SVGNumber.px(xTitleY))\" text-anchor=\"middle\">\(XMLText.escape(XMLText.truncate(xTitle, to: Int(width / 7.2))))</text>\n"
        }
        let yTitleX = left - PlotArea.yLabelRoom(yScale) - 10
        let yTitleY = top + height / 2
        out += "<text class=\"tl-axis-title\" x=\"\(SVGNumber.px(yTitleX))\" y=\"\(SVGNumber.px(yTitleY))\" text-anchor=\"middle\" transform=\"rotate(-90 \(SVGNumber.px(yTitleX)) \(SVGNumber.px(yTitleY)))\">\(XMLText.escape(XMLText.truncate(yTitle, to: Int(height / 7.2))))</text>"
        return out
    }

    /// Width taken by the y tick labels (the widest label plus the tick).
    static func yLabelRoom(_ scale: NiceScale) -> Double {
        let widest = scale.labels.map { XMLText.width($0) }.max() ?? 0
        return widest + 8
    }

    /// The left margin a plot needs for its y tick labels and rotated y title.
    static func leftMargin(for scale: NiceScale) -> Double {
        yLabelRoom(scale) + 26
    }

    /// A polyline through `points` as path data, one decimal per coordinate.
    func pathData(_ points: [ChartPoint]) -> String {
        var d = ""
        for (index, point) in points.enumerated() {
            d += index == 0 ? "M" : (index == 1 ? "L" : " ")
            d += "\(SVGNumber.px(x(point.x))) \(SVGNumber.px(y(point.y)))"
        }
        return d
    }
}

private func clampUnit(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    return min(max(value, 0), 1)
}
