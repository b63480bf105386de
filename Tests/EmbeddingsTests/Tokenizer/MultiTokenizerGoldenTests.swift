import Foundation
import Testing
@testable import Embeddings

/// Ids must equal huggingface `tokenizers`' for RoBERTa, ModernBERT, XLM-R and MPNet style
/// tokenizers and the variants that exercise the other normalizers, pre-tokenizers and
/// post-processors (scripts/fixtures/make_tokenizer_fixtures_multi.py): one different id changes
/// an embedding.
@Suite("Tokenizers beyond BERT against huggingface tokenizers")
struct MultiTokenizerGoldenTests {
    @Test("ids equal tokenizers' on every fixture text", arguments: MultiTokenizerFixtures.names)
    func ids(name: String) throws {
        let tokenizer = try MultiTokenizerFixtures.tokenizer(name)
        let texts = MultiTokenizerFixtures.texts
        let expected = try #require(MultiTokenizerFixtures.entry(name)["ids"]?.members)
        #expect(expected.count >= 60)
        var failures = 0
        for (key, value) in expected {
            let index = try #require(Int(key))
            let golden = try #require(value.array).compactMap(\.id)
            let ids = tokenizer.encode(texts[index], maxLength: .max)
            if ids != golden {
                failures += 1
                if failures <= 5 {
                    Issue.record("\(name) case \(index) \(TokenizerFixtures.escaped(texts[index])): got \(ids), expected \(golden)")
                }
            }
        }
        #expect(failures == 0, "\(name): \(failures) of \(expected.count) texts differ")
    }

    @Test("truncation to max_length keeps the specials and matches tokenizers", arguments: MultiTokenizerFixtures.names)
    func truncation(name: String) throws {
        let tokenizer = try MultiTokenizerFixtures.tokenizer(name)
        let texts = MultiTokenizerFixtures.texts
        for entry in MultiTokenizerFixtures.entry(name)["truncated"]?.array ?? [] {
            let index = Int(try #require(entry["case"]?.id))
            let maxLength = Int(try #require(entry["maxLength"]?.id))
            let golden = try #require(entry["ids"]?.array).compactMap(\.id)
            let ids = tokenizer.encode(texts[index], maxLength: maxLength)
            #expect(ids == golden, "\(name) case \(index) at maxLength \(maxLength)")
            #expect(ids.count <= maxLength)
        }
    }

    @Test("the four architectures' tokenizers put their own special tokens around a text", arguments: [
        ("roberta", [0], [2]), ("xlmr", [0], [2]), ("mpnet", [0], [2]), ("spm_bytes", [], []),
        ("xlmr_never_nmt", [0, 0], [2]),
    ] as [(String, [Int32], [Int32])])
    func specials(name: String, prefix: [Int32], suffix: [Int32]) throws {
        let tokenizer = try MultiTokenizerFixtures.tokenizer(name)
        #expect(tokenizer.prefixIDs == prefix)
        #expect(tokenizer.suffixIDs == suffix)
        #expect(tokenizer.encode("", maxLength: 512) == prefix + suffix)
    }

    @Test("ModernBERT-style special tokens added after the vocabulary take the next free ids")
    func addedTokenIDs() throws {
        let tokenizer = try MultiTokenizerFixtures.tokenizer("modernbert")
        let size = Int32(tokenizer.vocabularySize)
        // "  ", "   ", "    " first, then [UNK] [CLS] [SEP] [PAD] [MASK].
        #expect(tokenizer.prefixIDs == [size + 4])
        #expect(tokenizer.suffixIDs == [size + 5])
        #expect(tokenizer.padID == size + 6)
    }
}
