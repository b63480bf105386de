import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that readers see the old content or the new, never a part: the bytes go to
/// a temporary file in the same folder, which `rename(2)` then moves over the target.
enum AtomicFile {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var serial = 0

    /// A number unique within the process, so concurrent writers in one process never share a
    /// temporary file (the process id tells processes apart).
    private static func nextSerial() -> Int {
        lock.lock()
        defer { lock.unlock() }
        serial += 1
        return serial
    }

    static func write(_ text: String, to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid())-\(nextSerial()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SiteError.io(path: file.path, reason: "cannot write (\(error.localizedDescription))")
        }
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw SiteError.io(path: file.path, reason: "cannot replace (\(reason))")
        }
    }
}
