import Foundation
import Testing
@testable import Embeddings

/// Token ids must equal those of huggingface `tokenizers` on every golden text, through both
/// the `tokenizer.json` and the `vocab.txt` paths: a single different id changes an embedding.
@Suite("WordPiece tokenizer against huggingface tokenizers",
       .enabled(if: TokenizerFixtures.modelIsPresent, "needs .cache/models/all-MiniLM-L6-v2 (make setup)"))
struct WordPieceTokenizerGoldenTests {
    static let fromJSON = Result { try Tokenizer.load(folder: TokenizerFixtures.modelFolder) }
    /// The same model folder without tokenizer.json, to exercise the vocab.txt fallback.
    static let fromVocabulary = Result {
        let source = TokenizerFixtures.modelFolder
        let folder = try TokenizerFixtures.folder([:])
        for name in ["vocab.txt", "tokenizer_config.json"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return try Tokenizer.load(folder: folder)
    }
    static let cases = TokenizerFixtures.golden.cases

    @Test("tokenizer.json ids equal tokenizers' on every fixture text", arguments: cases.indices)
    func idsFromTokenizerJSON(index: Int) throws {
        let tokenizer = try Self.fromJSON.get()
        let golden = Self.cases[index]
        #expect(tokenizer.encode(golden.text, maxLength: Int.max) == golden.ids,
                "case \(index): \(TokenizerFixtures.escaped(golden.text))")
    }

    @Test("tokens equal tokenizers' tokens on every fixture text", arguments: cases.indices)
    func tokens(index: Int) throws {
        let tokenizer = try Self.fromJSON.get()
        let golden = Self.cases[index]
        #expect(tokenizer.tokens(golden.text) == golden.tokens,
                "case \(index): \(TokenizerFixtures.escaped(golden.text))")
    }

    @Test("vocab.txt + tokenizer_config.json ids equal tokenizers' on every fixture text", arguments: cases.indices)
    func idsFromVocabulary(index: Int) throws {
        let tokenizer = try Self.fromVocabulary.get()
        let golden = Self.cases[index]
        #expect(tokenizer.encode(golden.text, maxLength: Int.max) == golden.vocabIds ?? golden.ids,
                "case \(index): \(TokenizerFixtures.escaped(golden.text))")
    }

    @Test("truncation at 256 and at small limits matches tokenizers")
    func truncation() throws {
        let tokenizer = try Self.fromJSON.get()
        let truncated = TokenizerFixtures.golden.truncated
        #expect(truncated.contains { $0.maxLength == 256 }, "the fixture must hold texts longer than 256 tokens")
        for entry in truncated {
            let text = Self.cases[entry.case].text
            let ids = tokenizer.encode(text, maxLength: entry.maxLength)
            #expect(ids == entry.ids, "case \(entry.case) at maxLength \(entry.maxLength)")
            #expect(ids.count <= entry.maxLength)
        }
        // Every text short enough is left whole at 256, with [CLS] first and [SEP] last.
        let limited = Set(truncated.filter { $0.maxLength == 256 }.map(\.case))
        for (index, golden) in Self.cases.enumerated() where !limited.contains(index) {
            #expect(tokenizer.encode(golden.text, maxLength: 256) == golden.ids, "case \(index)")
        }
    }

    @Test("the real folder's settings: padding id 0, model_max_length 512, 30522 entries")
    func settings() throws {
        let tokenizer = try Self.fromJSON.get()
        #expect(tokenizer.padID == 0)
        #expect(tokenizer.modelMaxLength == 512)
        #expect(tokenizer.vocabularySize == 30522)
        #expect(try Self.fromVocabulary.get().vocabularySize == 30522)
    }
}
