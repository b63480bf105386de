import Foundation

/// Builds a tokenizer from `vocab.txt` and `tokenizer_config.json`, the older BERT folder layout.
///
/// `vocab.txt`: one token per line, id = line index, trailing whitespace trimmed, a later
/// duplicate winning (tokenizers `WordPiece::read_file`). `tokenizer_config.json` gives
/// `do_lower_case`, `strip_accents`, `tokenize_chinese_chars` and the special tokens, which are
/// matched in the raw text like tokenizers' special added tokens.
enum VocabularyFile {
    static func tokenizer(
        vocab url: URL, config: [String: Any], modelMaxLength: Int?
    ) throws -> Tokenizer {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.malformed(file: name, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TokenizerError.malformed(file: name, reason: "not UTF-8 text")
        }
        var vocabulary: [[UInt8]: Int32] = [:]
        // Split on U+000A scalars: Swift's Character split would keep "\r\n" as one grapheme.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }  // a final newline ends the last line
        guard !lines.isEmpty else { throw TokenizerError.malformed(file: name, reason: "no tokens") }
        for (index, line) in lines.enumerated() {
            var end = line.endIndex
            while end > line.startIndex, BertUnicode.isWhitespace(line[line.index(before: end)]) {
                end = line.index(before: end)
            }
            vocabulary[Array(String(String.UnicodeScalarView(line[..<end])).utf8)] = Int32(index)
        }

        func token(_ key: String, _ fallback: String) -> String {
            TokenizerFiles.tokenContent(config[key]) ?? fallback
        }
        func id(_ token: String, file: String) throws -> Int32 {
            guard let id = vocabulary[Array(token.utf8)] else { throw TokenizerError.missingToken(file: file, token: token) }
            return id
        }
        let unknown = token("unk_token", "[UNK]")
        let model = WordPieceModel(
            vocabulary: vocabulary, unknownToken: unknown, unknownID: try id(unknown, file: name),
            continuingSubwordPrefix: Array("##".utf8), maxInputCharsPerWord: 100)
        let lowercase = TokenizerFiles.bool(config["do_lower_case"]) ?? true
        let normalizer = BertNormalizer(
            cleanText: true,
            handleChineseChars: TokenizerFiles.bool(config["tokenize_chinese_chars"]) ?? true,
            stripAccents: TokenizerFiles.bool(config["strip_accents"]),
            lowercase: lowercase)
        let specials = ["unk_token": "[UNK]", "sep_token": "[SEP]", "cls_token": "[CLS]",
                        "pad_token": "[PAD]", "mask_token": "[MASK]"]
        let added = specials.keys.sorted().map { key in
            AddedVocabulary.Token(content: token(key, specials[key] ?? ""))
        }
        let wordPiece = TokenizerModel.wordPiece(model)
        let clsID = try id(token("cls_token", "[CLS]"), file: name)
        let sepID = try id(token("sep_token", "[SEP]"), file: name)
        return Tokenizer(
            addedVocabulary: AddedVocabulary(added.filter { vocabulary[Array($0.content.utf8)] != nil }, model: wordPiece, normalizer: nil),
            normalizer: .bert(normalizer), preTokenizer: .bert, model: wordPiece,
            postProcessor: PostProcessor(prefix: [clsID], suffix: [sepID]),
            padID: vocabulary[Array(token("pad_token", "[PAD]").utf8)] ?? 0,
            modelMaxLength: modelMaxLength)
    }
}
