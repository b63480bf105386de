import Foundation

/// Everything that can go wrong while loading or running an encoder.
///
/// Each `description` is one line that names the file it is about (and the line, for data files),
/// so the CLI can print it as is and a user knows where to look.
public enum EmbeddingsError: Error, CustomStringConvertible, Equatable {
    /// A file the model needs is absent.
    case missingFile(path: String)
    /// A file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// A safetensors file violates the format.
    case invalidSafetensors(path: String, reason: String)
    /// A JSON configuration file is malformed or holds a value the encoder cannot use.
    case invalidConfig(path: String, reason: String)
    /// The model is well formed but is something this encoder does not run.
    case unsupportedModel(path: String, reason: String)
    /// A weights file lacks a tensor the architecture needs, or has it in the wrong shape.
    case invalidWeights(path: String, reason: String)
    /// A data file (JSONL of precomputed embeddings, an input text file) has a bad line.
    case invalidLine(path: String, line: Int, reason: String)
    /// A model reference names nothing that can be loaded.
    case unresolvedModel(reference: String, reason: String)
    /// A text asked of a precomputed-embeddings file is not in it.
    case textNotPrecomputed(path: String, text: String)
    /// An encoder returned the wrong number of embeddings, or embeddings of the wrong length.
    case inconsistentOutput(model: String, reason: String)
    /// The embedding cache (a SQLite file or its folder) cannot be used.
    case cache(path: String, reason: String)
    /// A prompt name that the model's `config_sentence_transformers.json` does not define.
    case unknownPrompt(name: String, known: [String])

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): file not found"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .invalidSafetensors(let path, let reason):
            return "\(path): not a valid safetensors file: \(reason)"
        case .invalidConfig(let path, let reason):
            return "\(path): \(reason)"
        case .unsupportedModel(let path, let reason):
            return "\(path): unsupported model: \(reason)"
        case .invalidWeights(let path, let reason):
            return "\(path): \(reason)"
        case .invalidLine(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .unresolvedModel(let reference, let reason):
            return "\(reference): \(reason)"
        case .textNotPrecomputed(let path, let text):
            return "\(path): no precomputed embedding for the text \(EmbeddingsError.quoted(text))"
        case .inconsistentOutput(let model, let reason):
            return "\(model): \(reason)"
        case .cache(let path, let reason):
            return "\(path): embedding cache: \(reason)"
        case .unknownPrompt(let name, let known):
            let names = known.isEmpty ? "the model defines no prompts" : "the model's prompts are " + known.joined(separator: ", ")
            return "no prompt named \(EmbeddingsError.quoted(name)); \(names)"
        }
    }

    /// A text quoted on one line: control characters escaped, long texts shortened.
    static func quoted(_ text: String, limit: Int = 80) -> String {
        var shown = text.count > limit ? String(text.prefix(limit)) + "..." : text
        shown = shown.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\"": return "\\\""
            default:
                if scalar.properties.generalCategory == .control {
                    return String(format: "\\u{%X}", scalar.value)
                }
                return String(scalar)
            }
        }.joined()
        return "\"\(shown)\""
    }
}
