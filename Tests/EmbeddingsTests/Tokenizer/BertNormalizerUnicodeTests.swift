import Foundation
import Testing
@testable import Embeddings

/// Every code point through the normalizer and pre-tokenizer, compared block by block with
/// hashes recorded from huggingface `tokenizers` (scripts/fixtures/make_tokenizer_fixtures.py).
/// This is what pins the Unicode 8.0 category tables tokenizers uses (see ``BertUnicode``).
@Suite("BERT normalizer and pre-tokenizer over all of Unicode")
struct BertNormalizerUnicodeTests {
    static let configs: [String: BertNormalizer] = [
        "uncased": BertNormalizer(cleanText: true, handleChineseChars: true, stripAccents: nil, lowercase: true),
        "lowercaseKeepAccents": BertNormalizer(cleanText: true, handleChineseChars: true, stripAccents: false, lowercase: true),
        "cased": BertNormalizer(cleanText: true, handleChineseChars: true, stripAccents: false, lowercase: false),
        "stripAccentsCased": BertNormalizer(cleanText: true, handleChineseChars: false, stripAccents: true, lowercase: false),
    ]

    /// FNV-1a 64 over each word's UTF-8 bytes, each word followed by 0xFF.
    static func hash(_ words: [ArraySlice<Unicode.Scalar>]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        for word in words {
            for scalar in word { UTF8.encode(scalar) { mix($0) } }
            mix(0xFF)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test("every code point normalizes and splits as in tokenizers", arguments: configs.keys.sorted())
    func allCodePoints(config name: String) throws {
        let blocks = try JSONDecoder().decode(
            TokenizerFixtures.UnicodeBlocks.self, from: TokenizerFixtures.resource("unicode_blocks.json"))
        let expected = try #require(blocks.configs[name])
        let normalizer = try #require(Self.configs[name])
        let separator = try #require(blocks.separator.unicodeScalars.first)
        #expect(expected.count == 0x110000 / blocks.blockSize)
        for (block, expectedHash) in expected.enumerated() {
            var text: [Unicode.Scalar] = []
            for value in (block * blocks.blockSize)..<((block + 1) * blocks.blockSize) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if !text.isEmpty { text.append(separator) }
                text.append(scalar)
            }
            let words = BertPreTokenizer.split(normalizer.normalize(text))
            let start = String(block * blocks.blockSize, radix: 16, uppercase: true)
            #expect(Self.hash(words) == expectedHash, "\(name): block starting at U+\(start)")
        }
    }
}
