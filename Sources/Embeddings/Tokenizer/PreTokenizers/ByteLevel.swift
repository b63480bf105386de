/// Byte-level BPE's view of text: every UTF-8 byte becomes one printable scalar, so the
/// vocabulary never meets a space, a control character or a broken sequence.
///
/// The map is GPT-2's `bytes_to_unicode` (openai/gpt-2 `encoder.py`, tokenizers
/// `pre_tokenizers/byte_level.rs` `bytes_char`): the printable bytes `!`…`~`, `¡`…`¬`, `®`…`ÿ` map
/// to themselves, the other 68 bytes to U+0100, U+0101, … in byte order (space becomes `Ġ`).
enum ByteLevel {
    static let scalars: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: "\0", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                table[byte] = Unicode.Scalar(next)!
                next += 1
            }
        }
        return table
    }()

    /// The scalars of `text`'s UTF-8 bytes.
    static func encode(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        for scalar in text {
            if scalar.value < 0x80 {
                result.append(scalars[Int(scalar.value)])
            } else {
                UTF8.encode(scalar) { result.append(scalars[Int($0)]) }
            }
        }
        return result
    }

    /// The ByteLevel pre-tokenizer: a leading space when asked (and missing), the GPT-2 split when
    /// `useRegex`, then each piece as byte scalars.
    struct PreTokenizer: Sendable {
        var addPrefixSpace = true
        var useRegex = true

        func split(_ piece: TextPiece) -> [TextPiece] {
            var piece = piece
            if addPrefixSpace && piece.scalars.first != " " { piece.scalars.insert(" ", at: 0) }
            let pieces = useRegex ? SplitDelimiterBehavior.isolated.split(piece, on: .gpt2) : [piece]
            return pieces.map { TextPiece(encode($0.scalars), atTextStart: $0.atTextStart) }
        }
    }
}
