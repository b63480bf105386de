/// tokenizers' `Whitespace` and `WhitespaceSplit` pre-tokenizers (`pre_tokenizers/whitespace.rs`).
enum WhitespacePreTokenizer {
    /// `Whitespace`: the matches of the Rust regex `\w+|[^\w\s]+` (maximal runs of word characters,
    /// or of characters that are neither word nor whitespace); whitespace between them is dropped.
    static func splitWords(_ piece: TextPiece) -> [TextPiece] {
        let text = piece.scalars
        var pieces: [TextPiece] = []
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if UnicodeClasses.isWhitespace(scalar) && !UnicodeClasses.isWordCharacter(scalar) {
                index += 1
                continue
            }
            let isWord = UnicodeClasses.isWordCharacter(scalar)
            let start = index
            while index < text.count {
                let next = text[index]
                let nextIsWord = UnicodeClasses.isWordCharacter(next)
                guard isWord ? nextIsWord : (!nextIsWord && !UnicodeClasses.isWhitespace(next)) else { break }
                index += 1
            }
            pieces.append(piece.slice(start..<index))
        }
        return pieces
    }

    /// `WhitespaceSplit`: split on `char::is_whitespace`, dropping the whitespace.
    static func splitOnWhitespace(_ piece: TextPiece) -> [TextPiece] {
        SplitDelimiterBehavior.removed.split(piece, on: .scalar { UnicodeClasses.isWhitespace($0) })
    }
}
