/// ROC curves of several models on one square plot, with the chance diagonal.
///
/// Axes run from 0 to 1 with ticks every 0.2; the legend below the plot names each curve with its
/// AUC. Curves are simplified to within 0.25 px (Ramer-Douglas-Peucker), so a 1,500-point curve
/// costs a few kilobytes.
public struct ROCChart: SVGChart {
    public var title: String
    public var curves: [ROCCurve]

    public init(title: String = "ROC curve", curves: [ROCCurve]) {
        self.title = title
        self.curves = curves
    }

    static let plotSize = 320.0
    static let width = 420.0

    public var summary: String {
        var text = "ROC curves: true positive rate against false positive rate"
        if curves.isEmpty { return text + "; no curves to show." }
        text += " for \(curves.count) model\(curves.count == 1 ? "" : "s"). "
        text += curves.map { curve in
            let auc = curve.auc.flatMap { $0.isFinite ? SVGNumber.format($0, decimals: 3) : nil } ?? "not available"
            return "\(curve.name): AUC \(auc)."
        }.joined(separator: " ")
        return text + " The diagonal is chance (AUC 0.5)."
    }

    public var table: ChartTable {
        ChartTable(
            caption: title,
            header: ["Model", "AUC", "TPR at FPR 0.1", "Points"],
            rows: curves.map { curve in
                let finite = curve.points.filter(\.isFinite)
                let tpr = finite.filter { $0.x <= 0.1 + 1e-12 }.map(\.y).max()
                return [
                    curve.name,
                    curve.auc.flatMap { $0.isFinite ? SVGNumber.format($0, decimals: 3) : nil } ?? "n/a",
                    tpr.map { SVGNumber.format($0, decimals: 3) } ?? "n/a",
                    String(finite.count),
                ]
            })
    }

    public var svg: String {
        let unit = NiceScale(lower: 0, upper: 1, step: 0.2)
        let plot = PlotArea(left: 60, top: 40, width: ROCChart.plotSize, height: ROCChart.plotSize, xScale: unit, yScale: unit)
        let legend = Legend(entries: curves.enumerated().map { index, curve in
            Legend.Entry(label: curve.legendLabel, style: curve.style ?? .series(index), swatch: .line)
        } + [Legend.Entry(label: "Chance (AUC 0.5)", style: .series(0), swatch: .reference)])
        let legendTop = plot.bottom + 50
        let legendWidth = ROCChart.width - plot.left - 10
        let height = legendTop + legend.height(width: legendWidth) + 10

        var document = SVGDocument(width: ROCChart.width, height: height, title: title, summary: summary)
        document.appendTitle()
        document.append(plot.grid())
        let p = SVGNumber.px
        document.append("<path class=\"tl-reference\" d=\"M\(p(plot.x(0))) \(p(plot.y(0)))L\(p(plot.x(1))) \(p(plot.y(1)))\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.7\" stroke-dasharray=\"4 4\"/>")
        for (index, curve) in curves.enumerated() {
            let style = curve.style ?? .series(index)
            let pixels = curve.points.filter(\.isFinite).map { ChartPoint(plot.x($0.x), plot.y($0.y)) }
            guard !pixels.isEmpty else { continue }
            let simplified = PolylineSimplifier.simplify(pixels, tolerance: 0.25)
            var d = ""
            for (position, point) in simplified.enumerated() {
                d += position == 0 ? "M" : (position == 1 ? "L" : " ")
                d += "\(p(point.x)) \(p(point.y))"
            }
            if simplified.count == 1 { d += "h0" }
            document.append("<g \(style.groupAttributes)><path class=\"tl-line\" d=\"\(d)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"\(style.dashAttribute)/></g>")
        }
        document.append(plot.axes(xTitle: "False positive rate", yTitle: "True positive rate"))
        document.append(legend.render(left: plot.left, top: legendTop, width: legendWidth))
        return document.render()
    }
}
