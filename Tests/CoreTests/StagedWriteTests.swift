import Core
import Foundation
import Testing

/// What a staged write leaves behind when it succeeds, fails or is interrupted (an interruption is
/// `PendingCleanup.performAll()`, what the executable's signal handler runs; the signal path itself is
/// covered by tunelensTests' interruption tests).
@Suite("Staged writes and their cleanup", .serialized)
struct StagedWriteTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func names(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    @Test("a staged file replaces the old one only when committed, and leaves no temporary file")
    func fileCommit() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.npy")
        try Data("old".utf8).write(to: file)
        let staged = try StagedFile(destination: file)
        #expect(try Self.names(folder).count == 2, "the temporary file exists from the start")
        #expect(try Self.read(file) == "old")
        try staged.commit(Data("new".utf8))
        #expect(try Self.read(file) == "new")
        #expect(try Self.names(folder) == ["out.npy"])
    }

    @Test("an interrupted staged file is removed and the old file kept")
    func fileInterrupted() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.npy")
        try Data("old".utf8).write(to: file)
        let staged = try StagedFile(destination: file)
        try Data("half".utf8).write(to: staged.temporary)
        PendingCleanup.performAll()
        #expect(try Self.names(folder) == ["out.npy"])
        #expect(try Self.read(file) == "old")
        staged.discard()
    }

    @Test("a staged folder swaps in whole, and the previous folder is gone afterwards")
    func folderCommit() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let run = parent.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: run.appendingPathComponent("index.html"))
        let staged = try StagedFolder(destination: run)
        try Data("new".utf8).write(to: staged.staging.appendingPathComponent("index.html"))
        #expect(try Self.read(run.appendingPathComponent("index.html")) == "old")
        try staged.commit()
        #expect(try Self.read(run.appendingPathComponent("index.html")) == "new")
        #expect(try Self.names(parent) == ["run"])
        #expect(PendingCleanup.registered.isEmpty, "a committed write leaves nothing registered")
    }

    @Test("an interrupted staged folder is removed and the previous run stays")
    func folderInterrupted() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let run = parent.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: run.appendingPathComponent("index.html"))
        let staged = try StagedFolder(destination: run)
        try Data("half".utf8).write(to: staged.staging.appendingPathComponent("index.html"))
        PendingCleanup.performAll()
        #expect(try Self.names(parent) == ["run"])
        #expect(try Self.read(run.appendingPathComponent("index.html")) == "old")
        staged.discard()
    }

    @Test("a previous output moved aside comes back when the destination is missing, else goes")
    func restore() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let aside = parent.appendingPathComponent(".run.previous")
        let run = parent.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        PendingCleanup.register(.restore(aside: aside.path, destination: run.path))
        PendingCleanup.performAll()
        #expect(try Self.names(parent) == ["run"])

        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        PendingCleanup.register(.restore(aside: aside.path, destination: run.path))
        PendingCleanup.performAll()
        #expect(try Self.names(parent) == ["run"])
    }

    @Test("an unregistered action does nothing")
    func unregistered() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let keep = parent.appendingPathComponent("keep")
        try Data().write(to: keep)
        PendingCleanup.unregister(PendingCleanup.register(.remove(keep.path)))
        PendingCleanup.performAll()
        #expect(try Self.names(parent) == ["keep"])
    }

    @Test("a destination that is a folder cannot be a staged file")
    func fileOverFolder() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(throws: FileSystemError.self) { try StagedFile(destination: parent) }
    }
}
