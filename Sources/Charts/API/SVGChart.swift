/// A chart that renders to a self-contained, deterministic inline SVG.
///
/// Every conforming chart produces `role="img"` SVG with a `<title>` and a `<desc>` (the same text
/// as `summary`), a `viewBox` and `width="100%"` so it scales, and CSS classes (`tl-chart`,
/// `tl-axis`, `tl-grid`, `tl-series-N`, …; see `ChartTheme`) a page stylesheet can restyle.
/// Identical input gives byte-identical output.
public protocol SVGChart: Sendable {
    /// The chart's title, shown above the plot and used as the SVG `<title>`.
    var title: String { get }
    /// The SVG markup, starting with `<svg` and ending with `</svg>\n`.
    var svg: String { get }
    /// A one-paragraph text alternative summarising the data (the SVG `<desc>`).
    var summary: String { get }
    /// The chart's numbers as a table, a fallback for screen readers and print.
    var table: ChartTable { get }
}
