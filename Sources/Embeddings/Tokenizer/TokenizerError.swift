import Foundation

/// Why a tokenizer folder could not be loaded; each description is one line starting with the
/// file's path.
public enum TokenizerError: Error, CustomStringConvertible, Equatable {
    /// Neither `tokenizer.json` nor `vocab.txt` is in the folder.
    case missingVocabulary(folder: String)
    /// The file exists but could not be read or is not the JSON / text we expect.
    case malformed(file: String, reason: String)
    /// The file describes a tokenizer part this implementation does not reproduce exactly.
    case unsupported(file: String, reason: String)
    /// A token the tokenizer needs (unknown, `[CLS]`, `[SEP]`) is not in the vocabulary.
    case missingToken(file: String, token: String)

    public var description: String {
        switch self {
        case .missingVocabulary(let folder):
            return "\(folder): no tokenizer.json or vocab.txt in the model folder"
        case .malformed(let file, let reason):
            return "\(file): malformed tokenizer file: \(reason)"
        case .unsupported(let file, let reason):
            return "\(file): unsupported tokenizer: \(reason)"
        case .missingToken(let file, let token):
            return "\(file): token \"\(token)\" is not in the vocabulary"
        }
    }
}
