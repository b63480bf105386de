import Core
import Foundation
import Testing
@testable import Embeddings

/// Loading model folders: both file layouts, and one clear error for each kind of bad folder.
@Suite("Loading a WordPiece tokenizer")
struct WordPieceTokenizerLoadingTests {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "hello", "world", "!"]

    /// A minimal tokenizer.json; `model`, `normalizer`, ... replace the defaults when given.
    static func tokenizerJSON(
        model: String? = nil, normalizer: String? = nil, preTokenizer: String? = nil, postProcessor: String? = nil
    ) -> String {
        let vocab = vocabulary.enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ", ")
        let wordPiece = "{\"type\": \"WordPiece\", \"unk_token\": \"[UNK]\", \"continuing_subword_prefix\": \"##\", "
            + "\"max_input_chars_per_word\": 100, \"vocab\": {" + vocab + "}}"
        return """
        {"version": "1.0", "truncation": null, "padding": null,
         "added_tokens": [{"id": 3, "content": "[SEP]", "normalized": false, "special": true}],
         "normalizer": \(normalizer ?? #"{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}"#),
         "pre_tokenizer": \(preTokenizer ?? #"{"type": "BertPreTokenizer"}"#),
         "post_processor": \(postProcessor ?? #"{"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]}"#),
         "model": \(model ?? wordPiece)}
        """
    }

    static func loadError(_ files: [String: String]) throws -> TokenizerError {
        let folder = try TokenizerFixtures.folder(files)
        do {
            _ = try Tokenizer.load(folder: folder)
        } catch let error as TokenizerError {
            return error
        }
        Issue.record("loading \(files.keys.sorted()) should have failed")
        throw CancellationError()
    }

    @Test("a small tokenizer.json tokenizes with its own special ids")
    func smallTokenizerJSON() throws {
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": Self.tokenizerJSON()]))
        #expect(tokenizer.encode("Unaffable hello[SEP]world!", maxLength: 512) == [2, 5, 6, 7, 8, 3, 9, 10, 3])
        #expect(tokenizer.tokens("unaffable unknown") == ["un", "##aff", "##able", "[UNK]"])
        #expect(tokenizer.padID == 0)
        #expect(tokenizer.modelMaxLength == nil)
    }

    @Test("truncation keeps [CLS] and [SEP] and never exceeds maxLength",
          arguments: [(0, [Int32]()), (1, [2]), (2, [2, 3]), (3, [2, 5, 3]), (5, [2, 5, 6, 7, 3]), (6, [2, 5, 6, 7, 3])])
    func truncation(maxLength: Int, expected: [Int32]) throws {
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": Self.tokenizerJSON()]))
        #expect(tokenizer.encode("unaffable", maxLength: maxLength) == expected)
    }

    @Test("a folder with neither tokenizer.json nor vocab.txt is an error naming the folder")
    func missingVocabulary() throws {
        let error = try Self.loadError(["tokenizer_config.json": "{}"])
        guard case .missingVocabulary = error else { Issue.record("got \(error)"); return }
        #expect(error.description.contains("no tokenizer.json or vocab.txt"))
    }

    @Test("malformed tokenizer.json is a one-line error naming the file",
          arguments: ["{not json", "[1, 2]", #"{"model": {"type": "WordPiece"}}"#, #"{"normalizer": null}"#])
    func malformed(contents: String) throws {
        let error = try Self.loadError(["tokenizer.json": contents])
        guard case .malformed(let file, _) = error else { Issue.record("got \(error)"); return }
        #expect(file.hasSuffix("/tokenizer.json"))
        #expect(error.description.hasPrefix(file + ": "))
        #expect(!error.description.contains("\n"))
    }

    @Test("tokenizer parts that cannot be reproduced exactly are rejected, not approximated", arguments: [
        (model: #"{"type": "WordLevel", "vocab": {}, "unk_token": "[UNK]"}"#, normalizer: nil, preTokenizer: nil, needle: "WordLevel"),
        (model: #"{"type": "BPE", "vocab": {"a": 0}, "merges": [], "dropout": 0.1}"#, normalizer: nil, preTokenizer: nil, needle: "dropout"),
        (model: nil, normalizer: #"{"type": "Replace", "pattern": {"Regex": "(?<=a)b"}, "content": ""}"#,
         preTokenizer: nil, needle: "(?<"),
        (model: nil, normalizer: nil, preTokenizer: #"{"type": "UnicodeScripts"}"#, needle: "UnicodeScripts"),
        (model: nil, normalizer: nil, preTokenizer: #"{"type": "Split", "pattern": {"Regex": "\\p{Han}+"}, "behavior": "Isolated", "invert": false}"#,
         needle: "Han"),
    ] as [(model: String?, normalizer: String?, preTokenizer: String?, needle: String)])
    func unsupported(model: String?, normalizer: String?, preTokenizer: String?, needle: String) throws {
        let json = Self.tokenizerJSON(model: model, normalizer: normalizer, preTokenizer: preTokenizer)
        let error = try Self.loadError(["tokenizer.json": json])
        guard case .unsupported(let file, let reason) = error else { Issue.record("got \(error)"); return }
        #expect(file.hasSuffix("/tokenizer.json"))
        #expect(reason.contains(needle))
    }

    @Test("a one-part Sequence normalizer and a TemplateProcessing post-processor are accepted")
    func sequenceAndTemplate() throws {
        let json = Self.tokenizerJSON(
            normalizer: #"{"type": "Sequence", "normalizers": [{"type": "BertNormalizer", "lowercase": false}]}"#,
            postProcessor: #"""
            {"type": "TemplateProcessing",
             "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
             "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}}
            """#)
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": json]))
        // Without lowercasing "Hello" is not in the vocabulary.
        #expect(tokenizer.encode("Hello hello", maxLength: 16) == [2, 1, 8, 3])
    }

    @Test("an unknown token missing from the vocabulary is an error")
    func missingUnknownToken() throws {
        let error = try Self.loadError(["vocab.txt": "[CLS]\n[SEP]\nhello\n"])
        guard case .missingToken(let file, let token) = error else { Issue.record("got \(error)"); return }
        #expect(file.hasSuffix("/vocab.txt"))
        #expect(token == "[UNK]")
        #expect(error.description.hasSuffix("vocab.txt: token \"[UNK]\" is not in the vocabulary"))
    }

    @Test("vocab.txt: id is the line index, trailing spaces trimmed, a later duplicate wins; config settings apply")
    func vocabularyFile() throws {
        let vocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello  \nHello\r\nhello\n##é\nworld\n"
        let config = #"{"do_lower_case": false, "strip_accents": false, "model_max_length": 1000000000000000019884624838656, "pad_token": {"content": "[PAD]"}}"#
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(
            ["vocab.txt": vocab, "tokenizer_config.json": config]))
        #expect(tokenizer.encode("Hello hello worldé [SEP]", maxLength: 64) == [2, 5, 6, 8, 7, 3, 3])
        #expect(tokenizer.modelMaxLength == nil, "1e30 is transformers' 'no limit'")
        #expect(tokenizer.vocabularySize == 8)
    }

    @Test("tokenizer.json vocabulary keys stay byte-exact: canonically equivalent tokens keep their own ids")
    func canonicallyEquivalentKeys() throws {
        // JSON escapes and raw UTF-8; the first two are the two spellings of "å".
        let json = Self.tokenizerJSON(
            normalizer: #"{"type": "BertNormalizer", "strip_accents": false, "lowercase": false}"#
        ).replacingOccurrences(
            of: #""!": 10"#, with: #""!": 10, "\u00e5": 11, "a\u030a": 12, "\ud83d\ude00": 13, "ø": 14"#)
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": json]))
        #expect(tokenizer.encode("\u{E5} a\u{30A} \u{1F600} ø", maxLength: 16) == [2, 11, 12, 13, 14, 3])
        #expect(tokenizer.vocabularySize == 15)
    }

    @Test("JSON string escapes decode exactly; invalid JSON reports the byte offset")
    func jsonEscapes() throws {
        let value = try JSONValue.parse(Array(#"{"k": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "n": [1.5e2, -0, true, null]}"#.utf8))
        #expect(value["k"]?.string == "a\"b\\c/d\n\t\u{E9}\u{1F600}")
        #expect(value["n"] == .array([.number(150), .number(0), .bool(true), .null]))
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(#"{"k": "\ud83d"}"#.utf8)) }
        let error = try Self.loadError(["tokenizer.json": "{\"model\": {\"type\": \"WordPiece\",}}"])
        #expect(error.description.contains("invalid JSON at byte"))
    }

    @Test("model_max_length is read next to tokenizer.json")
    func modelMaxLength() throws {
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(
            ["tokenizer.json": Self.tokenizerJSON(), "tokenizer_config.json": #"{"model_max_length": 256}"#]))
        #expect(tokenizer.modelMaxLength == 256)
    }
}
