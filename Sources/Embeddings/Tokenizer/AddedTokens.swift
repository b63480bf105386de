/// Tokens matched in the text before WordPiece runs (`[CLS]`, `[SEP]`, `[UNK]`, ...).
///
/// As huggingface/tokenizers `AddedVocabulary` does: tokens with `normalized == false` are found
/// in the raw text, the rest in each normalized segment; at every position the leftmost, then
/// longest, match wins, and a matched token becomes its id directly, never split. A
/// `single_word` token only counts when no word character (regex `\w`) touches it; otherwise the
/// match is passed over as plain text. `lstrip`/`rstrip` only move whitespace into the token,
/// which the pre-tokenizer would drop anyway, so they never change the ids.
struct AddedTokens: Sendable {
    struct Entry: Sendable {
        let scalars: [Unicode.Scalar]
        let id: Int32
        let content: String
        /// Matched in normalized text rather than in the raw text.
        var normalized = false
        var singleWord = false
    }

    /// Entries sorted longest first, so the first one that matches at a position is the longest.
    private let entries: [Entry]
    private let firstScalars: Set<Unicode.Scalar>

    init(_ entries: [Entry]) {
        self.entries = entries.filter { !$0.scalars.isEmpty }.sorted { $0.scalars.count > $1.scalars.count }
        self.firstScalars = Set(self.entries.map { $0.scalars[0] })
    }

    var isEmpty: Bool { entries.isEmpty }

    /// A piece of text: either plain text still to tokenize, or a matched added token and the
    /// text it matched (for a normalized token, the normalized text).
    enum Piece {
        case text(ArraySlice<Unicode.Scalar>)
        case token(Entry, matched: ArraySlice<Unicode.Scalar>)
    }

    /// Splits `scalars` around every added-token occurrence (leftmost-longest, no overlaps).
    func split(_ scalars: [Unicode.Scalar]) -> [Piece] {
        if entries.isEmpty { return [.text(scalars[...])] }
        var pieces: [Piece] = []
        var textStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if firstScalars.contains(scalars[index]), let entry = match(scalars, at: index) {
                let end = index + entry.scalars.count
                if entry.singleWord && (
                    (index > scalars.startIndex && Self.isWordCharacter(scalars[index - 1]))
                        || (end < scalars.endIndex && Self.isWordCharacter(scalars[end]))) {
                    index = end  // tokenizers' matcher resumes after the discarded match
                    continue
                }
                if textStart < index { pieces.append(.text(scalars[textStart..<index])) }
                pieces.append(.token(entry, matched: scalars[index..<end]))
                index = end
                textStart = index
            } else {
                index += 1
            }
        }
        if textStart < scalars.endIndex { pieces.append(.text(scalars[textStart...])) }
        return pieces
    }

    /// Rust regex `\w`: alphabetic, marks, decimal digits, connector punctuation, join controls.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.isJoinControl { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    private func match(_ scalars: [Unicode.Scalar], at index: Int) -> Entry? {
        let remaining = scalars.endIndex - index
        for entry in entries where entry.scalars.count <= remaining {
            if scalars[index..<(index + entry.scalars.count)].elementsEqual(entry.scalars) { return entry }
        }
        return nil
    }
}
