/// How a series is told apart: a colour from the Okabe-Ito palette and a dash pattern/marker shape,
/// so series differ by more than colour alone.
///
/// The colour becomes the CSS class `tl-series-<colorIndex>` (plus a `color` presentation
/// attribute as a fallback, which any stylesheet rule overrides); the dash becomes `tl-dash-<dashIndex>`
/// with a `stroke-dasharray` attribute, and the same index picks the point marker (circle, square,
/// triangle, diamond). Indices wrap around the palette.
public struct SeriesStyle: Sendable, Equatable, Hashable {
    public var colorIndex: Int
    public var dashIndex: Int

    public init(colorIndex: Int, dashIndex: Int) {
        self.colorIndex = colorIndex
        self.dashIndex = dashIndex
    }

    /// The default style of the `index`-th series: colour and dash both advance.
    public static func series(_ index: Int) -> SeriesStyle {
        SeriesStyle(colorIndex: index, dashIndex: index)
    }

    /// Positive pairs (blue, solid) and negative pairs (vermillion, dashed): the class convention
    /// shared by the distribution and scatter charts.
    public static let positive = SeriesStyle(colorIndex: 0, dashIndex: 0)
    public static let negative = SeriesStyle(colorIndex: 1, dashIndex: 1)

    var colorClass: String { "tl-series-\(ChartTheme.wrap(colorIndex, ChartTheme.palette.count))" }
    var dashClass: String { "tl-dash-\(ChartTheme.wrap(dashIndex, ChartTheme.dashes.count))" }
    var color: String { ChartTheme.palette[ChartTheme.wrap(colorIndex, ChartTheme.palette.count)].light }
    var dashArray: String? { ChartTheme.dashes[ChartTheme.wrap(dashIndex, ChartTheme.dashes.count)] }
    var marker: Marker { Marker.allCases[ChartTheme.wrap(dashIndex, Marker.allCases.count)] }

    /// Attributes for a group whose strokes and fills use `currentColor`.
    var groupAttributes: String {
        "class=\"\(colorClass) \(dashClass)\" color=\"\(color)\""
    }

    /// The `stroke-dasharray` attribute (with a leading space), or nothing for a solid line.
    var dashAttribute: String {
        dashArray.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    }
}
