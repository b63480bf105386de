import Foundation

extension Tokenizer {
    /// Loads the tokenizer of a model folder.
    ///
    /// Reads `tokenizer.json` when present (huggingface/tokenizers' serialization), else
    /// `vocab.txt` (one token per line, id = line index) with the settings of
    /// `tokenizer_config.json` (as transformers' `BertTokenizerFast` builds it).
    /// `model_max_length` and `pad_token` come from `tokenizer_config.json`.
    public static func load(folder: URL) throws -> Tokenizer {
        let json = folder.appendingPathComponent("tokenizer.json")
        let vocab = folder.appendingPathComponent("vocab.txt")
        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        let config = try TokenizerFiles.readObjectIfPresent(configURL)
        let maxLength = config.flatMap { TokenizerFiles.modelMaxLength($0["model_max_length"]) }
        let padToken = config.flatMap { TokenizerFiles.tokenContent($0["pad_token"]) }
        if FileManager.default.fileExists(atPath: json.path) {
            return try TokenizerJSON.tokenizer(file: json, modelMaxLength: maxLength, padToken: padToken)
        }
        if FileManager.default.fileExists(atPath: vocab.path) {
            return try VocabularyFile.tokenizer(vocab: vocab, config: config ?? [:], modelMaxLength: maxLength)
        }
        throw TokenizerError.missingVocabulary(folder: folder.path)
    }
}
