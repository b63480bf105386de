import Foundation

/// Reads huggingface/tokenizers' `tokenizer.json` for a BERT WordPiece tokenizer.
///
/// Accepted parts: model `WordPiece`; normalizer `BertNormalizer` (alone, in a one-element
/// `Sequence`, or null); pre-tokenizer `BertPreTokenizer` (alone or in a one-element
/// `Sequence`); post-processor `TemplateProcessing` of the form `[CLS] $A [SEP]`,
/// `BertProcessing`, or null. Anything else is rejected rather than tokenized differently.
enum TokenizerJSON {
    static func tokenizer(file url: URL, modelMaxLength: Int?) throws -> WordPieceTokenizer {
        let name = url.lastPathComponent
        let root = try TokenizerFiles.readObject(url)
        func malformed(_ reason: String) -> TokenizerError { .malformed(file: name, reason: reason) }
        func unsupported(_ reason: String) -> TokenizerError { .unsupported(file: name, reason: reason) }

        guard let modelObject = root["model"] as? [String: Any] else { throw malformed("no \"model\" object") }
        let modelType = modelObject["type"] as? String ?? "(none)"
        guard modelType == "WordPiece" else { throw unsupported("model type \(modelType), expected WordPiece") }
        guard let vocabObject = modelObject["vocab"] as? [String: Any] else {
            throw malformed("model has no \"vocab\" object")
        }
        var vocabulary: [[UInt8]: Int32] = [:]
        vocabulary.reserveCapacity(vocabObject.count)
        for (token, value) in vocabObject {
            guard let id = TokenizerFiles.id(value) else { throw malformed("vocab id of \"\(token)\" is not an integer") }
            vocabulary[Array(token.utf8)] = id
        }
        let unknown = modelObject["unk_token"] as? String ?? "[UNK]"
        guard let unknownID = vocabulary[Array(unknown.utf8)] else {
            throw TokenizerError.missingToken(file: name, token: unknown)
        }
        let model = WordPieceModel(
            vocabulary: vocabulary, unknownToken: unknown, unknownID: unknownID,
            continuingSubwordPrefix: Array((modelObject["continuing_subword_prefix"] as? String ?? "##").utf8),
            maxInputCharsPerWord: (modelObject["max_input_chars_per_word"] as? NSNumber)?.intValue ?? 100)

        let normalizer = try self.normalizer(root["normalizer"], unsupported: unsupported)
        try checkPreTokenizer(root["pre_tokenizer"], unsupported: unsupported)

        var added: [(AddedTokens.Entry, normalized: Bool)] = []
        for case let token as [String: Any] in root["added_tokens"] as? [Any] ?? [] {
            guard let content = token["content"] as? String, let id = TokenizerFiles.id(token["id"]) else {
                throw malformed("an added token lacks \"content\" or \"id\"")
            }
            let normalized = TokenizerFiles.bool(token["normalized"]) ?? false
            added.append((AddedTokens.Entry(scalars: Array(content.unicodeScalars), id: id, content: content), normalized))
        }

        func vocabularyID(_ token: String) throws -> Int32 {
            if let id = vocabulary[Array(token.utf8)] ?? added.first(where: { $0.0.content == token })?.0.id { return id }
            throw TokenizerError.missingToken(file: name, token: token)
        }
        let (clsID, sepID) = try specialIDs(
            root["post_processor"], lookUp: vocabularyID, malformed: malformed, unsupported: unsupported)
        let padding = root["padding"] as? [String: Any]
        let padID = TokenizerFiles.id(padding?["pad_id"]) ?? (try? vocabularyID("[PAD]")) ?? 0
        return WordPieceTokenizer(
            normalizer: normalizer, model: model, addedTokens: added,
            clsID: clsID, sepID: sepID, padID: padID, modelMaxLength: modelMaxLength)
    }

    private static func normalizer(
        _ value: Any?, unsupported: (String) -> TokenizerError
    ) throws -> BertNormalizer {
        guard let object = value as? [String: Any] else {
            // null: tokenizers leaves the text as it is.
            return BertNormalizer(cleanText: false, handleChineseChars: false, stripAccents: false, lowercase: false)
        }
        let type = object["type"] as? String ?? "(none)"
        if type == "Sequence" {
            let parts = object["normalizers"] as? [Any] ?? []
            guard parts.count == 1 else { throw unsupported("normalizer Sequence of \(parts.count) parts") }
            return try normalizer(parts[0], unsupported: unsupported)
        }
        guard type == "BertNormalizer" else { throw unsupported("normalizer \(type)") }
        return BertNormalizer(
            cleanText: TokenizerFiles.bool(object["clean_text"]) ?? true,
            handleChineseChars: TokenizerFiles.bool(object["handle_chinese_chars"]) ?? true,
            stripAccents: TokenizerFiles.bool(object["strip_accents"]),
            lowercase: TokenizerFiles.bool(object["lowercase"]) ?? true)
    }

    private static func checkPreTokenizer(_ value: Any?, unsupported: (String) -> TokenizerError) throws {
        guard let object = value as? [String: Any] else { throw unsupported("no pre_tokenizer") }
        let type = object["type"] as? String ?? "(none)"
        if type == "Sequence" {
            let parts = object["pretokenizers"] as? [Any] ?? []
            guard parts.count == 1 else { throw unsupported("pre_tokenizer Sequence of \(parts.count) parts") }
            return try checkPreTokenizer(parts[0], unsupported: unsupported)
        }
        guard type == "BertPreTokenizer" else { throw unsupported("pre_tokenizer \(type)") }
    }

    /// The `[CLS]` and `[SEP]` ids the post-processor puts around a single text.
    private static func specialIDs(
        _ value: Any?, lookUp: (String) throws -> Int32,
        malformed: (String) -> TokenizerError, unsupported: (String) -> TokenizerError
    ) throws -> (Int32, Int32) {
        guard let object = value as? [String: Any] else { return (try lookUp("[CLS]"), try lookUp("[SEP]")) }
        let type = object["type"] as? String ?? "(none)"
        switch type {
        case "BertProcessing":
            guard let cls = object["cls"] as? [Any], cls.count == 2, let clsID = TokenizerFiles.id(cls[1]),
                  let sep = object["sep"] as? [Any], sep.count == 2, let sepID = TokenizerFiles.id(sep[1]) else {
                throw malformed("BertProcessing needs \"cls\" and \"sep\" as [token, id]")
            }
            return (clsID, sepID)
        case "TemplateProcessing":
            let single = object["single"] as? [Any] ?? []
            let specials = object["special_tokens"] as? [String: Any] ?? [:]
            func special(_ piece: Any) -> Int32? {
                guard let name = ((piece as? [String: Any])?["SpecialToken"] as? [String: Any])?["id"] as? String,
                      let ids = (specials[name] as? [String: Any])?["ids"] as? [Any], ids.count == 1 else { return nil }
                return TokenizerFiles.id(ids[0])
            }
            let isSequence = single.count == 3 && (single[1] as? [String: Any])?["Sequence"] != nil
            guard isSequence, let clsID = special(single[0]), let sepID = special(single[2]) else {
                throw unsupported("TemplateProcessing single template is not [CLS] $A [SEP]")
            }
            return (clsID, sepID)
        default:
            throw unsupported("post_processor \(type)")
        }
    }
}
