import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) or SIGTERM while `tunelens embed` works: the process dies of that signal, its
/// hidden partial output is removed, and an earlier output file is left exactly as it was.
@Suite("Interruption leaves nothing half-written")
struct LimitsInterruptionTests {
    /// The built `tunelens`, next to the test bundle.
    static let binary: URL = {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("tunelens")
    }()

    /// all-MiniLM-L6-v2: slow enough in a debug build that the signal arrives mid-encoding.
    static let model: URL = {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
    }()

    static let canRun = FileManager.default.isExecutableFile(atPath: binary.path)
        && FileManager.default.fileExists(atPath: model.appendingPathComponent("model.safetensors").path)

    @Test("SIGINT and SIGTERM during embed remove the partial file and keep the old output",
          .enabled(if: canRun), arguments: [SIGINT, SIGTERM])
    func interruptEmbed(signalNumber: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("texts.txt")
        let sentence = "a long sentence about hiking in the mountains with friends on a sunny weekend"
        try Data((0..<20_000).map { "\(sentence) \($0)" }.joined(separator: "\n").utf8).write(to: input)
        let output = folder.appendingPathComponent("texts.npy")
        let previous = Data("the previous output".utf8)
        try previous.write(to: output)

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["embed", "--model", Self.model.path, input.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // StagedFile's temporary name: `.<name>.partial-<pid>-<n>`.
        func partialFile() -> URL? {
            let prefix = ".texts.npy.partial-\(process.processIdentifier)-"
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .first { $0.hasPrefix(prefix) }.map { folder.appendingPathComponent($0) }
        }
        let deadline = Date().addingTimeInterval(60)
        while partialFile() == nil, process.isRunning, Date() < deadline {
            usleep(20_000)
        }
        let partial = try #require(partialFile(), "embed never created its partial file")
        try #require(process.isRunning, "embed finished before it could be interrupted")
        #expect(FileManager.default.fileExists(atPath: partial.path))
        usleep(300_000)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()

        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signalNumber)
        #expect(!FileManager.default.fileExists(atPath: partial.path))
        #expect(try Data(contentsOf: output) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["texts.npy", "texts.txt"])
    }

    @Test("an output folder that cannot be written is reported before any encoding", .enabled(if: canRun))
    func unwritableOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("texts.txt")
        try Data("hello\n".utf8).write(to: input)
        let output = folder.appendingPathComponent("missing/out.npy")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["embed", "--model", Self.model.path, "--output", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr == "tunelens embed: \(output.path): cannot create a file in \(folder.path)/missing\n")
    }
}
