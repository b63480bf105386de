/// Tokens matched in the text before the model runs (`[CLS]`, `<mask>`, user-added words), as
/// huggingface/tokenizers `tokenizer/added_vocabulary.rs` finds them.
///
/// Tokens with `normalized: false` (every special token in practice) are found in the raw text,
/// the others in each normalized piece, as their own normalized form. At every position the
/// leftmost, then longest, match wins (Aho-Corasick, leftmost-longest) and becomes its id. A
/// `single_word` token only counts when no word character (regex `\w`) touches it; otherwise the
/// match is passed over. `lstrip`/`rstrip` pull the whitespace (regex `\s`) before/after the
/// token into it, so that whitespace never reaches the pre-tokenizer (it matters for byte-level
/// and Metaspace pre-tokenizers, which keep spaces).
///
/// Ids follow `AddedVocabulary::add_tokens`, not the `id` written in the file: a token already in
/// the model's vocabulary (or added before) keeps that id, any other gets the next free id
/// counting from the vocabulary size; empty tokens are skipped.
struct AddedVocabulary: Sendable {
    struct Token: Sendable {
        let content: String
        var singleWord = false
        var leftStrip = false
        var rightStrip = false
        var normalized = false
    }

    struct Entry: Sendable {
        let scalars: [Unicode.Scalar]
        let id: Int32
        let token: Token
    }

    /// A piece of text: plain text still to tokenize, or a matched added token (the range it covers,
    /// whitespace it absorbed included).
    enum Piece: Equatable {
        case text(Range<Int>)
        case token(Int32, Range<Int>)
    }

    /// The matchers for the raw text and for normalized text.
    let raw: Matcher
    let normalized: Matcher

    /// Token content (UTF-8) to id, for every added token.
    let idsByContent: [[UInt8]: Int32]

    var isEmpty: Bool { raw.isEmpty && normalized.isEmpty }

    /// The id of an added token by its content (tokenizers looks here before the model's vocabulary).
    func id(of content: String) -> Int32? { idsByContent[Array(content.utf8)] }

    /// Resolves ids as tokenizers does and normalizes the patterns of `normalized` tokens.
    init(_ tokens: [Token], model: TokenizerModel, normalizer: Normalizer?) {
        var idsByContent: [[UInt8]: Int32] = [:]
        var entries: [Entry] = []
        var nextID = Int32(clamping: model.vocabularySize)
        for token in tokens where !token.content.isEmpty {
            let key = Array(token.content.utf8)
            let id: Int32
            if let known = idsByContent[key] ?? model.id(of: key) {
                id = known
            } else {
                id = nextID
                nextID = nextID == Int32.max ? nextID : nextID + 1
            }
            idsByContent[key] = id
            var scalars = Array(token.content.unicodeScalars)
            if token.normalized, let normalizer { scalars = normalizer.normalize(scalars) }
            // One entry per id: re-adding a token replaces its earlier properties.
            entries.removeAll { $0.id == id }
            entries.append(Entry(scalars: scalars, id: id, token: token))
        }
        self.idsByContent = idsByContent
        raw = Matcher(entries.filter { !$0.token.normalized })
        normalized = Matcher(entries.filter { $0.token.normalized })
    }

    /// Finds the added tokens of one set (tokenizers' `find_matches` on a `MatchingSet`).
    struct Matcher: Sendable {
        /// Entries by first scalar, longest first.
        private let byFirstScalar: [Unicode.Scalar: [Entry]]

        init(_ entries: [Entry]) {
            var table: [Unicode.Scalar: [Entry]] = [:]
            for entry in entries where !entry.scalars.isEmpty {
                table[entry.scalars[0], default: []].append(entry)
            }
            byFirstScalar = table.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
        }

        var isEmpty: Bool { byFirstScalar.isEmpty }

        /// The pieces of `text`, in order; plain-text pieces are never empty.
        func split(_ text: [Unicode.Scalar]) -> [Piece] {
            guard !byFirstScalar.isEmpty, !text.isEmpty else { return text.isEmpty ? [] : [.text(0..<text.count)] }
            var pieces: [Piece] = []
            var textStart = 0
            var index = 0
            while index < text.count {
                guard let candidates = byFirstScalar[text[index]],
                      let entry = candidates.first(where: { Self.matches($0.scalars, text, at: index) }) else {
                    index += 1
                    continue
                }
                var start = index
                var stop = index + entry.scalars.count
                index = stop  // the search resumes after the match, whatever becomes of it
                if entry.token.singleWord {
                    let wordBefore = start > 0 && UnicodeClasses.isWordCharacter(text[start - 1])
                    let wordAfter = stop < text.count && UnicodeClasses.isWordCharacter(text[stop])
                    if wordBefore || wordAfter { continue }
                }
                if entry.token.leftStrip {
                    var newStart = start
                    while newStart > 0 && UnicodeClasses.isWhitespace(text[newStart - 1]) { newStart -= 1 }
                    start = max(newStart, textStart)
                }
                if entry.token.rightStrip {
                    while stop < text.count && UnicodeClasses.isWhitespace(text[stop]) { stop += 1 }
                }
                if textStart < start { pieces.append(.text(textStart..<start)) }
                pieces.append(.token(entry.id, start..<stop))
                textStart = stop
            }
            if textStart < text.count { pieces.append(.text(textStart..<text.count)) }
            return pieces
        }

        private static func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar], at index: Int) -> Bool {
            pattern.count <= text.count - index && text[index..<(index + pattern.count)].elementsEqual(pattern)
        }
    }
}
