/// A run of text on its way through the pipeline: tokenizers' `NormalizedString` as one split of a
/// `PreTokenizedString`, reduced to what decides the ids.
///
/// tokenizers keeps a byte alignment to the original text for every character; ids depend on it in
/// one place only, Metaspace's `prepend_scheme: "first"` (`offsets_original().0 == 0`), so this
/// keeps a single flag instead: whether the piece still starts where the original text starts.
struct TextPiece: Sendable, Equatable {
    var scalars: [Unicode.Scalar]
    /// The first scalar comes from the start of the original text (or was inserted before it).
    var atTextStart: Bool

    init(_ scalars: [Unicode.Scalar], atTextStart: Bool) {
        self.scalars = scalars
        self.atTextStart = atTextStart
    }

    /// A piece cut from `range` of this one: only a piece that starts at index 0 keeps the flag.
    func slice(_ range: Range<Int>) -> TextPiece {
        TextPiece(Array(scalars[range]), atTextStart: atTextStart && range.lowerBound == 0)
    }

    /// Replaces the scalars; `droppedStart` says the old first scalar was removed rather than
    /// replaced, so the new first scalar comes from later in the original text.
    mutating func replace(with newScalars: [Unicode.Scalar], droppedStart: Bool) {
        if droppedStart && !newScalars.isEmpty { atTextStart = false }
        scalars = newScalars
    }

    var string: String { String(String.UnicodeScalarView(scalars)) }
}

extension Array where Element == Unicode.Scalar {
    /// The UTF-8 bytes of the scalars.
    var utf8Bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for scalar in self { UTF8.encode(scalar) { bytes.append($0) } }
        return bytes
    }
}
