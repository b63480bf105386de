/// The one JSON string writer of tunelens: every file and page it writes (metrics.json, the
/// per-item score files, safetensors headers, data sets, JSON embedded in HTML) quotes text here,
/// so the escaping is the same everywhere and byte-for-byte reproducible.
public enum JSONText {
    /// `text` as a quoted JSON string literal (RFC 8259): `"` and `\` escaped, `\n`, `\r`, `\t` by
    /// name, other control characters and U+2028/U+2029 (line breaks to JavaScript) as `\u00XX`.
    ///
    /// `escapingHTML` also writes `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, so that no text
    /// (such as `</script>` or `<!--`) can end a `<script>` element that holds the JSON (HTML Living
    /// Standard, "Restrictions for contents of script elements").
    public static func quoted(_ text: String, escapingHTML: Bool = false) -> String {
        var out = ""
        append(text, to: &out, escapingHTML: escapingHTML)
        return out
    }

    /// Appends `text` quoted, as `quoted(_:escapingHTML:)`, without building a temporary string.
    public static func append(_ text: String, to out: inout String, escapingHTML: Bool = false) {
        out += "\""
        // Most texts need no escape at all: copied whole rather than scalar by scalar. (U+2028 and
        // U+2029 are encoded E2 80 A8/A9: a text holding any byte >= 0xE2 takes the scalar path.)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 >= 0xE2
            || (escapingHTML && ($0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&"))) }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029,
                 _ where escapingHTML && (scalar == "<" || scalar == ">" || scalar == "&"):
                appendEscape(scalar.value, to: &out)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `\u` and four lowercase hex digits.
    private static func appendEscape(_ value: UInt32, to out: inout String) {
        let hex = String(value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
