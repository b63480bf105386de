extension PrecompiledCharsmap {
    /// The `Precompiled` normalizer (tokenizers `normalizers/precompiled.rs`), quirks included.
    ///
    /// The text is walked grapheme by grapheme (extended grapheme clusters: Swift's `Character`,
    /// the `unicode-segmentation` crate in tokenizers). A grapheme shorter than 6 UTF-8 bytes that
    /// the trie knows is replaced whole, by the replacement of its *shortest* known prefix, so
    /// `Ａ` + U+0301 becomes `A`, the mark lost, exactly as in tokenizers and SentencePiece's
    /// bindings. Otherwise each scalar is replaced on its own when the trie knows it.
    func normalize(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var bytes: [UInt8] = []
        for grapheme in String(String.UnicodeScalarView(scalars)) {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: grapheme.utf8)
            if bytes.count < 6, let replacement = replacement(for: bytes) {
                Self.appendScalars(of: replacement, to: &result)
            } else {
                for scalar in grapheme.unicodeScalars {
                    var scalarBytes: [UInt8] = []
                    UTF8.encode(scalar) { scalarBytes.append($0) }
                    if let replacement = replacement(for: scalarBytes) {
                        Self.appendScalars(of: replacement, to: &result)
                    } else {
                        result.append(scalar)
                    }
                }
            }
        }
        return result
    }

    /// Decodes a replacement (valid UTF-8: the blob was checked, and each replacement starts at a
    /// character and ends at a NUL or the blob's end).
    private static func appendScalars(of bytes: ArraySlice<UInt8>, to result: inout [Unicode.Scalar]) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            result.append(scalar)
        }
    }
}
