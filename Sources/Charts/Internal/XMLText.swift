/// Escapes user text for SVG/XML text content and attribute values.
///
/// All five XML special characters are replaced, so the same escaped string is safe both between
/// tags and inside a double- or single-quoted attribute. Control characters that XML 1.0 forbids
/// are dropped, since a single one makes the whole inline SVG invalid; line breaks become spaces.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // SVG collapses line breaks to spaces anyway; emitting them could end a Markdown HTML block.
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Shortens text for a legend or tick label to at most `limit` characters, ending in "…".
    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// Approximate rendered width of `text` in the chart font, used to lay out legends and margins.
    ///
    /// 0.6 em per character is a safe over-estimate for proportional sans-serif fonts.
    static func width(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}
