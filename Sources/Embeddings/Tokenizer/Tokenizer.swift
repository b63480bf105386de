/// A tokenizer built from a model folder's `tokenizer.json` (or `vocab.txt`), producing the same
/// ids as huggingface/tokenizers for BERT/MPNet WordPiece, RoBERTa/ModernBERT byte-level BPE and
/// XLM-RoBERTa SentencePiece Unigram.
///
/// Pipeline, as tokenizers' `TokenizerImpl::encode` runs it for one text:
/// 1. added tokens with `normalized: false` are found in the raw text (``AddedVocabulary``);
/// 2. the rest is normalized (``Normalizer``) and searched for `normalized` added tokens;
/// 3. each remaining piece is pre-tokenized into words (``PreTokenizer``);
/// 4. each word becomes ids (``TokenizerModel``: WordPiece, BPE or Unigram);
/// 5. the ids are truncated to `maxLength` minus the post-processor's special tokens, then
///    wrapped in them (``PostProcessor``).
/// Load one with ``load(folder:)``.
public struct Tokenizer: Sendable {
    let addedVocabulary: AddedVocabulary
    let normalizer: Normalizer?
    let preTokenizer: PreTokenizer?
    let model: TokenizerModel
    let postProcessor: PostProcessor

    /// The id that pads a batch.
    public let padID: Int32
    /// `model_max_length` from `tokenizer_config.json`; nil when absent or a "no limit" sentinel.
    public let modelMaxLength: Int?

    /// The number of entries in the model's vocabulary (added tokens not counted).
    public var vocabularySize: Int { model.vocabularySize }

    /// The ids the post-processor puts before and after every text (`[CLS]`, `<s>`, ...).
    var prefixIDs: [Int32] { postProcessor.prefix }
    var suffixIDs: [Int32] { postProcessor.suffix }

    /// Token ids for one text: the special prefix, at most `maxLength` minus the specials' count
    /// pieces, the special suffix.
    ///
    /// Truncation keeps the first pieces, as tokenizers' `LongestFirst` does for a single text
    /// with `max_length` (sentence-transformers' `max_seq_length`); the result never holds more
    /// than `maxLength` ids.
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        var tokens: [String]? = nil
        let budget = max(0, maxLength - postProcessor.addedCount)
        var pieces = pieceIDs(text, tokens: &tokens, limit: budget)
        if pieces.count > budget { pieces.removeSubrange(budget...) }
        var ids = postProcessor.prefix
        ids.reserveCapacity(pieces.count + postProcessor.addedCount)
        ids.append(contentsOf: pieces)
        ids.append(contentsOf: postProcessor.suffix)
        if ids.count > maxLength { ids.removeSubrange(max(0, maxLength)...) }
        return ids
    }

    /// The tokens of one text, without the post-processor's specials and without truncation.
    public func tokens(_ text: String) -> [String] {
        var tokens: [String]? = []
        _ = pieceIDs(text, tokens: &tokens, limit: .max)
        return tokens ?? []
    }

    /// The ids of the pieces of `text` (no specials), and their strings when `tokens` is non-nil.
    /// Stops once `limit` ids are reached (tokenizers' `tokenize_with_limit`): later words cannot
    /// change the ids kept.
    func pieceIDs(_ text: String, tokens: inout [String]?, limit: Int) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(min(limit, text.utf8.count / 3 + 4))
        let scalars = Array(text.unicodeScalars)
        for piece in addedVocabulary.raw.split(scalars) {
            if ids.count >= limit { break }
            switch piece {
            case .token(let id, let range):
                ids.append(id)
                tokens?.append(String(String.UnicodeScalarView(scalars[range])))
            case .text(let range):
                var normalized = TextPiece(Array(scalars[range]), atTextStart: range.lowerBound == 0)
                normalizer?.normalize(&normalized)
                for inner in addedVocabulary.normalized.split(normalized.scalars) {
                    if ids.count >= limit { break }
                    switch inner {
                    case .token(let id, let range):
                        ids.append(id)
                        tokens?.append(String(String.UnicodeScalarView(normalized.scalars[range])))
                    case .text(let range):
                        let words = preTokenizer?.split(normalized.slice(range)) ?? [normalized.slice(range)]
                        for word in words where !word.scalars.isEmpty {
                            if ids.count >= limit { break }
                            model.tokenize(word.scalars, ids: &ids, tokens: &tokens)
                        }
                    }
                }
            }
        }
        return ids
    }
}
