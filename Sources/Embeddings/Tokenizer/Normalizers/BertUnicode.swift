/// Character classes exactly as huggingface/tokenizers uses them for BERT.
///
/// tokenizers takes `is_other`, `is_punctuation` and `is_mark_nonspacing` from the
/// `unicode_categories` crate, whose tables are Unicode 8.0, while whitespace and lowercasing
/// come from Rust's standard library (current Unicode). Swift's tables are current, so the
/// categories are read from Swift and limited to characters assigned by Unicode 8.0, with the
/// few characters whose category changed since then listed explicitly. An exhaustive
/// comparison of every code point against the Python `tokenizers` package found no other
/// difference (see scripts/fixtures/make_tokenizer_fixtures.py, which also records a
/// per-code-point fixture the tests check).
enum BertUnicode {
    /// Characters whose Unicode 8.0 category was punctuation but is not any more.
    private static let formerPunctuation: Set<UInt32> = [0x166D, 0x111C9]
    /// Characters that were nonspacing marks in Unicode 8.0 but are spacing marks now.
    private static let formerNonspacingMarks: Set<UInt32> = [0x1734, 0x1171E]
    /// Characters that are nonspacing marks now but were not in Unicode 8.0.
    private static let laterNonspacingMarks: Set<UInt32> = [0x1885, 0x1886, 0xA9BD, 0x111C9]

    /// Whether the character existed in Unicode 8.0, the version of `unicode_categories`.
    private static func inUnicode8(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 8 || (age.major == 8 && age.minor == 0)
    }

    /// Rust `char::is_whitespace` (the White_Space property).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// tokenizers' `is_control`: category C* (Unicode 8.0), except tab, newline and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x09 || value == 0x0A || value == 0x0D { return false }
        if value < 0x20 || value == 0x7F { return true }
        if value < 0x80 { return false }
        switch scalar.properties.generalCategory {
        case .control, .privateUse, .surrogate: return true
        case .format: return inUnicode8(scalar)
        default: return false
        }
    }

    /// tokenizers' `is_bert_punc`: ASCII punctuation and symbols, or category P* (Unicode 8.0).
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        if formerPunctuation.contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return inUnicode8(scalar)
        default:
            return false
        }
    }

    /// `is_mark_nonspacing` of `unicode_categories`: category Mn in Unicode 8.0.
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if formerNonspacingMarks.contains(value) { return true }
        if laterNonspacingMarks.contains(value) { return false }
        return scalar.properties.generalCategory == .nonspacingMark && inUnicode8(scalar)
    }

    /// The CJK ideograph blocks that BERT surrounds with spaces (tokenizers `is_chinese_char`).
    @inline(__always)
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
