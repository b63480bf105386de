/// The Unigram model: the segmentation with the highest total log-probability (Viterbi).
///
/// As tokenizers' `Unigram::encode_optimized` (`models/unigram/model.rs`, after SentencePiece's
/// `unigram_model.cc`): for each character boundary, every vocabulary piece that starts there
/// (common-prefix search over UTF-8 bytes, shortest first) offers score + best score so far to the
/// position where it ends, and only a strictly better offer replaces the current best. A character
/// that no single-character piece covers is also offered as the unknown piece with score
/// `min_score - 10`. Walking back from the end gives the pieces; runs of unknown pieces fuse into
/// one. Each piece's text is then looked up again: a fused unknown run that happens to be a piece
/// takes that id, else its bytes as `<0xXX>` pieces with `byte_fallback`, else the unknown id.
/// - Complexity: O(n · m) for n bytes and pieces of at most m bytes.
struct UnigramModel: Sendable {
    struct Piece: Sendable {
        let text: String
        let score: Double
    }

    let pieces: [Piece]
    /// Piece bytes to id; a piece listed twice keeps its later id, as tokenizers' hash map does.
    let trie: ByteTrie
    let unknownID: Int32
    let byteFallback: Bool
    /// The id of `<0xXX>` for each byte, when present.
    let byteIDs: [Int32?]
    let unknownScore: Double

    init(pieces: [Piece], unknownID: Int32, byteFallback: Bool) {
        self.pieces = pieces
        self.unknownID = unknownID
        self.byteFallback = byteFallback
        let entries = pieces.enumerated().map { (key: Array($0.element.text.utf8), value: Int32($0.offset)) }
        let trie = ByteTrie(entries)
        self.trie = trie
        self.byteIDs = (0...255).map { trie.value(of: Array(TokenizerModel.byteFallbackToken(UInt8($0)).utf8)) }
        // `score < min_score` skips NaN; the loader refuses non-finite scores anyway.
        let minimum = pieces.reduce(Double.infinity) { $1.score < $0 ? $1.score : $0 }
        self.unknownScore = minimum - 10
    }

    func tokenize(_ word: [Unicode.Scalar], ids: inout [Int32], tokens: inout [String]?) {
        let bytes = word.utf8Bytes
        let size = bytes.count
        guard size > 0 else { return }
        // best[end]: the best path to byte `end`: its score, where its last piece starts, the piece id.
        var score = [Double](repeating: 0, count: size + 1)
        var startOf = [Int](repeating: -1, count: size + 1)
        var idOf = [Int32](repeating: 0, count: size + 1)
        var start = 0
        for scalar in word {
            let characterLength = UTF8.width(scalar)
            let base = score[start]
            var hasSingleCharacterPiece = false
            trie.forEachPrefix(of: bytes, from: start) { length, id in
                let end = start + length
                let candidate = pieces[Int(id)].score + base
                if startOf[end] < 0 || candidate > score[end] {
                    score[end] = candidate
                    startOf[end] = start
                    idOf[end] = id
                }
                if length == characterLength { hasSingleCharacterPiece = true }
            }
            if !hasSingleCharacterPiece {
                let end = start + characterLength
                let candidate = unknownScore + base
                if startOf[end] < 0 || candidate > score[end] {
                    score[end] = candidate
                    startOf[end] = start
                    idOf[end] = unknownID
                }
            }
            start += characterLength
        }
        // Walk back, fusing runs of unknown pieces.
        var found: [(range: Range<Int>, id: Int32)] = []
        var end = size
        while end > 0 {
            let begin = startOf[end]
            if idOf[end] == unknownID, let last = found.last, last.id == unknownID {
                found[found.count - 1].range = begin..<last.range.upperBound
            } else {
                found.append((begin..<end, idOf[end]))
            }
            end = begin
        }
        for (range, nodeID) in found.reversed() {
            let text = bytes[range]
            // tokenizers turns the pieces into strings, then strings back into ids.
            if nodeID != unknownID {
                ids.append(nodeID)
                tokens?.append(pieces[Int(nodeID)].text)
            } else if let id = trie.value(of: text) {
                ids.append(id)
                tokens?.append(String(decoding: text, as: UTF8.self))
            } else if byteFallback, text.allSatisfy({ byteIDs[Int($0)] != nil }) {
                for byte in text {
                    ids.append(byteIDs[Int(byte)]!)
                    tokens?.append(TokenizerModel.byteFallbackToken(byte))
                }
            } else {
                ids.append(unknownID)
                tokens?.append(String(decoding: text, as: UTF8.self))
            }
        }
    }
}
