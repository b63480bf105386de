/// A file operation that failed, with the path and the system's reason: the one error the shared
/// file helpers throw, printed by the CLI as one line.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
