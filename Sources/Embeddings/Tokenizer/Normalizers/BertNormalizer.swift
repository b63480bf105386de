import Foundation

/// BERT's text normalizer, as huggingface/tokenizers `normalizers/bert.rs` applies it.
///
/// Steps, in order: clean text (drop U+0000, U+FFFD and control characters, turn whitespace
/// into a space), put spaces around CJK ideographs, strip accents (NFD, then drop nonspacing
/// marks; on when `stripAccents` is true, or unset and `lowercase` is on), then lowercase each
/// scalar with its full, context-free mapping (Rust `char::to_lowercase`: `İ` becomes two
/// scalars and a final `Σ` becomes `σ`, never `ς`).
/// Everything works on Unicode scalars, as Rust works on `char`s.
struct BertNormalizer: Sendable, Equatable {
    var cleanText = true
    var handleChineseChars = true
    var stripAccents: Bool? = nil
    var lowercase = true

    /// The normalized text as Unicode scalars.
    func normalize(_ text: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.count + 8)
        for scalar in text {
            if cleanText {
                if Self.isRemovedByCleaning(scalar) { continue }
                if BertUnicode.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseChars && BertUnicode.isChineseCharacter(scalar) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        if stripAccents ?? lowercase {
            scalars = Self.stripAccents(scalars)
        }
        if lowercase {
            scalars = Self.lowercase(scalars)
        }
        return scalars
    }

    /// Whether clean-text removes the scalar (NUL, U+FFFD, control characters).
    static func isRemovedByCleaning(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0 || scalar.value == 0xFFFD || BertUnicode.isControl(scalar)
    }

    /// NFD with tokenizers' tables (``UnicodeNormalizer``), then drop nonspacing marks
    /// (tokenizers `do_strip_accents`).
    static func stripAccents(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // Scalars below U+00C0 have no canonical decomposition and are never marks.
        if scalars.allSatisfy({ $0.value < 0xC0 }) { return scalars }
        return UnicodeNormalizer.normalize(scalars, form: .nfd).filter { !BertUnicode.isNonspacingMark($0) }
    }

    /// Per-scalar full lowercase mapping (Rust `char::to_lowercase`, no context).
    static func lowercase(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    result.append(lower)
                } else {
                    result.append(scalar)
                }
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }
}
