extension BM25 {
    /// The terms of `text`: maximal runs of Unicode letters and numbers, lowercased; no stopwords,
    /// no stemming (REFERENCE.md, "BM25").
    ///
    /// Decided on Unicode scalars, not on `Character`s, so the rule is exact and reproducible
    /// outside Swift (the Python reference in scripts/fixtures/make_stats_fixtures.py applies it
    /// with `unicodedata.category`) and needs no grapheme segmentation:
    /// - a scalar whose general category is a letter (L*) or a number (Nd, Nl, No) is part of a term;
    /// - a combining mark (M*) directly after such a run continues it, so a decomposed accent
    ///   ("e" + U+0301) stays inside its word, as it would as one `Character`;
    /// - everything else (space, punctuation, symbols, a mark with no run before it) ends a term.
    /// Each scalar is lowercased with its full, context-free lowercase mapping (`str.lower()` per
    /// code point; Greek final sigma is not special-cased).
    /// Terms are Swift strings, which compare by canonical equivalence, so the precomposed and the
    /// decomposed spelling of "café" are one term (the reference NFC-normalises to match).
    /// Scripts written without spaces (Chinese, Japanese) give one term per run: "东京大学" is one
    /// term, not four as in Lucene's StandardTokenizer. That is the rule, not an accident.
    /// - Complexity: O(length of text).
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                terms.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: current.append(scalar)
                case 0x41...0x5A: current.append(Unicode.Scalar(UInt8(value + 0x20)))
                default: flush()
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if !current.isEmpty { current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars) }
            default:
                flush()
            }
        }
        flush()
        return terms
    }
}
