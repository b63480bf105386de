import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on a file (`flock(2)`), held while a closure runs, so that two
/// `tunelens` processes (or threads) that open, check or rebuild the same cache or index take turns.
///
/// `flock` locks belong to the open file description, so two opens of the lock file conflict even
/// within one process, and the kernel drops the lock if the process dies.
public enum FileLock {
    /// Runs `body` while holding an exclusive lock on `file` (created if absent); waits for other holders.
    public static func withExclusiveLock<T>(at file: URL, _ body: () throws -> T) throws -> T {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(path: file.path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw FileSystemError(path: file.path, reason: "cannot lock (\(String(cString: strerror(errno))))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
