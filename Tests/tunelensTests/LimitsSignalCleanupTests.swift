import Foundation
import Testing
@testable import tunelens
#if canImport(Glibc)
import Glibc
#endif

/// What an interruption undoes for `report`, `index` and `finetune`, run directly (the signal path
/// itself is covered by `LimitsInterruptionTests`): partial folders and temporary files of this
/// process go, a previous output moved aside comes back, everything else stays.
@Suite("Signal cleanup of the writing commands", .serialized)
struct LimitsSignalCleanupTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-cleanup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func make(_ url: URL, file: String = "index.html", contents: String = "x") throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url.appendingPathComponent(file))
    }

    static func names(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test("report: the staging folder and index temporaries go, the previous run comes back")
    func report() throws {
        let reports = try Self.folder()
        defer { try? FileManager.default.removeItem(at: reports) }
        let pid = getpid()
        try Self.make(reports.appendingPathComponent(".tunelens-staging-r1-\(pid)-17"), contents: "half")
        try Self.make(reports.appendingPathComponent(".tunelens-staging-r1-\(pid)-17-previous"), contents: "old report")
        try Data("partial".utf8).write(to: reports.appendingPathComponent(".index.html.\(pid)-3.tmp"))
        try Self.make(reports.appendingPathComponent(".tunelens-staging-r1-1-9"), contents: "another process")
        try Self.make(reports.appendingPathComponent("r0"), contents: "another run")

        let tokens = SignalCleanup.guardReport(run: "r1", in: reports)
        SignalCleanup.performAll()
        SignalCleanup.unregister(tokens)

        #expect(try Self.names(reports) == [".tunelens-staging-r1-1-9", "r0", "r1"])
        #expect(try String(contentsOf: reports.appendingPathComponent("r1/index.html"), encoding: .utf8) == "old report")
    }

    @Test("report: when the new run is already in place, the aside copy is removed")
    func reportAfterSwap() throws {
        let reports = try Self.folder()
        defer { try? FileManager.default.removeItem(at: reports) }
        try Self.make(reports.appendingPathComponent(".tunelens-staging-r1-\(getpid())-17-previous"), contents: "old")
        try Self.make(reports.appendingPathComponent("r1"), contents: "new")
        let tokens = SignalCleanup.guardReport(run: "r1", in: reports)
        SignalCleanup.performAll()
        SignalCleanup.unregister(tokens)
        #expect(try Self.names(reports) == ["r1"])
        #expect(try String(contentsOf: reports.appendingPathComponent("r1/index.html"), encoding: .utf8) == "new")
    }

    @Test("finetune: the staging folder goes and a model folder moved aside is put back")
    func finetune() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let pid = getpid()
        try Self.make(parent.appendingPathComponent(".adapter.tmp-\(pid)"), file: "modules.json", contents: "half")
        try Self.make(parent.appendingPathComponent(".adapter.old-\(pid)"), file: "modules.json", contents: "old")
        let tokens = SignalCleanup.guardModelFolder(parent.appendingPathComponent("adapter"))
        SignalCleanup.performAll()
        SignalCleanup.unregister(tokens)
        #expect(try Self.names(parent) == ["adapter"])
        #expect(try String(contentsOf: parent.appendingPathComponent("adapter/modules.json"), encoding: .utf8) == "old")
    }

    @Test("unregistered actions do nothing")
    func unregistered() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        try Self.make(parent.appendingPathComponent(".adapter.tmp-\(getpid())"))
        SignalCleanup.unregister(SignalCleanup.guardModelFolder(parent.appendingPathComponent("adapter")))
        SignalCleanup.performAll()
        #expect(try Self.names(parent) == [".adapter.tmp-\(getpid())"])
    }
}
