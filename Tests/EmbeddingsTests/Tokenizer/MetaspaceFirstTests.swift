import Foundation
import Testing
@testable import Embeddings

/// Metaspace's `prepend_scheme: "first"` prepends only where the piece still starts at the start of
/// the original text, which depends on how each normalizer moved that start in tokenizers.
@Suite("Metaspace prepend_scheme first")
struct MetaspaceFirstTests {
    /// Golden tokens from tokenizers 0.23: Replace(pattern, content), then Metaspace(first, no split).
    @Test("a Replace at the start moves it unless one character is replaced by something", arguments: [
        (#"{"Regex": " {2,}"}"#, "x", "   hi", [2, 3, 4] as [Int32]),  // x h i: no ▁
        (#"{"Regex": " "}"#, "x", " hi", [5, 3, 4]),  // ▁x h i
        (#"{"Regex": "a{2,}"}"#, "y", "aahi", [6, 3, 4]),
        (#"{"Regex": "^h"}"#, "", "hi", [4]),
        (#"{"String": "h"}"#, "xy", "hi", [5, 6, 4]),
    ])
    func replaceAtStart(pattern: String, content: String, text: String, expected: [Int32]) throws {
        let json = HostileTokenizerJSONTests.unigramJSON(
            vocab: #"[["<unk>", 0.0], ["▁", -1.0], ["x", -1.0], ["h", -1.0], ["i", -1.0], ["▁x", -0.5], ["y", -1.0]]"#,
            normalizer: #"{"type": "Replace", "pattern": \#(pattern), "content": "\#(content)"}"#,
            preTokenizer: #"{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "first", "split": false}"#)
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": json]))
        #expect(tokenizer.encode(text, maxLength: 16) == expected)
    }
}
