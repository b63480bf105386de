/// The character classes that tokenizers' regular expressions and pre-tokenizers test, read from
/// Swift's Unicode tables.
///
/// tokenizers takes them from three places: Oniguruma (`\p{L}`, `\p{N}`, `\s` in the GPT-2 pattern
/// and in `Split`/`Replace` regexes), the Rust `regex` crate (`\w`, `\s` of the `Whitespace`
/// pre-tokenizer and of added tokens) and Rust's `char` methods (`is_whitespace`, `is_numeric`).
/// Oniguruma and the `regex` crate in tokenizers 0.23 know Unicode 16.0, Swift's tables are newer:
/// characters assigned later are no letter, number or word character for them. Rust's `char`
/// methods follow Swift's. The exhaustive per-code-point fixtures
/// (scripts/fixtures/make_tokenizer_fixtures_multi.py) pin all of this.
enum UnicodeClasses {
    /// Whether the character is in Unicode 16.0, the tables of Oniguruma and the `regex` crate.
    @inline(__always)
    static func inRegexTables(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major <= 16
    }

    /// The general category as the regex engines see it (unassigned when newer than their tables).
    static func regexCategory(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
        inRegexTables(scalar) ? scalar.properties.generalCategory : .unassigned
    }

    /// White_Space: Rust `char::is_whitespace`, regex `\s`, Oniguruma `\s`.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { BertUnicode.isWhitespace(scalar) }

    /// General category L* (Oniguruma `\p{L}`).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return inRegexTables(scalar)
        default: return false
        }
    }

    /// General category N* (Oniguruma `\p{N}`).
    @inline(__always)
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        isNumeric(scalar) && (scalar.value < 0x80 || inRegexTables(scalar))
    }

    /// General category N* in Swift's tables (Rust `char::is_numeric`).
    @inline(__always)
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// Rust `regex` `\w`: Alphabetic, marks, decimal digits, connector punctuation, Join_Control.
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || value == 0x5F
        }
        let properties = scalar.properties
        guard inRegexTables(scalar) else { return false }
        if properties.isAlphabetic || properties.isJoinControl { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}
