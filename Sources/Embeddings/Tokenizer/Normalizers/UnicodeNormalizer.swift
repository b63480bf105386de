import Foundation

/// The Unicode normalization forms as tokenizers applies them (`normalizers/unicode.rs`, with the
/// tables of the `unicode-normalization-alignments` crate).
///
/// Those tables are Unicode 11.0: a character added later has no decomposition and combining
/// class 0 there, so it is a starter that neither composes nor reorders. Splitting the text
/// around such characters and normalizing each segment with Foundation (current tables) gives
/// exactly that: normalization never moves anything across a starter that composes with nothing.
/// An exhaustive per-code-point comparison with the Python `tokenizers` package pins this
/// (scripts/fixtures/make_tokenizer_fixtures_multi.py, `unicode_multi.json`).
enum UnicodeNormalizer {
    enum Form: String, Sendable {
        case nfc = "NFC", nfd = "NFD", nfkc = "NFKC", nfkd = "NFKD"
    }

    /// Whether the character is in tokenizers' Unicode 11.0 normalization tables.
    @inline(__always)
    static func inTables(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return true }  // unassigned: untouched either way
        return age.major <= 11
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
            result.append(contentsOf: normalized.unicodeScalars)
        }
        for index in scalars.indices where scalars[index].value >= 0xA0 && !inTables(scalars[index]) {
            flush(index)
            result.append(scalars[index])
            segmentStart = index + 1
        }
        flush(scalars.count)
        return result
    }

    /// `StripAccents`: drops combining marks (category M* in the same Unicode 11.0 tables).
    static func stripMarks(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.filter { scalar in
            guard scalar.value >= 0x300, inTables(scalar) else { return true }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: return true
            }
        }
    }
}
