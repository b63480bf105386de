/// The charts' colours, dash patterns and the CSS a page includes to style them.
///
/// Colours are the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008), chosen to stay
/// distinguishable with the common colour-vision deficiencies; each has a lighter variant for dark
/// backgrounds. Text, axes and grid use `currentColor`, so they follow the page's text colour in
/// light mode, dark mode and print without any rule.
public enum ChartTheme {
    /// One series colour: `light` for light backgrounds and print, `dark` for dark backgrounds.
    public struct Colour: Sendable, Equatable {
        public let name: String
        public let light: String
        public let dark: String
    }

    /// The series colours in order; `tl-series-N` is the N-th.
    public static let palette: [Colour] = [
        Colour(name: "blue", light: "#0072B2", dark: "#56B4E9"),
        Colour(name: "vermillion", light: "#D55E00", dark: "#E69F00"),
        Colour(name: "bluish green", light: "#009E73", dark: "#3FD1A6"),
        Colour(name: "reddish purple", light: "#CC79A7", dark: "#E3A3C8"),
        Colour(name: "orange", light: "#B87F00", dark: "#F0E442"),
        Colour(name: "sky blue", light: "#3A8FC0", dark: "#A6D8F5"),
    ]

    /// Dash patterns in order (`nil` is solid); `tl-dash-N` is the N-th.
    static let dashes: [String?] = [nil, "6 3", "2 2.5", "9 3 2 3"]

    /// CSS for pages that inline the charts: series colours for light and dark mode, print rules.
    ///
    /// The SVG already carries fallback colours as presentation attributes, which these rules
    /// override, so a page may also restyle `tl-series-N` with its own colours.
    public static var stylesheet: String {
        var css = """
        .tl-chart { display: block; max-width: 100%; height: auto; }
        .tl-chart text { fill: currentColor; }
        .tl-chart .tl-grid { stroke: currentColor; stroke-opacity: 0.14; }
        .tl-chart .tl-axis { stroke: currentColor; }
        .tl-chart .tl-reference { stroke: currentColor; stroke-opacity: 0.7; }

        """
        for (index, colour) in palette.enumerated() {
            css += ".tl-chart .tl-series-\(index) { color: \(colour.light); }\n"
        }
        css += "@media (prefers-color-scheme: dark) {\n"
        for (index, colour) in palette.enumerated() {
            css += "  .tl-chart .tl-series-\(index) { color: \(colour.dark); }\n"
        }
        // Light fills on a dark page read as murky; a stronger fill keeps the areas visible.
        css += "  .tl-chart .tl-area { fill-opacity: 0.3; }\n"
        css += "}\n"
        css += "@media print {\n  .tl-chart { break-inside: avoid; }\n"
        for (index, colour) in palette.enumerated() {
            css += "  .tl-chart .tl-series-\(index) { color: \(colour.light); }\n"
        }
        css += "}\n"
        return css
    }

    static func wrap(_ index: Int, _ count: Int) -> Int {
        ((index % count) + count) % count
    }
}
