import Foundation
import Mustache

/// Escaping of user strings for report templates: one escaper that is correct both in CommonMark
/// text and inside the raw HTML blocks (tables, cards, figures) that cmark passes through.
///
/// - Every run of whitespace, line breaks included, becomes one space: a blank line would end an
///   HTML block and turn the rest of the text into Markdown.
/// - `& < > "` become HTML entities; the CommonMark syntax characters `` \ ` * _ [ ] `` become
///   numeric character references, which CommonMark reads as literal characters, never as syntax.
/// - A leading `#`, a leading list marker (`- `, `+ `, `1. `, `1) `) and a line of only `-` or `=`
///   are escaped the same way, so a value at the start of a line cannot open a heading, a list or a
///   rule. (`>` is always an entity, so no quote either.)
///
/// So `[x](javascript:alert(1))`, `*emphasis*` and `<script>` reach the page as the characters the
/// user wrote. Mustache never re-reads a substituted value as a template, so `{{x}}` stays text.
enum ReportEscaping {
    private static let entities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;",
        "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    ]
    private static let leading: [Unicode.Scalar: String] = [
        "#": "&#35;", "+": "&#43;", "-": "&#45;", "=": "&#61;",
    ]

    /// Escapes a user string for report text (Markdown or HTML).
    static func text(_ text: String) -> String {
        let scalars = Array(collapsingWhitespace(text).unicodeScalars)
        var out = ""
        out.reserveCapacity(scalars.count + 16)
        // Line-start syntax is judged from the first non-space character, as CommonMark does.
        let start = scalars.firstIndex { $0 != " " } ?? scalars.count
        let markerEnds = { (index: Int) -> Bool in index + 1 >= scalars.count || scalars[index + 1] == " " }
        let digitEnd = scalars[start...].firstIndex { !("0"..."9").contains($0) } ?? scalars.count
        for (index, scalar) in scalars.enumerated() {
            if let entity = entities[scalar] {
                out += entity
            } else if index == start, let entity = leading[scalar],
                      scalar == "#" || markerEnds(index) || Self.isRule(scalars[start...]) {
                // "# x" heading, "- x" / "+ x" list item, "---" / "===" rule or setext underline.
                out += entity
            } else if index == digitEnd, digitEnd > start, scalar == "." || scalar == ")", markerEnds(index) {
                // "1. x" or "1) x" ordered list item.
                out += scalar == "." ? "&#46;" : "&#41;"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether a line consists of one repeated character and spaces (a thematic break or underline).
    private static func isRule(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first else { return false }
        return scalars.allSatisfy { $0 == first || $0 == " " }
    }

    /// Every run of whitespace and control characters (line breaks, NUL) becomes one space; the ends
    /// keep theirs, so the pieces of a highlighted text still join with spaces.
    static func collapsingWhitespace(_ text: String) -> String {
        var out = ""
        var inRun = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                if !inRun { out += " " }
                inRun = true
            } else {
                inRun = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `collapsingWhitespace` with the ends trimmed: a text as one tidy line.
    static func oneLine(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The Mustache content type every report template is rendered with (`{{% CONTENT_TYPE: REPORT}}`,
/// which `TemplateSet` puts at the top of each template, including a user's own).
struct ReportContentType: MustacheContentType {
    static let name = "REPORT"
    func escapeText(_ text: String) -> String { ReportEscaping.text(text) }

    private static let registration: Void = {
        MustacheContentTypes.register(ReportContentType(), named: name)
    }()

    /// Makes the content type known to the template parser; idempotent.
    static func register() { _ = registration }
}
