import Foundation

/// Test files: committed fixtures in Resources/, and scratch files written per test.
enum Fixtures {
    /// A committed fixture, e.g. `resource("beir")`.
    static func resource(_ path: String) -> URL {
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(path)
    }

    /// Writes `contents` to a fresh scratch folder as `name` and returns its URL.
    static func write(_ name: String, _ contents: String) throws -> URL {
        try write(name, bytes: Array(contents.utf8))
    }

    static func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tunelens-datasets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    /// The one-line message of the error `body` throws, or nil when it does not throw.
    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
