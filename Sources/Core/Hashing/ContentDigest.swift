import Core
import Crypto
import Foundation

/// SHA-256 fingerprints (swift-crypto) of data files, weights, embedding files and texts, so a report
/// can say exactly which bytes it read and a cache can key by content.
///
/// Incremental: feed pieces with `update`, then read `hex`.
public struct ContentDigest {
    private var hasher = SHA256()

    public init() {}

    /// Feeds more bytes.
    public mutating func update<Bytes: DataProtocol>(_ bytes: Bytes) {
        hasher.update(data: bytes)
    }

    /// The lowercase hex digest of everything fed so far.
    public var hex: String {
        Self.hexString(hasher.finalize())
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex<Bytes: DataProtocol>(of bytes: Bytes) -> String {
        hexString(SHA256.hash(data: bytes))
    }

    /// The 32 raw digest bytes of `bytes`.
    public static func bytes<Bytes: DataProtocol>(of bytes: Bytes) -> Data {
        Data(SHA256.hash(data: bytes))
    }

    /// The digest of a file's bytes, read in 1 MiB pieces.
    public static func hex(ofFile url: URL) throws -> String {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw FileSystemError(path: url.path, reason: FileManager.default.fileExists(atPath: url.path)
                ? error.localizedDescription : "no such file")
        }
        defer { try? handle.close() }
        var digest = ContentDigest()
        while true {
            let piece: Data?
            do {
                piece = try handle.read(upToCount: 1 << 20)
            } catch {
                throw FileSystemError(path: url.path, reason: error.localizedDescription)
            }
            guard let piece, !piece.isEmpty else { break }
            digest.update(piece)
        }
        return digest.hex
    }

    private static func hexString(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
