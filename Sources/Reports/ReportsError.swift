import Foundation

/// What can go wrong while rendering or writing a report; one line each, naming the file.
public enum ReportsError: Error, CustomStringConvertible, Equatable {
    /// The run name would leave the output folder or clash with the site's own files.
    case invalidRunName(String, reason: String)
    /// A template is missing or does not parse.
    case template(file: String, reason: String)
    /// Writing the output failed.
    case write(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidRunName(let name, let reason):
            return "run name \(name.debugDescription): \(reason)"
        case .template(let file, let reason):
            return "\(file): \(reason)"
        case .write(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
