/// The subword model that turns each pre-tokenized word into ids (tokenizers `ModelWrapper`).
enum TokenizerModel: Sendable {
    case wordPiece(WordPieceModel)
    case bpe(BPEModel)
    case unigram(UnigramModel)

    /// Appends the ids of one word, and its token strings when `tokens` is non-nil.
    func tokenize(_ word: [Unicode.Scalar], ids: inout [Int32], tokens: inout [String]?) {
        switch self {
        case .wordPiece(let model): model.tokenize(word[...], ids: &ids, tokens: &tokens)
        case .bpe(let model): model.tokenize(word, ids: &ids, tokens: &tokens)
        case .unigram(let model): model.tokenize(word, ids: &ids, tokens: &tokens)
        }
    }

    /// tokenizers' `get_vocab_size`: the vocabulary's entries (Unigram counts repeated pieces).
    var vocabularySize: Int {
        switch self {
        case .wordPiece(let model): return model.vocabulary.count
        case .bpe(let model): return model.vocabulary.count
        case .unigram(let model): return model.pieces.count
        }
    }

    /// tokenizers' `token_to_id` on the model's vocabulary.
    func id(of token: [UInt8]) -> Int32? {
        switch self {
        case .wordPiece(let model): return model.vocabulary[token]
        case .bpe(let model): return model.vocabulary[token]
        case .unigram(let model): return model.trie.value(of: token)
        }
    }

    /// The byte-fallback piece for `byte`: `<0x0A>` (two uppercase hex digits).
    static func byteFallbackToken(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        var token = "<0x"
        token.unicodeScalars.append(digits[Int(byte >> 4)])
        token.unicodeScalars.append(digits[Int(byte & 0xF)])
        return token + ">"
    }
}
