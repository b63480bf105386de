import Core
import Foundation
import GRDB

/// Embeddings already computed, kept on disk in SQLite (through GRDB) so a second run with the same
/// model encodes only texts it has not seen.
///
/// A row is keyed by the digest of what computed the vector (for a model folder, the stage it shares
/// with other folders over the same Transformer, ``StagedEncoder/stageDigest``; else the encoder's
/// ``TextEncoder/digest``) and the SHA-256 of the text as encoded (its prompt included; see
/// ``CachedEncoder/keys(of:prompt:promptIsPooled:)``);
/// the vector is stored as little-endian float32 bytes next to its length. The database runs in WAL
/// mode with a busy timeout, so several processes may read and write it at once. When it is opened, a
/// file that SQLite cannot read, that fails `PRAGMA quick_check`, or whose schema is not this one is
/// deleted and created anew: a damaged cache costs a re-encode, never a wrong embedding. A stored
/// vector of the wrong length is ignored and overwritten.
///
/// The store also remembers the SHA-256 of model files by (path, size, modification time), so the
/// digest of a 90 MB weights file is not recomputed on every run.
public final class EmbeddingStore: Sendable {
    /// The SQLite file (`:memory:` for ``inMemory()``).
    public let url: URL
    private let pool: any DatabaseWriter

    /// The schema's version, kept in SQLite's `user_version`; a file with another one is rebuilt.
    static let schemaVersion = 1
    /// SQLite's `application_id` of a tunelens cache ("TLNS").
    static let applicationID: Int32 = 0x544C_4E53
    static let fileName = "embeddings.sqlite"
    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 30

    private init(url: URL, pool: any DatabaseWriter) {
        self.url = url
        self.pool = pool
    }

    /// A store in this process's memory, gone when released: nothing is read from or written to disk.
    /// What a command told not to use the cache shares within itself (`tunelens demo --no-cache`: its
    /// fine-tuning runs and reports still encode each text once).
    public static func inMemory() throws -> EmbeddingStore {
        let url = URL(fileURLWithPath: ":memory:")
        do {
            let queue = try DatabaseQueue()
            try queue.write(createSchema)
            return EmbeddingStore(url: url, pool: queue)
        } catch {
            throw EmbeddingsError.cache(path: url.path, reason: "cannot create a store in memory: \(error)")
        }
    }

    /// Opens (creating, or rebuilding when damaged) the cache in `directory`.
    public convenience init(directory: URL) throws {
        let url = directory.appendingPathComponent(Self.fileName)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EmbeddingsError.cache(path: directory.path, reason: error.localizedDescription)
        }
        let pool = try FileLock.withExclusiveLock(at: URL(fileURLWithPath: url.path + ".lock")) {
            if let pool = try? Self.openValidated(url) { return pool }
            try Self.removeDatabase(at: url)
            do {
                let pool = try Self.open(url)
                try pool.write(Self.createSchema)
                return pool
            } catch {
                throw EmbeddingsError.cache(path: url.path, reason: "cannot create the cache: \(error)")
            }
        }
        self.init(url: url, pool: pool)
    }

    /// The cache folder: `$TUNELENS_CACHE_DIR`, else `$XDG_CACHE_HOME/tunelens`, else `~/.cache/tunelens`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["TUNELENS_CACHE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        if let dir = environment["XDG_CACHE_HOME"], dir.hasPrefix("/") {
            return URL(fileURLWithPath: dir).appendingPathComponent("tunelens")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/tunelens")
    }

    // MARK: - Embeddings

    /// The stored embeddings of `model` for the given text hashes: `result[i]` belongs to `keys[i]`,
    /// nil when absent or not `dimension` long.
    func embeddings(model: String, keys: [Data], dimension: Int) throws -> [[Float]?] {
        var found: [Data: [Float]] = [:]
        let chunk = 500
        try guarded {
            try pool.read { db in
                for start in stride(from: 0, to: keys.count, by: chunk) {
                    let part = keys[start..<min(start + chunk, keys.count)]
                    let marks = repeatElement("?", count: part.count).joined(separator: ",")
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT text_hash, vector FROM embedding
                        WHERE model = ? AND dimension = ? AND text_hash IN (\(marks))
                        """, arguments: StatementArguments([model, dimension] + part.map { $0 as DatabaseValueConvertible }))
                    while let row = try rows.next() {
                        let blob: Data = row[1]
                        guard blob.count == dimension * MemoryLayout<Float>.size else { continue }
                        found[row[0]] = Self.floats(blob)
                    }
                }
            }
        }
        return keys.map { found[$0] }
    }

    /// Stores (or replaces) embeddings of `model`, all in one transaction.
    func store(model: String, entries: [(key: Data, vector: [Float])]) throws {
        guard !entries.isEmpty else { return }
        try guarded {
            try pool.write { db in
                let statement = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO embedding (model, text_hash, dimension, vector) VALUES (?, ?, ?, ?)
                    """)
                for entry in entries {
                    try statement.execute(arguments: [model, entry.key, entry.vector.count, Self.bytes(entry.vector)])
                }
            }
        }
    }

    /// The number of vectors stored under `model` (an encoder's digest or a stage digest).
    public func count(model: String) throws -> Int {
        try guarded {
            try pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM embedding WHERE model = ?", arguments: [model]) ?? 0
            }
        }
    }

    // MARK: - File digests

    /// The SHA-256 (hex) of a file, remembered by (absolute path, size, modification time in nanoseconds):
    /// a file rewritten in place gets a new size or time and is hashed again.
    public func fileDigest(of file: URL) throws -> String {
        let path = file.resolvingSymlinksInPath().path
        guard let stamp = FileStamp(path: path) else { return try ContentDigest.hex(ofFile: file) }
        let known = try? pool.read { db in
            try String.fetchOne(db, sql: "SELECT digest FROM file_digest WHERE path = ? AND size = ? AND mtime_ns = ?",
                                arguments: [path, stamp.size, stamp.modified])
        }
        if let known = known ?? nil { return known }
        let digest = try ContentDigest.hex(ofFile: file)
        // The file may have changed while it was read; only a digest whose stamp held throughout is kept.
        if FileStamp(path: path) == stamp {
            try? pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO file_digest (path, size, mtime_ns, digest) VALUES (?, ?, ?, ?)",
                               arguments: [path, stamp.size, stamp.modified, digest])
            }
        }
        return digest
    }

    // MARK: - Opening

    private static func open(_ url: URL) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "tunelens.cache"
        return try DatabasePool(path: url.path, configuration: configuration)
    }

    /// Opens an existing cache, or nil-equivalent (throws) when it must be rebuilt.
    private static func openValidated(_ url: URL) throws -> DatabasePool {
        guard FileManager.default.fileExists(atPath: url.path) else { throw CacheDamage.absent }
        let pool = try open(url)
        try pool.read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard check == ["ok"] else { throw CacheDamage.failedCheck }
            let application = try Int32.fetchOne(db, sql: "PRAGMA application_id")
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version")
            guard application == applicationID, version == schemaVersion else { throw CacheDamage.wrongSchema }
            let embeddingColumns = try db.columns(in: "embedding").map(\.name)
            let digestColumns = try db.columns(in: "file_digest").map(\.name)
            guard embeddingColumns == ["model", "text_hash", "dimension", "vector"],
                  digestColumns == ["path", "size", "mtime_ns", "digest"] else { throw CacheDamage.wrongSchema }
        }
        return pool
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE embedding (
                model TEXT NOT NULL,
                text_hash BLOB NOT NULL,
                dimension INTEGER NOT NULL,
                vector BLOB NOT NULL,
                PRIMARY KEY (model, text_hash)
            ) WITHOUT ROWID;
            CREATE TABLE file_digest (
                path TEXT NOT NULL PRIMARY KEY,
                size INTEGER NOT NULL,
                mtime_ns INTEGER NOT NULL,
                digest TEXT NOT NULL
            );
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(schemaVersion);
            """)
    }

    private static func removeDatabase(at url: URL) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let path = url.path + suffix
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw EmbeddingsError.cache(path: path, reason: "damaged and cannot be removed: \(error.localizedDescription)")
            }
        }
    }

    /// Runs a database access, turning SQLite's errors into one-line ``EmbeddingsError/cache(path:reason:)``.
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw EmbeddingsError.cache(path: url.path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    // MARK: - Vectors as bytes

    static func bytes(_ vector: [Float]) -> Data {
        var data = Data(count: vector.count * MemoryLayout<Float>.size)
        data.withUnsafeMutableBytes { raw in
            for (index, value) in vector.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: index * 4, as: UInt32.self)
            }
        }
        return data
    }

    static func floats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}

/// Why an existing cache file is not used.
private enum CacheDamage: Error {
    case absent, failedCheck, wrongSchema
}

/// A file's size and modification time, to tell whether a remembered digest still holds.
private struct FileStamp: Equatable {
    let size: Int64
    let modified: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        size = Int64(info.st_size)
        modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
