import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on a file (`flock`), held while a cache is opened, checked and maybe rebuilt, so two
/// processes never rebuild the same cache at once.
enum FileLock {
    /// Runs `body` while holding an exclusive `flock` on `path` (created if absent); waits for other holders.
    static func withExclusiveLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EmbeddingsError.cache(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw EmbeddingsError.cache(path: path, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
