import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a hidden temporary name next to its destination and renamed over it only
/// when complete (`rename(2)` in one folder is atomic), so readers see the old content or the new,
/// never a part, and an error or an interruption leaves the previous file as it was.
///
/// The temporary file `.<name>.partial-<pid>-<n>` is created (empty) at once, which also shows that
/// the folder is writable before minutes of work, and is registered with ``PendingCleanup`` until it
/// is committed or discarded.
public final class StagedFile: @unchecked Sendable {
    /// Where the finished file goes.
    public let destination: URL
    /// The hidden file being written.
    public let temporary: URL
    private let cleanup: PendingCleanup.Token
    private var finished = false

    public init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())-\(TemporaryName.serial())")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder), isFolder.boolValue {
            throw FileSystemError(path: destination.path, reason: "is a folder")
        }
        cleanup = PendingCleanup.register(.remove(temporary.path))
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            PendingCleanup.unregister(cleanup)
            throw FileSystemError(path: destination.path, reason: "cannot create a file in \(folder.path)")
        }
    }

    deinit {
        if !finished { discard() }
    }

    /// Writes `data` to the temporary file and renames it over the destination.
    public func commit(_ data: Data) throws {
        defer { finished = true; PendingCleanup.unregister(cleanup) }
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileSystemError(path: destination.path, reason: "cannot write (\(error.localizedDescription))")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FileSystemError(path: destination.path, reason: "cannot replace (\(reason))")
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: temporary)
        PendingCleanup.unregister(cleanup)
        finished = true
    }

    /// Replaces `file` with `data` atomically.
    public static func write(_ data: Data, to file: URL) throws {
        try StagedFile(destination: file).commit(data)
    }

    /// Replaces `file` with the UTF-8 of `text` atomically.
    public static func write(_ text: String, to file: URL) throws {
        try write(Data(text.utf8), to: file)
    }
}

/// A number unique within the process for temporary names, so concurrent writers in one process never
/// share a temporary path (the process id tells processes apart).
enum TemporaryName {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var counter = 0

    static func serial() -> Int {
        lock.withLock {
            counter += 1
            return counter
        }
    }
}
