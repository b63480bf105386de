import CCmark
import Foundation

/// CommonMark to HTML through libcmark. Every cmark call of the project lives in this file; no C
/// type leaves it.
///
/// Raw HTML blocks are kept (`CMARK_OPT_UNSAFE`) because the report's charts and cards are inline
/// SVG and HTML: the templates escape every user string that goes into them (see `ReportEscaping`),
/// and Markdown text is escaped so it cannot form links, emphasis or HTML.
enum CommonMark {
    /// Renders a CommonMark document to an HTML fragment.
    static func html(fromMarkdown markdown: String) -> String {
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        let bytes = Array(markdown.utf8)
        guard let rendered = bytes.withUnsafeBufferPointer({ buffer -> UnsafeMutablePointer<CChar>? in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, options)
                }
            } ?? cmark_markdown_to_html("", 0, options)
        }) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
