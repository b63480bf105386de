/// Tokens matched in the text before WordPiece runs (`[CLS]`, `[SEP]`, `[UNK]`, ...).
///
/// As huggingface/tokenizers `AddedVocabulary` does: tokens with `normalized == false` are found
/// in the raw text, the rest in each normalized segment; at every position the leftmost, then
/// longest, match wins, and a matched token becomes its id directly, never split.
struct AddedTokens: Sendable {
    struct Entry: Sendable {
        let scalars: [Unicode.Scalar]
        let id: Int32
        let content: String
    }

    /// Entries sorted longest first, so the first one that matches at a position is the longest.
    private let entries: [Entry]
    private let firstScalars: Set<Unicode.Scalar>

    init(_ entries: [Entry]) {
        self.entries = entries.filter { !$0.scalars.isEmpty }.sorted { $0.scalars.count > $1.scalars.count }
        self.firstScalars = Set(self.entries.map { $0.scalars[0] })
    }

    var isEmpty: Bool { entries.isEmpty }

    /// A piece of text: either plain text still to tokenize, or a matched added token.
    enum Piece {
        case text(ArraySlice<Unicode.Scalar>)
        case token(Entry)
    }

    /// Splits `scalars` around every added-token occurrence (leftmost-longest, no overlaps).
    func split(_ scalars: [Unicode.Scalar]) -> [Piece] {
        if entries.isEmpty { return [.text(scalars[...])] }
        var pieces: [Piece] = []
        var textStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if firstScalars.contains(scalars[index]), let entry = match(scalars, at: index) {
                if textStart < index { pieces.append(.text(scalars[textStart..<index])) }
                pieces.append(.token(entry))
                index += entry.scalars.count
                textStart = index
            } else {
                index += 1
            }
        }
        if textStart < scalars.endIndex { pieces.append(.text(scalars[textStart...])) }
        return pieces
    }

    private func match(_ scalars: [Unicode.Scalar], at index: Int) -> Entry? {
        let remaining = scalars.endIndex - index
        for entry in entries where entry.scalars.count <= remaining {
            if scalars[index..<(index + entry.scalars.count)].elementsEqual(entry.scalars) { return entry }
        }
        return nil
    }
}
