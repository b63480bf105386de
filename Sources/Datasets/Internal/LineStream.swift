import Core
import Foundation

/// Reads a file one line at a time in 1 MiB chunks, numbering lines from 1 and hashing every byte,
/// so a 100 MB dataset is never held twice in memory.
///
/// Lines end at `\n`; a trailing `\r` is dropped (CRLF files), as is a UTF-8 byte-order mark on line 1.
final class LineStream {
    /// The name used in error messages.
    let file: String
    /// The number of the line most recently returned (0 before the first).
    private(set) var lineNumber = 0

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var reachedEnd = false
    private var digest = ContentDigest()
    private static let chunkSize = 1 << 20
    /// The longest line of a data file: 16 MiB holds two texts at the 100,000-character limit even if
    /// every character were written as a 12-byte `\uD83D\uDE00` escape pair. A longer line is refused
    /// as soon as that much has been read, so a 100 MB line costs 17 MiB of memory, not 100 MB twice.
    static let dataLineLimit = 16 << 20
    /// The line limit of this stream (a whole JSON document on one line needs more than a data row).
    let maximumLineBytes: Int

    init(url: URL, file: String, maximumLineBytes: Int = LineStream.dataLineLimit) throws {
        self.file = file
        self.maximumLineBytes = maximumLineBytes
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DatasetError.cannotRead(file: file, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw DatasetError.cannotRead(file: file, reason: "is a folder") }
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw DatasetError.cannotRead(file: file, reason: "permission denied or unreadable")
        }
    }

    deinit { try? handle.close() }

    /// The next line's bytes without its terminator, or nil at the end of the file.
    func nextLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                try checkLength(newline - start)
                let line = buffer[start..<newline]
                start = newline + 1
                scanned = start
                return finish(line)
            }
            scanned = buffer.count
            try checkLength(buffer.count - start)
            if reachedEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                scanned = start
                return finish(line)
            }
            try refill()
        }
    }

    /// Refuses the line being read once it is longer than `maximumLineBytes`.
    private func checkLength(_ length: Int) throws {
        guard length > maximumLineBytes else { return }
        throw DatasetError.lineTooLong(file: file, line: lineNumber + 1, limitBytes: maximumLineBytes,
                                       textLimit: TableRecord.textCharacterLimit)
    }

    /// The next line decoded as UTF-8, or nil at the end; throws `notUTF8` naming the line.
    func nextText() throws -> String? {
        guard let bytes = try nextLine() else { return nil }
        return try decode(bytes)
    }

    /// Decodes bytes of the current line, throwing `notUTF8` with its number.
    func decode(_ bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DatasetError.notUTF8(file: file, line: lineNumber)
        }
        return text
    }

    /// SHA-256 of the whole file; reads whatever has not been read yet.
    func fileDigest() throws -> String {
        while !reachedEnd { try refill() }
        return digest.hex
    }

    private func finish(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        lineNumber += 1
        var line = Array(slice)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        return line
    }

    private func refill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw DatasetError.cannotRead(file: file, reason: "read failed")
        }
        guard let chunk, !chunk.isEmpty else {
            reachedEnd = true
            return
        }
        digest.update(chunk)
        buffer.append(contentsOf: chunk)
    }
}
