/// The WordPiece model: greedy longest-match-first subwords over a fixed vocabulary.
///
/// Algorithm (huggingface/tokenizers `models/wordpiece/mod.rs`): a word of more than
/// `maxInputCharsPerWord` Unicode scalars is the unknown token; otherwise, from the left, take
/// the longest vocabulary entry that starts here (continuation pieces carry the `##` prefix);
/// if some position matches nothing, the whole word is the unknown token.
/// Vocabulary keys are UTF-8 bytes, so entries compare byte for byte as in Rust (Swift
/// `String` equality would merge canonically equivalent entries such as `Å` and `Å`).
/// - Complexity: O(n²) dictionary lookups for a word of n scalars, n ≤ `maxInputCharsPerWord`.
struct WordPieceModel: Sendable {
    let vocabulary: [[UInt8]: Int32]
    let unknownToken: String
    let unknownID: Int32
    let continuingSubwordPrefix: [UInt8]
    let maxInputCharsPerWord: Int

    /// Appends the ids of one pre-tokenized word to `ids`, and its token strings to `tokens`
    /// when that is given.
    func tokenize(_ word: ArraySlice<Unicode.Scalar>, ids: inout [Int32], tokens: inout [String]?) {
        if word.count > maxInputCharsPerWord {
            ids.append(unknownID)
            tokens?.append(unknownToken)
            return
        }
        var bytes: [UInt8] = []
        var boundaries: [Int] = [0]  // byte offset where each scalar starts, then the end
        bytes.reserveCapacity(word.count * 2)
        boundaries.reserveCapacity(word.count + 1)
        for scalar in word {
            UTF8.encode(scalar) { bytes.append($0) }
            boundaries.append(bytes.count)
        }
        let firstPiece = ids.count
        var pieceKeys: [[UInt8]] = []
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count + continuingSubwordPrefix.count)
        var start = 0
        while start < boundaries.count - 1 {
            var end = boundaries.count - 1
            var found: Int32?
            while start < end {
                key.removeAll(keepingCapacity: true)
                if start > 0 { key.append(contentsOf: continuingSubwordPrefix) }
                key.append(contentsOf: bytes[boundaries[start]..<boundaries[end]])
                if let id = vocabulary[key] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.removeSubrange(firstPiece...)
                ids.append(unknownID)
                tokens?.append(unknownToken)
                return
            }
            ids.append(id)
            if tokens != nil { pieceKeys.append(key) }
            start = end
        }
        tokens?.append(contentsOf: pieceKeys.map { String(decoding: $0, as: UTF8.self) })
    }
}
