/// The BPE model: a word starts as its characters and merges adjacent pairs, lowest rank first.
///
/// As tokenizers' `BPE::merge_word` (`models/bpe/model.rs`): each character (with the
/// `continuing_subword_prefix` when not first, the `end_of_word_suffix` when last) is looked up;
/// one that is missing becomes its bytes as `<0xXX>` pieces when `byte_fallback` has them all,
/// else the unknown token (consecutive unknowns fused into one when `fuse_unk`), else nothing when
/// there is no unknown token. Then ``BPEWord`` applies the merges. With `ignore_merges` a word that
/// is itself in the vocabulary is that one token.
/// Vocabulary keys are UTF-8 bytes, compared byte for byte as Rust compares strings.
struct BPEModel: Sendable {
    /// A merge: the pair's rank (its line in `merges`) and the id of the merged token.
    struct Merge: Sendable {
        let rank: Int32
        let newID: Int32
    }

    let vocabulary: [[UInt8]: Int32]
    /// Pairs of ids, packed as `left << 32 | right`.
    let merges: [UInt64: Merge]
    let unknown: (token: String, id: Int32)?
    let continuingSubwordPrefix: [UInt8]
    let endOfWordSuffix: [UInt8]
    let fuseUnknown: Bool
    let byteFallback: Bool
    let ignoreMerges: Bool
    /// The id of `<0xXX>` for each byte, when present.
    let byteIDs: [Int32?]
    /// Token text by id, for ``tokenize(_:ids:tokens:)``'s optional token strings.
    let tokenTexts: [Int32: String]

    init(vocabulary: [[UInt8]: Int32], merges: [UInt64: Merge], unknown: (token: String, id: Int32)?,
         continuingSubwordPrefix: [UInt8], endOfWordSuffix: [UInt8], fuseUnknown: Bool,
         byteFallback: Bool, ignoreMerges: Bool) {
        self.vocabulary = vocabulary
        self.merges = merges
        self.unknown = unknown
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.endOfWordSuffix = endOfWordSuffix
        self.fuseUnknown = fuseUnknown
        self.byteFallback = byteFallback
        self.ignoreMerges = ignoreMerges
        self.byteIDs = (0...255).map { vocabulary[Array(TokenizerModel.byteFallbackToken(UInt8($0)).utf8)] }
        var texts: [Int32: String] = [:]
        texts.reserveCapacity(vocabulary.count)
        for (key, id) in vocabulary { texts[id] = String(decoding: key, as: UTF8.self) }
        self.tokenTexts = texts
    }

    static func pairKey(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }

    func tokenize(_ word: [Unicode.Scalar], ids: inout [Int32], tokens: inout [String]?) {
        guard !word.isEmpty else { return }
        if ignoreMerges, let id = vocabulary[word.utf8Bytes] {
            ids.append(id)
            tokens?.append(tokenTexts[id] ?? "")
            return
        }
        var symbols = BPEWord()
        var pendingUnknown: (id: Int32, length: Int)?
        var key: [UInt8] = []
        for (index, scalar) in word.enumerated() {
            key.removeAll(keepingCapacity: true)
            if index > 0 { key.append(contentsOf: continuingSubwordPrefix) }
            UTF8.encode(scalar) { key.append($0) }
            if index == word.count - 1 { key.append(contentsOf: endOfWordSuffix) }
            let length = UTF8.width(scalar)
            if let id = vocabulary[key] {
                if let unknown = pendingUnknown {
                    symbols.add(unknown.id, length: unknown.length)
                    pendingUnknown = nil
                }
                symbols.add(id, length: length)
                continue
            }
            // tokenizers adds the byte pieces without flushing a pending unknown first.
            if byteFallback, key.allSatisfy({ byteIDs[Int($0)] != nil }) {
                for byte in key { symbols.add(byteIDs[Int(byte)]!, length: 1) }
                continue
            }
            guard let unknownID = unknown?.id else { continue }
            if let previous = pendingUnknown {
                if fuseUnknown {
                    pendingUnknown = (previous.id, previous.length + length)
                } else {
                    symbols.add(previous.id, length: previous.length)
                    pendingUnknown = (unknownID, length)
                }
            } else {
                pendingUnknown = (unknownID, length)
            }
        }
        if let unknown = pendingUnknown { symbols.add(unknown.id, length: unknown.length) }
        symbols.mergeAll(merges)
        for id in symbols.ids {
            ids.append(id)
            tokens?.append(tokenTexts[id] ?? "")
        }
    }
}
