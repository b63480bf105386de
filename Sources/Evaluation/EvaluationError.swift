import Foundation

/// Everything that can go wrong while setting up or running an evaluation; one line each, naming the file.
public enum EvaluationError: Error, CustomStringConvertible, Equatable {
    /// The run config cannot be read or parsed.
    case unreadableConfig(file: String, reason: String)
    /// The run config has a key tunelens does not know.
    case unknownConfigKey(file: String, line: Int, key: String, known: [String])
    /// A config value has the wrong type or range.
    case invalidConfigValue(file: String, line: Int, key: String, reason: String)
    /// A required input was given neither in the config nor on the command line.
    case missingInput(String)
    /// A file the run needs is not there.
    case missingFile(String)
    /// The evaluation data has only one class, so AUC and its relatives are undefined.
    case oneClass(file: String, label: Bool)
    /// The two models disagree about something that must match.
    case inconsistent(String)
    /// An input file's content cannot be used, naming the file (and line, when there is one).
    case invalidInput(file: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableConfig(let file, let reason):
            return "\(file): \(reason)"
        case .unknownConfigKey(let file, let line, let key, let known):
            return "\(file):\(line): unknown key \"\(key)\" (known keys: \(known.joined(separator: ", ")))"
        case .invalidConfigValue(let file, let line, let key, let reason):
            return "\(file):\(line): \(key): \(reason)"
        case .missingInput(let what):
            return "missing input: \(what)"
        case .missingFile(let path):
            return "\(path): no such file or folder"
        case .oneClass(let file, let label):
            return "\(file): every pair has label \(label ? 1 : 0); need both positive and negative pairs"
        case .inconsistent(let what):
            return what
        case .invalidInput(let file, let reason):
            return "\(file): \(reason)"
        }
    }
}
