/// Rewrites text before it is split into words (tokenizers `NormalizerWrapper`).
///
/// Each case follows its tokenizers source: `normalizers/bert.rs`, `unicode.rs`, `utils.rs`,
/// `strip.rs`, `replace.rs`, `prepend.rs`, `precompiled.rs`, `byte_level.rs`. Whitespace is
/// Rust's `char::is_whitespace` and lowercasing is per scalar, as ``BertNormalizer`` documents.
indirect enum Normalizer: Sendable {
    case bert(BertNormalizer)
    case unicode(UnicodeNormalizer.Form)
    /// `Lowercase`: full per-scalar lowercase mapping (Rust `char::to_lowercase`).
    case lowercase
    /// `Strip`: removes leading and/or trailing whitespace.
    case strip(left: Bool, right: Bool)
    /// `StripAccents`: removes combining marks.
    case stripAccents
    /// `Replace`: every match of the pattern (left to right, non-overlapping) becomes `content`.
    case replace(TextPattern, content: [Unicode.Scalar])
    /// `Prepend`: puts a string in front of non-empty text.
    case prepend([Unicode.Scalar])
    case precompiled(PrecompiledCharsmap)
    /// `Nmt`: SentencePiece's NMT cleanup of control and space-like characters.
    case nmt
    /// `ByteLevel`: each UTF-8 byte as its byte-level scalar (``ByteLevel``).
    case byteLevel
    case sequence([Normalizer])

    func normalize(_ piece: inout TextPiece) {
        let scalars = piece.scalars
        switch self {
        case .bert(let bert):
            let dropped = bert.cleanText && scalars.first.map(BertNormalizer.isRemovedByCleaning) == true
            piece.replace(with: bert.normalize(scalars), droppedStart: dropped)
        case .unicode(let form):
            piece.replace(with: UnicodeNormalizer.normalize(scalars, form: form), droppedStart: false)
        case .lowercase:
            piece.replace(with: BertNormalizer.lowercase(scalars), droppedStart: false)
        case .strip(let left, let right):
            var start = 0, end = scalars.count
            if left { while start < end && UnicodeClasses.isWhitespace(scalars[start]) { start += 1 } }
            if right { while end > start && UnicodeClasses.isWhitespace(scalars[end - 1]) { end -= 1 } }
            piece.replace(with: Array(scalars[start..<end]), droppedStart: start > 0)
        case .stripAccents:
            let kept = UnicodeNormalizer.stripMarks(scalars)
            piece.replace(with: kept, droppedStart: scalars.first.map(UnicodeNormalizer.isCombiningMark) == true)
        case .replace(let pattern, let content):
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(scalars.count)
            var droppedStart = false
            for (range, isMatch) in pattern.split(scalars) {
                if isMatch {
                    result.append(contentsOf: content)
                    // tokenizers aligns the replacement with the match's last character, so a
                    // match at the start moves the start unless it is one character replaced.
                    if range.lowerBound == 0 && (content.isEmpty || range.count > 1) { droppedStart = true }
                } else {
                    result.append(contentsOf: scalars[range])
                }
            }
            piece.replace(with: result, droppedStart: droppedStart)
        case .prepend(let prefix):
            if !scalars.isEmpty { piece.replace(with: prefix + scalars, droppedStart: false) }
        case .precompiled(let charsmap):
            // tokenizers records no removal for a first grapheme mapped to nothing, so the
            // alignment of what follows still starts at the text's start.
            piece.replace(with: charsmap.normalize(scalars), droppedStart: false)
        case .nmt:
            let kept = scalars.compactMap(Self.nmt)
            piece.replace(with: kept, droppedStart: scalars.first.map(Self.nmt) == .some(nil))
        case .byteLevel:
            piece.replace(with: ByteLevel.encode(scalars), droppedStart: false)
        case .sequence(let steps):
            for step in steps { step.normalize(&piece) }
        }
    }

    /// tokenizers `do_nmt`: drops C0 controls other than tab/LF/FF/CR, DEL and two C1 controls;
    /// maps tab, LF, FF, CR, U+1680, U+200B-U+200F, U+2028, U+2029, U+2581, U+FEFF and U+FFFD to a space.
    static func nmt(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x01...0x08, 0x0B, 0x0E...0x1F, 0x7F, 0x8F, 0x9F: return nil
        case 0x09, 0x0A, 0x0C, 0x0D, 0x1680, 0x200B...0x200F, 0x2028, 0x2029, 0x2581, 0xFEFF, 0xFFFD: return " "
        default: return scalar
        }
    }

    /// The normalized form of a whole text (used for added tokens marked `normalized`).
    func normalize(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var piece = TextPiece(scalars, atTextStart: true)
        normalize(&piece)
        return piece.scalars
    }
}
