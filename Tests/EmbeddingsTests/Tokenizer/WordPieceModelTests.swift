import Foundation
import Testing
@testable import Embeddings

/// The WordPiece algorithm and the normalizer details that differ from Swift's string defaults.
@Suite("WordPiece model and BERT normalizer")
struct WordPieceModelTests {
    static func model(_ tokens: [String]) -> WordPieceModel {
        var vocabulary: [[UInt8]: Int32] = [:]
        for (index, token) in tokens.enumerated() { vocabulary[Array(token.utf8)] = Int32(index) }
        return WordPieceModel(
            vocabulary: vocabulary, unknownToken: "[UNK]", unknownID: 0,
            continuingSubwordPrefix: Array("##".utf8), maxInputCharsPerWord: 100)
    }

    static func pieces(_ model: WordPieceModel, _ word: String) -> [String] {
        var ids: [Int32] = []
        var tokens: [String]? = []
        model.tokenize(Array(word.unicodeScalars)[...], ids: &ids, tokens: &tokens)
        return tokens ?? []
    }

    @Test("greedy longest match from the left; an unmatched remainder makes the whole word [UNK]")
    func greedy() {
        let model = Self.model(["[UNK]", "a", "ab", "abc", "##c", "##cd", "##d", "##bcd", "x"])
        #expect(Self.pieces(model, "abcd") == ["abc", "##d"])
        #expect(Self.pieces(model, "abcdcd") == ["abc", "##d", "##cd"])
        #expect(Self.pieces(model, "abce") == ["[UNK]"])
        #expect(Self.pieces(model, "xa") == ["[UNK]"], "no ##a in the vocabulary")
    }

    @Test("the 100-character limit counts Unicode scalars, not grapheme clusters")
    func wordLength() {
        let model = Self.model(["[UNK]", "e", "##e", "##\u{301}"])
        let hundred = String(repeating: "e\u{301}", count: 50)  // 50 Characters, 100 scalars
        #expect(Self.pieces(model, hundred).count == 100)
        #expect(Self.pieces(model, hundred + "e") == ["[UNK]"])
    }

    @Test("vocabulary entries compare byte for byte, so canonically equivalent entries stay distinct")
    func byteKeys() {
        let model = Self.model(["[UNK]", "\u{E5}", "a\u{30A}"])
        var ids: [Int32] = []
        var tokens: [String]? = nil
        model.tokenize(Array("a\u{30A}".unicodeScalars)[...], ids: &ids, tokens: &tokens)
        model.tokenize(Array("\u{E5}".unicodeScalars)[...], ids: &ids, tokens: &tokens)
        #expect(ids == [2, 1])
    }

    @Test("lowercasing is per scalar and context-free, like Rust's char::to_lowercase", arguments: [
        ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),  // no final sigma, unlike context-aware lowercasing
        ("İ", "i\u{307}"),  // lengthens
        ("ẞ", "ß"),
        ("ǅ", "ǆ"),
        ("K", "k"),  // Kelvin sign
    ])
    func lowercase(input: String, expected: String) {
        let normalizer = BertNormalizer(cleanText: true, handleChineseChars: true, stripAccents: false, lowercase: true)
        #expect(String(String.UnicodeScalarView(normalizer.normalize(input.unicodeScalars))) == expected)
    }

    @Test("clean text drops NUL, U+FFFD and controls, maps whitespace to spaces; CJK gets spaces")
    func clean() {
        let normalizer = BertNormalizer(cleanText: true, handleChineseChars: true, stripAccents: false, lowercase: false)
        let input = "a\u{0}b\u{FFFD}c\u{200B}d\u{B}e\u{85}f\u{A0}g\th\u{3000}i中j"
        #expect(String(String.UnicodeScalarView(normalizer.normalize(input.unicodeScalars))) == "abcdef g h i 中 j")
    }
}
