import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file; unmapped when the last reference goes away.
///
/// Weights files are hundreds of megabytes: mapping them lets the reader validate the header and
/// convert tensors without first copying the file into memory.
final class MappedFile: @unchecked Sendable {
    let path: String
    let count: Int
    private let base: UnsafeMutableRawPointer?

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if errno == ENOENT { throw EmbeddingsError.missingFile(path: path) }
            throw EmbeddingsError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw EmbeddingsError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw EmbeddingsError.unreadable(path: path, reason: "not a regular file")
        }
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw EmbeddingsError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        base = mapped
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Tells the kernel the pages read so far are not needed now: they leave the process's resident
    /// set (a later read maps them in again from the page cache). For large files read once in passes.
    func release() {
        if let base { _ = madvise(base, count, Int32(MADV_DONTNEED)) }
    }

    /// Calls `body` with the bytes of the file; the buffer must not escape the closure.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base.map { UnsafeRawPointer($0) }, count: count))
    }
}
