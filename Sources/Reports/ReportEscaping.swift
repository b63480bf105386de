import Foundation
import Mustache

/// Escaping of user strings for the two contexts a report template writes into.
///
/// - HTML (cards, tables, figures; raw HTML blocks that cmark passes through): `& < > " '` become
///   entities and line breaks become spaces, because a blank line would end the HTML block and turn
///   the rest of the text into Markdown.
/// - Markdown text: whitespace collapses to single spaces and every character that could start
///   Markdown syntax is backslash-escaped, so `[x](javascript:...)`, `*emphasis*`, `<script>` and
///   entity references reach the page as the characters the user wrote.
///
/// Mustache never re-reads a substituted value as a template, so `{{x}}` inside a text is inert.
enum ReportEscaping {
    /// Escapes a string for HTML element content or a double-quoted attribute value.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in oneLine(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Characters that are Markdown syntax wherever they appear.
    private static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "|", "~"]
    /// Characters that are Markdown syntax at the start of a line (headings, lists, quotes, setext).
    private static let leadingEscaped: Set<Unicode.Scalar> = ["#", "+", "-", "=", ">"]

    /// Escapes a string for CommonMark inline text.
    static func markdown(_ text: String) -> String {
        let line = oneLine(text)
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        var leadingDigits = true
        var index = 0
        let scalars = Array(line.unicodeScalars)
        for scalar in scalars {
            defer { index += 1 }
            if index == 0, leadingEscaped.contains(scalar) {
                out += "\\"
            } else if alwaysEscaped.contains(scalar) {
                out += "\\"
            } else if leadingDigits, index > 0, scalar == "." || scalar == ")" {
                // "1. " or "1) " at the start of a line opens an ordered list.
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if next == " " { out += "\\" }
            }
            if !("0"..."9").contains(scalar) { leadingDigits = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Collapses every run of whitespace (line breaks included) into one space and trims the ends.
    static func oneLine(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{0}" {
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

/// Mustache content types for the report templates: `{{% CONTENT_TYPE: MARKDOWN}}` for Markdown
/// templates, `{{% CONTENT_TYPE: HTMLBLOCK}}` for HTML partials that sit inside Markdown.
enum ReportContentTypes {
    struct Markdown: MustacheContentType {
        func escapeText(_ text: String) -> String { ReportEscaping.markdown(text) }
    }
    struct HTMLBlock: MustacheContentType {
        func escapeText(_ text: String) -> String { ReportEscaping.html(text) }
    }

    private static let registration: Void = {
        MustacheContentTypes.register(Markdown(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLBlock(), named: "HTMLBLOCK")
    }()

    /// Makes the content types known to the template parser; idempotent.
    static func register() { _ = registration }
}
