import Foundation
import Mustache

/// Escaping of user strings for report templates: one escaper that is correct both in CommonMark
/// text and inside the raw HTML blocks (tables, cards, figures) that cmark passes through.
///
/// - Every run of whitespace, line breaks included, becomes one space: a blank line would end an
///   HTML block and turn the rest of the text into Markdown.
/// - `& < > "` become HTML entities; the CommonMark syntax characters `` \ ` * _ [ ] `` become
///   numeric character references, which CommonMark reads as literal characters, never as syntax.
/// - A leading `# + - = >` and a leading "1." / "1)" are escaped the same way, so a value at the
///   start of a line cannot open a heading, list, quote or setext underline.
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
        let scalars = Array(oneLine(text).unicodeScalars)
        var out = ""
        out.reserveCapacity(scalars.count + 16)
        var leadingDigits = true
        for (index, scalar) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            if index == 0, let entity = leading[scalar] {
                out += entity
            } else if let entity = entities[scalar] {
                out += entity
            } else if leadingDigits, index > 0, scalar == "." || scalar == ")" {
                out += scalar == "." ? "&#46;" : "&#41;"
            } else {
                out.unicodeScalars.append(scalar)
            }
            if !isDigit { leadingDigits = false }
        }
        return out
    }

    /// Collapses every run of whitespace (line breaks included) into one space, drops NUL and other
    /// control characters, and trims the ends.
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
