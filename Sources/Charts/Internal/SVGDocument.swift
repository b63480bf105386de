/// Accumulates the body of one chart and wraps it in the accessible `<svg>` root.
///
/// The root carries `role="img"`, then `<title>` and `<desc>` as its first children, which browsers
/// use as the accessible name and description (no ids are needed, so several charts can share a
/// page). Text inherits `currentColor`; the page's text colour therefore styles labels and axes.
struct SVGDocument {
    let width: Double
    let height: Double
    let title: String
    let summary: String
    private(set) var body = ""

    init(width: Double, height: Double, title: String, summary: String) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    /// Adds markup as its own line(s); empty markup adds nothing, so the SVG never holds a blank
    /// line (which would end the HTML block of a Markdown page that inlines it).
    mutating func append(_ element: String) {
        let trimmed = element.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
        guard !trimmed.isEmpty else { return }
        body += trimmed
        body += "\n"
    }

    /// The chart title drawn at the top left, shortened to fit the width.
    mutating func appendTitle(x: Double = 12, y: Double = 22) {
        let room = Int((width - x - 8) / (14 * 0.6))
        let text = XMLText.truncate(title, to: max(room, 8))
        append("<text class=\"tl-title\" x=\"\(SVGNumber.px(x))\" y=\"\(SVGNumber.px(y))\" font-size=\"14\" font-weight=\"600\">\(XMLText.escape(text))</text>")
    }

    func render() -> String {
        let w = SVGNumber.format(width, decimals: 0)
        let h = SVGNumber.format(height, decimals: 0)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl-chart\" viewBox=\"0 0 \(w) \(h)\""
        svg += " width=\"100%\" style=\"max-width:\(w)px\" role=\"img\""
        svg += " font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\""
        svg += " font-size=\"12\" fill=\"currentColor\">\n"
        svg += "<title>\(XMLText.escape(title))</title>\n"
        svg += "<desc>\(XMLText.escape(summary))</desc>\n"
        svg += body
        svg += "</svg>\n"
        return svg
    }
}
