import Core
import Foundation

/// Reads huggingface/tokenizers' `tokenizer.json` for a BERT WordPiece tokenizer.
///
/// Accepted parts: model `WordPiece`; normalizer `BertNormalizer` (alone, in a one-element
/// `Sequence`, or null); pre-tokenizer `BertPreTokenizer` (alone or in a one-element
/// `Sequence`); post-processor `TemplateProcessing` of the form `[CLS] $A [SEP]`,
/// `BertProcessing` or `RobertaProcessing` (MPNet's: `<s> A </s>`), or null. Anything else is rejected rather than tokenized differently.
enum TokenizerJSON {
    static func tokenizer(file url: URL, modelMaxLength: Int?) throws -> WordPieceTokenizer {
        let name = url.path
        let root = try read(url)
        func malformed(_ reason: String) -> TokenizerError { .malformed(file: name, reason: reason) }
        func unsupported(_ reason: String) -> TokenizerError { .unsupported(file: name, reason: reason) }

        guard let modelObject = root["model"], modelObject.members != nil else { throw malformed("no \"model\" object") }
        let modelType = modelObject["type"]?.string ?? "(none)"
        guard modelType == "WordPiece" else { throw unsupported("model type \(modelType), expected WordPiece") }
        guard let vocabMembers = modelObject["vocab"]?.members else {
            throw malformed("model has no \"vocab\" object")
        }
        var vocabulary: [[UInt8]: Int32] = [:]
        vocabulary.reserveCapacity(vocabMembers.count)
        for (token, value) in vocabMembers {
            guard let id = value.id else { throw malformed("vocab id of \"\(token)\" is not an integer") }
            vocabulary[Array(token.utf8)] = id
        }
        let normalizer = try self.normalizer(root["normalizer"], unsupported: unsupported)
        try checkPreTokenizer(root["pre_tokenizer"], unsupported: unsupported)

        var added: [AddedTokens.Entry] = []
        for token in root["added_tokens"]?.array ?? [] {
            guard let content = token["content"]?.string, let id = token["id"]?.id else {
                throw malformed("an added token lacks \"content\" or \"id\"")
            }
            let entry = AddedTokens.Entry(
                scalars: Array(content.unicodeScalars), id: id, content: content,
                normalized: token["normalized"]?.bool ?? false, singleWord: token["single_word"]?.bool ?? false)
            added.append(entry)
        }

        func vocabularyID(_ token: String) throws -> Int32 {
            if let id = vocabulary[Array(token.utf8)] ?? added.first(where: { $0.content.utf8.elementsEqual(token.utf8) })?.id { return id }
            throw TokenizerError.missingToken(file: name, token: token)
        }
        let unknown = modelObject["unk_token"]?.string ?? "[UNK]"
        let model = WordPieceModel(
            vocabulary: vocabulary, unknownToken: unknown, unknownID: try vocabularyID(unknown),
            continuingSubwordPrefix: Array((modelObject["continuing_subword_prefix"]?.string ?? "##").utf8),
            maxInputCharsPerWord: (modelObject["max_input_chars_per_word"]?.id).map(Int.init) ?? 100)
        let (clsID, sepID) = try specialIDs(
            root["post_processor"], lookUp: vocabularyID, malformed: malformed, unsupported: unsupported)
        let padID = root["padding"]?["pad_id"]?.id ?? (try? vocabularyID("[PAD]")) ?? 0
        return WordPieceTokenizer(
            normalizer: normalizer, model: model, addedTokens: added,
            clsID: clsID, sepID: sepID, padID: padID, modelMaxLength: modelMaxLength)
    }

    /// The parsed file; one-line errors for unreadable, non-UTF-8 or invalid JSON.
    private static func read(_ url: URL) throws -> JSONValue {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.malformed(file: name, reason: "cannot be read")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw TokenizerError.malformed(file: name, reason: "not UTF-8 text")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse([UInt8](data))
        } catch {
            throw TokenizerError.malformed(file: name, reason: "invalid JSON at byte \(error.offset): \(error.reason)")
        }
        guard root.members != nil else {
            throw TokenizerError.malformed(file: name, reason: "top level is not a JSON object")
        }
        return root
    }

    private static func normalizer(
        _ value: JSONValue?, unsupported: (String) -> TokenizerError
    ) throws -> BertNormalizer {
        guard let object = value, object.members != nil else {
            // null: tokenizers leaves the text as it is.
            return BertNormalizer(cleanText: false, handleChineseChars: false, stripAccents: false, lowercase: false)
        }
        let type = object["type"]?.string ?? "(none)"
        if type == "Sequence" {
            let parts = object["normalizers"]?.array ?? []
            guard parts.count == 1 else { throw unsupported("normalizer Sequence of \(parts.count) parts") }
            return try normalizer(parts[0], unsupported: unsupported)
        }
        guard type == "BertNormalizer" else { throw unsupported("normalizer \(type)") }
        return BertNormalizer(
            cleanText: object["clean_text"]?.bool ?? true,
            handleChineseChars: object["handle_chinese_chars"]?.bool ?? true,
            stripAccents: object["strip_accents"]?.bool,
            lowercase: object["lowercase"]?.bool ?? true)
    }

    private static func checkPreTokenizer(_ value: JSONValue?, unsupported: (String) -> TokenizerError) throws {
        guard let object = value, object.members != nil else { throw unsupported("no pre_tokenizer") }
        let type = object["type"]?.string ?? "(none)"
        if type == "Sequence" {
            let parts = object["pretokenizers"]?.array ?? []
            guard parts.count == 1 else { throw unsupported("pre_tokenizer Sequence of \(parts.count) parts") }
            return try checkPreTokenizer(parts[0], unsupported: unsupported)
        }
        guard type == "BertPreTokenizer" else { throw unsupported("pre_tokenizer \(type)") }
    }

    /// The `[CLS]` and `[SEP]` ids the post-processor puts around a single text.
    private static func specialIDs(
        _ value: JSONValue?, lookUp: (String) throws -> Int32,
        malformed: (String) -> TokenizerError, unsupported: (String) -> TokenizerError
    ) throws -> (Int32, Int32) {
        guard let object = value, object.members != nil else { return (try lookUp("[CLS]"), try lookUp("[SEP]")) }
        let type = object["type"]?.string ?? "(none)"
        switch type {
        case "BertProcessing", "RobertaProcessing":
            guard let cls = object["cls"]?.array, cls.count == 2, let clsID = cls[1].id,
                  let sep = object["sep"]?.array, sep.count == 2, let sepID = sep[1].id else {
                throw malformed("BertProcessing needs \"cls\" and \"sep\" as [token, id]")
            }
            return (clsID, sepID)
        case "TemplateProcessing":
            let single = object["single"]?.array ?? []
            func special(_ piece: JSONValue) -> Int32? {
                guard let name = piece["SpecialToken"]?["id"]?.string,
                      let ids = object["special_tokens"]?[name]?["ids"]?.array, ids.count == 1 else { return nil }
                return ids[0].id
            }
            let isSequence = single.count == 3 && single[1]["Sequence"] != nil
            guard isSequence, let clsID = special(single[0]), let sepID = special(single[2]) else {
                throw unsupported("TemplateProcessing single template is not [CLS] $A [SEP]")
            }
            return (clsID, sepID)
        default:
            throw unsupported("post_processor \(type)")
        }
    }
}
