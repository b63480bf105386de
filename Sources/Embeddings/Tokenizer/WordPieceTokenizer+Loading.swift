import Foundation

extension WordPieceTokenizer {
    /// Loads the tokenizer of a model folder.
    ///
    /// Reads `tokenizer.json` when present (huggingface/tokenizers' serialization), else
    /// `vocab.txt` (one token per line, id = line index) with the settings of
    /// `tokenizer_config.json` (as transformers' `BertTokenizerFast` builds it).
    /// `model_max_length` always comes from `tokenizer_config.json`.
    public static func load(folder: URL) throws -> WordPieceTokenizer {
        let json = folder.appendingPathComponent("tokenizer.json")
        let vocab = folder.appendingPathComponent("vocab.txt")
        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        let config = try TokenizerFiles.readObjectIfPresent(configURL)
        let maxLength = config.flatMap { TokenizerFiles.modelMaxLength($0["model_max_length"]) }
        if FileManager.default.fileExists(atPath: json.path) {
            return try TokenizerJSON.tokenizer(file: json, modelMaxLength: maxLength)
        }
        if FileManager.default.fileExists(atPath: vocab.path) {
            return try VocabularyFile.tokenizer(
                vocab: vocab, config: config ?? [:], modelMaxLength: maxLength)
        }
        throw TokenizerError.missingVocabulary(folder: folder.path)
    }

    /// Assembles a tokenizer; normalized added tokens are matched in their normalized form.
    init(
        normalizer: BertNormalizer, model: WordPieceModel, addedTokens: [AddedTokens.Entry],
        clsID: Int32, sepID: Int32, padID: Int32, modelMaxLength: Int?
    ) {
        self.normalizer = normalizer
        self.model = model
        self.rawAddedTokens = AddedTokens(addedTokens.filter { !$0.normalized })
        self.normalizedAddedTokens = AddedTokens(addedTokens.filter(\.normalized).map { entry in
            AddedTokens.Entry(
                scalars: normalizer.normalize(entry.content.unicodeScalars), id: entry.id,
                content: entry.content, normalized: true, singleWord: entry.singleWord)
        })
        self.clsID = clsID
        self.sepID = sepID
        self.padID = padID
        self.modelMaxLength = modelMaxLength
    }
}

/// Small readers shared by the two file formats.
enum TokenizerFiles {
    /// The JSON object in `url`, or nil when the file does not exist.
    static func readObjectIfPresent(_ url: URL) throws -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try readObject(url)
    }

    static func readObject(_ url: URL) throws -> [String: Any] {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.malformed(file: name, reason: "cannot be read")
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw TokenizerError.malformed(file: name, reason: "not valid JSON")
        }
        guard let object = value as? [String: Any] else {
            throw TokenizerError.malformed(file: name, reason: "top level is not a JSON object")
        }
        return object
    }

    /// `model_max_length` as a limit; transformers writes a huge number (1e30) for "no limit".
    static func modelMaxLength(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double >= 1, double < 1e12 else { return nil }
        return Int(double)
    }

    /// A token setting that is either a string or `{"content": "..."}` (an `AddedToken`).
    static func tokenContent(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let object = value as? [String: Any] { return object["content"] as? String }
        return nil
    }

    static func bool(_ value: Any?) -> Bool? {
        guard let number = value as? NSNumber else { return nil }
        return number.boolValue
    }
}
