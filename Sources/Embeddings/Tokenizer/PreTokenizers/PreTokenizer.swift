/// Cuts normalized text into the words the model sees (tokenizers `PreTokenizerWrapper`).
///
/// Each case works on one piece at a time and never looks across pieces, so the pipeline runs it
/// piece by piece; empty pieces are dropped after every step, as `PreTokenizedString::split` does.
indirect enum PreTokenizer: Sendable {
    /// Whitespace dropped, each punctuation character a word (`pre_tokenizers/bert.rs`).
    case bert
    case byteLevel(ByteLevel.PreTokenizer)
    case metaspace(MetaspacePreTokenizer)
    /// `Whitespace`: `\w+|[^\w\s]+`.
    case whitespace
    /// `WhitespaceSplit`: split on whitespace.
    case whitespaceSplit
    /// `Split`: a pattern and what to do with its matches; `invert` swaps matches and the rest.
    case split(TextPattern, SplitDelimiterBehavior, invert: Bool)
    /// `Punctuation`: ASCII punctuation or Unicode P* (Unicode 8.0, as ``BertUnicode``).
    case punctuation(SplitDelimiterBehavior)
    /// `Digits`: numeric characters isolated one by one, or kept together in runs.
    case digits(individually: Bool)
    /// `CharDelimiterSplit`: split on one character, which is dropped.
    case delimiter(Unicode.Scalar)
    case sequence([PreTokenizer])

    func split(_ piece: TextPiece) -> [TextPiece] {
        switch self {
        case .bert:
            return BertPreTokenizer.split(piece.scalars).map { word in
                TextPiece(Array(word), atTextStart: piece.atTextStart && word.startIndex == 0)
            }
        case .byteLevel(let byteLevel):
            return byteLevel.split(piece)
        case .metaspace(let metaspace):
            return metaspace.split(piece).filter { !$0.scalars.isEmpty }
        case .whitespace:
            return WhitespacePreTokenizer.splitWords(piece)
        case .whitespaceSplit:
            return WhitespacePreTokenizer.splitOnWhitespace(piece)
        case .split(let pattern, let behavior, let invert):
            return behavior.split(piece, on: pattern, invert: invert)
        case .punctuation(let behavior):
            return behavior.split(piece, on: .scalar { BertUnicode.isPunctuation($0) })
        case .digits(let individually):
            let behavior: SplitDelimiterBehavior = individually ? .isolated : .contiguous
            return behavior.split(piece, on: .scalar { UnicodeClasses.isNumeric($0) })
        case .delimiter(let delimiter):
            return SplitDelimiterBehavior.removed.split(piece, on: .scalar { $0 == delimiter })
        case .sequence(let steps):
            var pieces = [piece]
            for step in steps {
                pieces = pieces.flatMap { step.split($0) }
            }
            return pieces
        }
    }
}
