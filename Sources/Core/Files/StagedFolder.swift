import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder built under a hidden name next to its destination, then swapped into place by two
/// renames: an existing destination is moved aside, the new folder renamed in, the old one removed.
/// If the second rename fails the old folder is put back, so a failed or interrupted write never
/// loses the previous output (a report run, a fine-tuned model).
///
/// The staging folder `.<name>.staging-<pid>-<n>` and, during the swap, the aside folder
/// `.<name>.previous-<pid>-<n>` are registered with ``PendingCleanup``: an interruption removes the
/// first and puts the second back.
public final class StagedFolder: @unchecked Sendable {
    /// Where the finished folder goes.
    public let destination: URL
    /// The hidden folder to fill.
    public let staging: URL
    private let aside: URL
    private let cleanup: PendingCleanup.Token
    private var finished = false

    /// Creates the (empty) staging folder; the destination's parent folder must exist.
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        let tag = "\(getpid())-\(TemporaryName.serial())"
        staging = parent.appendingPathComponent(".\(name).staging-\(tag)", isDirectory: true)
        aside = parent.appendingPathComponent(".\(name).previous-\(tag)", isDirectory: true)
        cleanup = PendingCleanup.register(.remove(staging.path))
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            PendingCleanup.unregister(cleanup)
            throw FileSystemError(path: parent.path, reason: "cannot create a folder (\(error.localizedDescription))")
        }
    }

    deinit {
        if !finished { discard() }
    }

    /// Moves the staging folder into place, keeping the previous destination until the new one is in.
    public func commit() throws {
        defer { finished = true; PendingCleanup.unregister(cleanup) }
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination.path) else {
            guard rename(staging.path, destination.path) == 0 else { throw failure("cannot move the new folder into place") }
            return
        }
        let restore = PendingCleanup.register(.restore(aside: aside.path, destination: destination.path))
        defer { PendingCleanup.unregister(restore) }
        guard rename(destination.path, aside.path) == 0 else { throw failure("cannot move the previous folder aside") }
        guard rename(staging.path, destination.path) == 0 else {
            let error = failure("cannot move the new folder into place")
            _ = rename(aside.path, destination.path)
            throw error
        }
        try? fm.removeItem(at: aside)
    }

    /// Removes the staging folder; the destination is left as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        PendingCleanup.unregister(cleanup)
        finished = true
    }

    private func failure(_ what: String) -> FileSystemError {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: staging)
        return FileSystemError(path: destination.path, reason: "\(what) (\(reason))")
    }
}
