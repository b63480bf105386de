/// SentencePiece's word boundaries: every space becomes `▁` (the replacement), a `▁` is put in
/// front of the piece, and the piece splits before each `▁` (tokenizers `pre_tokenizers/metaspace.rs`).
///
/// `prepend_scheme`: "always" prepends to every piece that does not already start with the
/// replacement; "first" only to a piece that starts the original text; "never" never. Only
/// U+0020 is replaced: other whitespace stays (the Precompiled normalizer usually maps it first).
/// With `split` the pieces are cut so that each `▁` starts a new one (`MergedWithNext`).
struct MetaspacePreTokenizer: Sendable {
    enum PrependScheme: String, Sendable {
        case always, first, never
    }

    var replacement: Unicode.Scalar = "\u{2581}"
    var prependScheme: PrependScheme = .always
    var split = true

    func split(_ piece: TextPiece) -> [TextPiece] {
        var piece = piece
        for index in piece.scalars.indices where piece.scalars[index] == " " {
            piece.scalars[index] = replacement
        }
        let prepend: Bool
        switch prependScheme {
        case .always: prepend = true
        case .first: prepend = piece.atTextStart
        case .never: prepend = false
        }
        if prepend && piece.scalars.first != replacement { piece.scalars.insert(replacement, at: 0) }
        guard split else { return [piece] }
        let replacement = self.replacement
        return SplitDelimiterBehavior.mergedWithNext.split(piece, on: .scalar { $0 == replacement })
    }
}
