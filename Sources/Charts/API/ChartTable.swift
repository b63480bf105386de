/// A small table of the numbers a chart shows: the text alternative a report places next to
/// (or instead of) the SVG, e.g. inside `<details>` or for print.
///
/// Cells are plain, unescaped text: the page that renders them escapes them for its own context
/// (HTML or Markdown).
public struct ChartTable: Sendable, Equatable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]

    public init(caption: String, header: [String], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}
