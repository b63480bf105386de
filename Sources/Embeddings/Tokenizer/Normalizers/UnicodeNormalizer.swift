import Foundation

/// The Unicode normalization forms as tokenizers applies them (`normalizers/unicode.rs`, with the
/// tables of the `unicode-normalization-alignments` crate).
///
/// Those tables are Unicode 9.0 (U+1DF6, 10.0, is not reordered after U+0301; U+1F16C, 12.0, does
/// not decompose): a character added later has no decomposition and combining class 0 there, so
/// it is a starter that neither composes nor reorders. Splitting the text around such characters
/// and normalizing each segment with Foundation (current tables) gives exactly that:
/// normalization never moves anything across a starter that composes with nothing.
/// Foundation on Linux does not compose a precomposed LV syllable with a trailing jamo
/// (가 + ᆨ stays two scalars), so that Hangul step is redone here.
/// An exhaustive per-code-point comparison with the Python `tokenizers` package pins the rest
/// (scripts/fixtures/make_tokenizer_fixtures_multi.py, `unicode_multi.json`).
enum UnicodeNormalizer {
    enum Form: String, Sendable {
        case nfc = "NFC", nfd = "NFD", nfkc = "NFKC", nfkd = "NFKD"
    }

    /// Whether the character is in tokenizers' Unicode 9.0 normalization tables.
    @inline(__always)
    static func inTables(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return true }  // unassigned: untouched either way
        return age.major <= 9
    }

    static func normalize(_ scalars: [Unicode.Scalar], form: Form) -> [Unicode.Scalar] {
        // Below U+00A0 nothing decomposes or composes.
        if scalars.allSatisfy({ $0.value < 0xA0 }) { return scalars }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var segmentStart = 0
        func flush(_ end: Int) {
            guard segmentStart < end else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[segmentStart..<end])
            let string = String(view)
            let normalized: String
            switch form {
            case .nfc: normalized = string.precomposedStringWithCanonicalMapping
            case .nfd: normalized = string.decomposedStringWithCanonicalMapping
            case .nfkc: normalized = string.precomposedStringWithCompatibilityMapping
            case .nfkd: normalized = string.decomposedStringWithCompatibilityMapping
            }
            let start = result.count
            result.append(contentsOf: normalized.unicodeScalars)
            if form == .nfc || form == .nfkc { composeHangulTrailingJamo(&result, from: start) }
        }
        for index in scalars.indices where scalars[index].value >= 0xA0 && !inTables(scalars[index]) {
            flush(index)
            result.append(scalars[index])
            segmentStart = index + 1
        }
        flush(scalars.count)
        return result
    }

    /// Unicode's algorithmic composition of an LV syllable and a trailing consonant (T) jamo.
    private static func composeHangulTrailingJamo(_ scalars: inout [Unicode.Scalar], from start: Int) {
        var index = max(start, 1)
        while index < scalars.count {
            let previous = scalars[index - 1].value, current = scalars[index].value
            if (0xAC00...0xD7A3).contains(previous), (previous - 0xAC00) % 28 == 0, (0x11A8...0x11C2).contains(current) {
                scalars[index - 1] = Unicode.Scalar(previous + current - 0x11A7)!
                scalars.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// `StripAccents` drops `is_combining_mark` characters: category M* in the same Unicode 9.0
    /// tables (U+1CF2 and U+1CF3 were spacing marks then; U+111C9 was punctuation).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300: return false
        case 0x1CF2, 0x1CF3: return true
        case 0x111C9: return false
        default:
            guard inTables(scalar) else { return false }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    static func stripMarks(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.filter { !isCombiningMark($0) }
    }
}
