import Foundation
import Testing
@testable import Embeddings

/// Added tokens written in the text ([SEP], user-added words) must come out as their own ids,
/// with tokenizers' rules for normalized and single-word tokens.
@Suite("Added tokens against huggingface tokenizers")
struct AddedTokensTests {
    struct Case: Decodable {
        let text: String
        let ids: [Int32]
        let tokens: [String]
    }

    @Test("a tokenizers-written tokenizer.json with normalized, single_word and lstrip/rstrip tokens")
    func addedTokens() throws {
        let folder = try #require(Bundle.module.url(forResource: "Resources/tokenizer/added_tokens", withExtension: nil))
        let tokenizer = try Tokenizer.load(folder: folder)
        let cases = try JSONDecoder().decode([Case].self, from: TokenizerFixtures.resource("added_tokens_cases.json"))
        #expect(cases.count >= 10)
        for golden in cases {
            let label = TokenizerFixtures.escaped(golden.text)
            #expect(tokenizer.encode(golden.text, maxLength: 512) == golden.ids, "\(label)")
            // An lstrip/rstrip token's text includes the spaces it absorbed, as in tokenizers.
            #expect(tokenizer.tokens(golden.text) == golden.tokens, "\(label)")
        }
    }
}
