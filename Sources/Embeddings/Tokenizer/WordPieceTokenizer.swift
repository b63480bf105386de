import Foundation

/// BERT's WordPiece tokenizer, producing the same ids as huggingface/tokenizers.
///
/// Pipeline: added tokens (`[CLS]`, `[SEP]`, ... written in the text) are matched first;
/// the rest is normalized (``BertNormalizer``), split into words (``BertPreTokenizer``) and
/// cut into WordPiece subwords (``WordPieceModel``). ``encode(_:maxLength:)`` wraps the pieces as
/// `[CLS] pieces [SEP]`, as the BERT post-processor does.
/// Load one with ``load(folder:)`` from a model folder.
public struct WordPieceTokenizer: Sendable {
    let normalizer: BertNormalizer
    let model: WordPieceModel
    /// Added tokens found in the raw text (`normalized: false`, e.g. every special token).
    let rawAddedTokens: AddedTokens
    /// Added tokens found in normalized text (`normalized: true`).
    let normalizedAddedTokens: AddedTokens
    /// The id that starts every encoding (`[CLS]`, from the post-processor).
    public let clsID: Int32
    /// The id that ends every encoding (`[SEP]`, from the post-processor).
    public let sepID: Int32

    /// The id that pads a batch (the padding id of `tokenizer.json`, else `[PAD]`'s id, else 0).
    public let padID: Int32
    /// `model_max_length` from `tokenizer_config.json`; nil when absent or a "no limit" sentinel.
    public let modelMaxLength: Int?

    /// The number of entries in the vocabulary.
    public var vocabularySize: Int { model.vocabulary.count }

    /// Token ids for one text: `[CLS]`, at most `maxLength - 2` pieces, `[SEP]`.
    ///
    /// Truncation keeps the first pieces, as tokenizers' `LongestFirst` does for a single text;
    /// the result never holds more than `maxLength` ids.
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        var tokens: [String]? = nil
        var pieces = pieceIDs(text, tokens: &tokens)
        let budget = max(0, maxLength - 2)
        if pieces.count > budget { pieces.removeSubrange(budget...) }
        var ids: [Int32] = [clsID]
        ids.reserveCapacity(pieces.count + 2)
        ids.append(contentsOf: pieces)
        ids.append(sepID)
        if ids.count > maxLength { ids.removeSubrange(max(0, maxLength)...) }
        return ids
    }

    /// The WordPiece tokens of one text, without `[CLS]`/`[SEP]` and without truncation.
    public func tokens(_ text: String) -> [String] {
        var tokens: [String]? = []
        _ = pieceIDs(text, tokens: &tokens)
        return tokens ?? []
    }

    /// The ids of every piece of `text`, and their strings when `tokens` is non-nil.
    func pieceIDs(_ text: String, tokens: inout [String]?) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(text.utf8.count / 3 + 4)
        for piece in rawAddedTokens.split(Array(text.unicodeScalars)) {
            switch piece {
            case .token(let entry, let matched):
                ids.append(entry.id)
                tokens?.append(String(String.UnicodeScalarView(matched)))
            case .text(let segment):
                for inner in normalizedAddedTokens.split(normalizer.normalize(segment)) {
                    switch inner {
                    case .token(let entry, let matched):
                        ids.append(entry.id)
                        tokens?.append(String(String.UnicodeScalarView(matched)))
                    case .text(let normalized):
                        for word in BertPreTokenizer.split(Array(normalized)) {
                            model.tokenize(word, ids: &ids, tokens: &tokens)
                        }
                    }
                }
            }
        }
        return ids
    }
}
