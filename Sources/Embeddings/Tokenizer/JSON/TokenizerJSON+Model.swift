import Core

extension TokenizerJSON {
    /// The `model`: `WordPiece`, `BPE` or `Unigram` (`models/*/serialization.rs`).
    func model(_ value: JSONValue?) throws -> TokenizerModel {
        guard let object = value, object.members != nil else { throw malformed("no \"model\" object") }
        let type = try type(of: object, "the model")
        switch type {
        case "WordPiece": return .wordPiece(try wordPiece(object))
        case "BPE": return .bpe(try bpe(object))
        case "Unigram": return .unigram(try unigram(object))
        default: throw unsupported("model type \(type)")
        }
    }

    /// A `vocab` object of token -> id, keys kept byte for byte (a later duplicate wins).
    private func vocabulary(_ object: JSONValue) throws -> [[UInt8]: Int32] {
        guard let members = object["vocab"]?.members else { throw malformed("model has no \"vocab\" object") }
        guard members.count <= maximumEntries else {
            throw malformed("the vocabulary has \(members.count) entries; the most accepted is \(maximumEntries)")
        }
        var vocabulary: [[UInt8]: Int32] = [:]
        vocabulary.reserveCapacity(members.count)
        for (token, value) in members {
            guard let id = value.id else { throw malformed("vocab id of \(token.debugDescription) is not a whole number from 0 to 2^31-1") }
            vocabulary[Array(token.utf8)] = id
        }
        return vocabulary
    }

    private func wordPiece(_ object: JSONValue) throws -> WordPieceModel {
        let vocabulary = try vocabulary(object)
        let unknown = object["unk_token"]?.string ?? "[UNK]"
        guard let unknownID = vocabulary[Array(unknown.utf8)] else { throw TokenizerError.missingToken(file: file, token: unknown) }
        return WordPieceModel(
            vocabulary: vocabulary, unknownToken: unknown, unknownID: unknownID,
            continuingSubwordPrefix: Array((object["continuing_subword_prefix"]?.string ?? "##").utf8),
            maxInputCharsPerWord: (object["max_input_chars_per_word"]?.id).map(Int.init) ?? 100)
    }

    private func bpe(_ object: JSONValue) throws -> BPEModel {
        let vocabulary = try vocabulary(object)
        if let dropout = object["dropout"]?.number, dropout != 0 {
            throw unsupported("BPE dropout \(dropout) samples merges at random")
        }
        var unknown: (token: String, id: Int32)? = nil
        if let token = object["unk_token"]?.string {
            // tokenizers fails only when a text needs it; refusing up front keeps encoding total.
            guard let id = vocabulary[Array(token.utf8)] else { throw TokenizerError.missingToken(file: file, token: token) }
            unknown = (token, id)
        }
        let prefix = Array((object["continuing_subword_prefix"]?.string ?? "").utf8)
        guard let list = object["merges"]?.array else { throw malformed("BPE model has no \"merges\" array") }
        guard list.count <= maximumEntries else {
            throw malformed("\(list.count) merges; the most accepted is \(maximumEntries)")
        }
        var merges: [UInt64: BPEModel.Merge] = [:]
        merges.reserveCapacity(list.count)
        var rank: Int32 = 0
        for entry in list {
            let left: String, right: String
            if let line = entry.string {
                if line.hasPrefix("#version") { continue }  // a merges.txt header copied in
                let parts = line.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw malformed("merge \(rank + 1) \(line.debugDescription) is not two tokens separated by one space") }
                (left, right) = (String(String.UnicodeScalarView(parts[0])), String(String.UnicodeScalarView(parts[1])))
            } else if let pair = entry.array, pair.count == 2, let a = pair[0].string, let b = pair[1].string {
                (left, right) = (a, b)
            } else {
                throw malformed("merge \(rank + 1) is neither \"a b\" nor [a, b]")
            }
            let leftKey = Array(left.utf8), rightKey = Array(right.utf8)
            guard let leftID = vocabulary[leftKey] else { throw malformed("merge \(rank + 1) names \(left.debugDescription), which is not in the vocabulary") }
            guard let rightID = vocabulary[rightKey] else { throw malformed("merge \(rank + 1) names \(right.debugDescription), which is not in the vocabulary") }
            // tokenizers drops the prefix's length from the right token, whatever it starts with.
            guard rightKey.count >= prefix.count else { throw malformed("merge \(rank + 1): \(right.debugDescription) is shorter than the continuing_subword_prefix") }
            let mergedKey = leftKey + rightKey[prefix.count...]
            guard let newID = vocabulary[mergedKey] else {
                throw malformed("merge \(rank + 1) makes \(String(decoding: mergedKey, as: UTF8.self).debugDescription), which is not in the vocabulary")
            }
            merges[BPEModel.pairKey(leftID, rightID)] = BPEModel.Merge(rank: rank, newID: newID)  // a repeated pair: the later rank
            rank += 1
        }
        return BPEModel(
            vocabulary: vocabulary, merges: merges, unknown: unknown, continuingSubwordPrefix: prefix,
            endOfWordSuffix: Array((object["end_of_word_suffix"]?.string ?? "").utf8),
            fuseUnknown: object["fuse_unk"]?.bool ?? false, byteFallback: object["byte_fallback"]?.bool ?? false,
            ignoreMerges: object["ignore_merges"]?.bool ?? false)
    }

    private func unigram(_ object: JSONValue) throws -> UnigramModel {
        guard let list = object["vocab"]?.array else { throw malformed("Unigram model has no \"vocab\" array") }
        guard list.count <= maximumEntries else {
            throw malformed("the vocabulary has \(list.count) entries; the most accepted is \(maximumEntries)")
        }
        let pieces = try list.enumerated().map { index, entry -> UnigramModel.Piece in
            guard let pair = entry.array, pair.count == 2, let text = pair[0].string, let score = pair[1].number else {
                throw malformed("Unigram vocab entry \(index) is not [piece, score]")
            }
            guard score.isFinite else { throw malformed("Unigram vocab entry \(index) has a score that is not a finite number") }
            return UnigramModel.Piece(text: text, score: score)
        }
        guard let unknown = object["unk_id"], !unknown.isNull else {
            throw unsupported("Unigram without unk_id: tokenizers fails on any character outside the vocabulary")
        }
        guard let unknownID = unknown.id, Int(unknownID) < pieces.count else {
            throw malformed("Unigram unk_id is not the index of a vocab entry")
        }
        return UnigramModel(pieces: pieces, unknownID: unknownID, byteFallback: object["byte_fallback"]?.bool ?? false)
    }
}
