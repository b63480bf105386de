import Core
import Foundation
import Testing
@testable import Embeddings

/// tokenizer.json files made to break a reader: each must be one clear line naming the file,
/// never a crash, a hang or a tokenizer that quietly differs from huggingface tokenizers.
@Suite("Hostile tokenizer.json files")
struct HostileTokenizerJSONTests {
    /// A small valid Unigram tokenizer.json; `model`, `normalizer`, ... replace parts when given.
    static func unigramJSON(
        vocab: String = #"[["<unk>", 0.0], ["▁a", -1.5], ["b", -2.0], ["▁", -3.0]]"#, unkID: String = "0",
        normalizer: String = "null", preTokenizer: String = #"{"type": "Metaspace", "replacement": "▁"}"#,
        postProcessor: String = "null"
    ) -> String {
        """
        {"version": "1.0", "added_tokens": [], "normalizer": \(normalizer), "pre_tokenizer": \(preTokenizer),
         "post_processor": \(postProcessor), "model": {"type": "Unigram", "unk_id": \(unkID), "vocab": \(vocab)}}
        """
    }

    static func bpeJSON(vocab: String = #"{"a": 0, "b": 1, "ab": 2}"#, merges: String = #"["a b"]"#, extra: String = "") -> String {
        #"{"version": "1.0", "model": {"type": "BPE", "vocab": \#(vocab), "merges": \#(merges)\#(extra)}}"#
    }

    static func error(_ json: String) throws -> TokenizerError {
        let folder = try TokenizerFixtures.folder(["tokenizer.json": json])
        do {
            let tokenizer = try Tokenizer.load(folder: folder)
            Issue.record("loaded a tokenizer with \(tokenizer.vocabularySize) entries")
        } catch let error as TokenizerError {
            #expect(error.description.hasPrefix(folder.appendingPathComponent("tokenizer.json").path + ": "))
            #expect(!error.description.contains("\n"))
            return error
        }
        throw CancellationError()
    }

    @Test("models that name what is not there, or hold numbers that are not ids or scores", arguments: [
        (bpeJSON(merges: #"["a c"]"#), "\"c\", which is not in the vocabulary"),
        (bpeJSON(vocab: #"{"a": 0, "b": 1}"#), "makes \"ab\", which is not in the vocabulary"),
        (bpeJSON(merges: #"["a b c"]"#), "not two tokens"),
        (bpeJSON(merges: #"[["a"]]"#), "neither"),
        (bpeJSON(vocab: #"{"a": -1}"#, merges: "[]"), "not a whole number"),
        (bpeJSON(vocab: #"{"a": 1.5}"#, merges: "[]"), "not a whole number"),
        (bpeJSON(vocab: #"{"a": 4294967296}"#, merges: "[]"), "not a whole number"),
        (bpeJSON(merges: "[]", extra: #", "unk_token": "<unk>""#), "\"<unk>\" is not in the vocabulary"),
        (bpeJSON(merges: #"["a b"]"#, extra: ", \"continuing_subword_prefix\": \"@@@\""), "shorter than the continuing_subword_prefix"),
        (unigramJSON(vocab: #"[["a", 1e999]]"#), "not a finite number"),
        (unigramJSON(vocab: #"[["a", "x"]]"#), "not [piece, score]"),
        (unigramJSON(unkID: "7"), "unk_id is not the index"),
        (unigramJSON(vocab: "[]"), "unk_id is not the index"),
        (unigramJSON(unkID: "null"), "Unigram without unk_id"),
        (#"{"model": {"type": "WordPiece", "vocab": {"a": 0}}}"#, "\"[UNK]\" is not in the vocabulary"),
        (#"{"version": "2.0", "model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}"#, "version"),
    ])
    func models(json: String, needle: String) throws {
        #expect(try Self.error(json).description.contains(needle))
    }

    @Test("negative Unigram scores are the normal case (log-probabilities)")
    func negativeScores() throws {
        let tokenizer = try Tokenizer.load(folder: TokenizerFixtures.folder(["tokenizer.json": Self.unigramJSON()]))
        #expect(tokenizer.encode("a b", maxLength: 16) == [1, 3, 2])
        #expect(tokenizer.encode("ac", maxLength: 16) == [1, 0], "an unknown character is <unk>")
    }

    @Test("patterns outside the supported regex subset, or that match nothing, are refused", arguments: [
        (#"(?<=a)b"#, "(?<"), (#"(a)\1"#, "escape \\1"), (" *", "empty string"), ("a{1000}{1000}", "instructions"),
        ("[[:alpha:]]", "nested classes"), (#"\p{Greek}"#, "Greek"), ("a++", "possessive"), ("(a", "missing ')'"),
        ("a)", "unbalanced"), (#"\"#, "ends with"), ("a{5,2}", "backwards"),
    ])
    func regexes(pattern: String, needle: String) throws {
        let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\")
        let normalizer = #"{"type": "Replace", "pattern": {"Regex": "\#(escaped)"}, "content": "x"}"#
        let error = try Self.error(Self.unigramJSON(normalizer: normalizer))
        guard case .unsupported(_, let reason) = error else { Issue.record("got \(error)"); return }
        #expect(reason.contains(needle), "\(reason)")
    }

    @Test("pre-tokenizers, post-processors and nesting that tokenizers would refuse", arguments: [
        (#"{"type": "Metaspace", "replacement": "ab"}"#, "null", "one-character"),
        (#"{"type": "Metaspace", "replacement": "▁", "add_prefix_space": false}"#, "null", "add_prefix_space"),
        (#"{"type": "Split", "pattern": {"String": "a"}, "behavior": "Sideways", "invert": false}"#, "null", "behavior"),
        (#"{"type": "Split", "pattern": {"Nothing": "a"}, "behavior": "Isolated", "invert": false}"#, "null", "pattern must be"),
        (#"{"type": "Metaspace", "replacement": "▁"}"#,
         #"{"type": "TemplateProcessing", "single": [{"Sequence": {"id": "B", "type_id": 0}}], "special_tokens": {}}"#, "$A once"),
        (#"{"type": "Metaspace", "replacement": "▁"}"#,
         #"{"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}], "special_tokens": {}}"#,
         "not in \"special_tokens\""),
        (String(repeating: #"{"type": "Sequence", "pretokenizers": ["#, count: 40) + "null" + String(repeating: "]}", count: 40),
         "null", "nested too deeply"),
    ])
    func parts(preTokenizer: String, postProcessor: String, needle: String) throws {
        let error = try Self.error(Self.unigramJSON(preTokenizer: preTokenizer, postProcessor: postProcessor))
        #expect(error.description.contains(needle), "\(error)")
    }

    @Test("more entries than the limit is refused before anything is built")
    func entryLimit() throws {
        var reader = TokenizerJSON(file: "t.json")
        reader.maximumEntries = 3
        let root = try JSONValue.parse(Array(Self.bpeJSON(vocab: #"{"a": 0, "b": 1, "c": 2, "d": 3}"#, merges: "[]").utf8))
        #expect(throws: TokenizerError.malformed(file: "t.json", reason: "the vocabulary has 4 entries; the most accepted is 3")) {
            _ = try reader.tokenizer(root: root, modelMaxLength: nil)
        }
    }

    @Test("a tokenizer.json over 256 MiB is refused without being read")
    func hugeFile() throws {
        let folder = try TokenizerFixtures.folder([:])
        let url = folder.appendingPathComponent("tokenizer.json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("{".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(TokenizerJSON.maximumFileSize) + 1)  // sparse: nothing is written
        try handle.close()
        #expect(throws: TokenizerError.malformed(file: url.path, reason: "the file is larger than 256 MiB")) {
            _ = try Tokenizer.load(folder: folder)
        }
    }
}
