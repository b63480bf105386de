/// BERT's pre-tokenizer (huggingface/tokenizers `pre_tokenizers/bert.rs`).
///
/// Splits normalized text on whitespace (dropped), then makes every punctuation character
/// (ASCII punctuation and symbols, or Unicode category P*) a word of its own.
enum BertPreTokenizer {
    /// The words of `scalars`, in order, each a non-empty run of scalars.
    static func split(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var words: [ArraySlice<Unicode.Scalar>] = []
        var start = scalars.startIndex
        for index in scalars.indices {
            let scalar = scalars[index]
            if BertUnicode.isWhitespace(scalar) {
                if start < index { words.append(scalars[start..<index]) }
                start = index + 1
            } else if BertUnicode.isPunctuation(scalar) {
                if start < index { words.append(scalars[start..<index]) }
                words.append(scalars[index...index])
                start = index + 1
            }
        }
        if start < scalars.endIndex { words.append(scalars[start...]) }
        return words
    }
}
