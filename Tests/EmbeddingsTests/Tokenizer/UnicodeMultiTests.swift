import Core
import Foundation
import Testing
@testable import Embeddings

/// Every code point through each Unicode-dependent normalizer and pre-tokenizer, compared block by
/// block with hashes recorded from huggingface `tokenizers` (unicode_multi.json, written by
/// scripts/fixtures/make_tokenizer_fixtures_multi.py). This pins the Unicode 11.0 normalization
/// tables, the character classes of the GPT-2 pattern and the grapheme handling of `Precompiled`.
@Suite("Normalizers and pre-tokenizers over all of Unicode")
struct UnicodeMultiTests {
    static let charsmap: Result<PrecompiledCharsmap, Error> = Result {
        let root = try MultiTokenizerFixtures.json("xlmr/tokenizer.json")
        let base64 = try #require(root["normalizer"]?["normalizers"]?.array?.first?["precompiled_charsmap"]?.string)
        return try PrecompiledCharsmap(base64: base64)
    }

    /// What each configuration does to a text: its output words.
    static func run(_ name: String, _ text: [Unicode.Scalar]) throws -> [[Unicode.Scalar]] {
        func normalized(_ normalizer: Normalizer) -> [[Unicode.Scalar]] { [normalizer.normalize(text)] }
        func split(_ preTokenizer: PreTokenizer) -> [[Unicode.Scalar]] {
            preTokenizer.split(TextPiece(text, atTextStart: true)).map(\.scalars)
        }
        switch name {
        case "NFC", "NFD", "NFKC", "NFKD": return normalized(.unicode(UnicodeNormalizer.Form(rawValue: name)!))
        case "Lowercase": return normalized(.lowercase)
        case "StripAccents": return normalized(.stripAccents)
        case "Nmt": return normalized(.nmt)
        case "Precompiled", "PrecompiledSpaced": return normalized(.precompiled(try charsmap.get()))
        case "ByteLevel", "ByteLevelSpaced": return split(.byteLevel(ByteLevel.PreTokenizer(addPrefixSpace: false, useRegex: true)))
        case "Whitespace": return split(.whitespace)
        case "WhitespaceSplit": return split(.whitespaceSplit)
        case "Digits": return split(.digits(individually: false))
        case "Punctuation": return split(.punctuation(.isolated))
        default: throw CocoaError(.featureUnsupported)
        }
    }

    static let blocks: JSONValue = {
        do { return try MultiTokenizerFixtures.json("unicode_multi.json") } catch { fatalError("unicode_multi.json: \(error)") }
    }()

    @Test("every code point goes through each part as in tokenizers",
          arguments: blocks["configs"]?.members?.map(\.key) ?? [])
    func allCodePoints(config name: String) throws {
        let blockSize = Int(try #require(Self.blocks["blockSize"]?.id))
        let config = try #require(Self.blocks["configs"]?[name])
        let separator = try #require(config["separator"]?.string?.unicodeScalars.first)
        let expected = try #require(config["hashes"]?.array).compactMap(\.string)
        #expect(expected.count == 0x110000 / blockSize)
        var failures = 0
        for (block, expectedHash) in expected.enumerated() {
            var text: [Unicode.Scalar] = []
            for value in (block * blockSize)..<((block + 1) * blockSize) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if !text.isEmpty { text.append(separator) }
                text.append(scalar)
            }
            let words = try Self.run(name, text).map { $0[...] }
            if BertNormalizerUnicodeTests.hash(words) != expectedHash {
                failures += 1
                if failures <= 8 {
                    Issue.record("\(name): block starting at U+\(String(block * blockSize, radix: 16, uppercase: true))")
                }
            }
        }
        #expect(failures == 0, "\(name): \(failures) blocks differ")
    }
}
