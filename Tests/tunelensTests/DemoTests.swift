import Foundation
import Testing

/// `tunelens demo --quick` end to end with the real all-MiniLM-L6-v2: the built binary, a fresh
/// temporary folder, the pages the index names, and the numbers the story rests on.
@Suite("tunelens demo, end to end", .serialized)
struct DemoTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var modelFolder: URL {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return repositoryRoot.appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
    }

    /// The `tunelens` binary next to the test bundle, in the build products folder.
    static var binary: URL? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("tunelens"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tunelens"),
            repositoryRoot.appendingPathComponent(".build/debug/tunelens"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func tunelens(_ arguments: [String], in folder: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = try #require(binary, "the tunelens binary is not in the build products folder")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread so neither pipe can fill up and stall the child.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrBox.data, as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func json(_ url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(url.path) is not a JSON object")
    }

    static func value(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any? = object
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return current
    }

    /// Every local page an HTML page links to (`href="..."` not starting with a scheme or `#`).
    static func localLinks(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: ##"href="([^"#?]+)[^"]*""##)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }.filter { !$0.contains(":") }
    }

    @Test("the quick demo writes the index, a report per run and the diff, and prints a page that exists")
    func quickDemo() throws {
        try #require(FileManager.default.fileExists(atPath: Self.modelFolder.appendingPathComponent("model.safetensors").path),
                     "all-MiniLM-L6-v2 is missing at \(Self.modelFolder.path); run `make setup`")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        // --no-cache: nothing is read from or written to the user's cache, and the demo's own store in
        // memory still serves the second run the base embeddings the first run computed.
        let outcome = try Self.tunelens(["demo", "--quick", "--train", "200", "--test", "120", "--out", "site", "--work", "work",
                                         "--model", Self.modelFolder.path, "--no-cache"],
                                        in: folder)
        #expect(outcome.status == 0, "tunelens demo failed: \(outcome.stderr.suffix(2000))")
        #expect(outcome.stderr.components(separatedBy: "embeddings from cache").count - 1 == 1,
                "the second run's training texts come from the demo's store: \(outcome.stderr.suffix(2000))")
        let printed = try #require(outcome.stdout.split(separator: "\n").last.map(String.init), "the demo printed nothing")
        // The demo prints the page relative to where it ran (or absolute when --out is).
        let page = printed.hasPrefix("/") ? URL(fileURLWithPath: printed) : folder.appendingPathComponent(printed)
        #expect(FileManager.default.fileExists(atPath: page.path), "the printed page \(printed) does not exist")

        let site = folder.appendingPathComponent("site")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        let links = Self.localLinks(in: index)
        for run in ["linear-4-epochs", "linear-10-epochs"] {
            #expect(links.contains { $0.hasPrefix(run + "/") }, "the index does not link the run \(run)")
        }
        for link in Set(links) {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(link).path),
                    "the index links \(link), which does not exist")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("diffs/linear-4-epochs__linear-10-epochs.html").path))

        for run in ["linear-4-epochs", "linear-10-epochs"] {
            let metrics = try Self.json(site.appendingPathComponent(run).appendingPathComponent("metrics.json"))
            let auc = try #require(Self.value(metrics, "models.baseline.pair_classification.auc") as? Double)
            let ci = try #require(Self.value(metrics, "models.baseline.pair_classification.auc_ci95") as? [Double])
            #expect(ci.count == 2 && ci[0] <= auc && auc <= ci[1], "\(run): baseline AUC \(auc) outside its interval \(ci)")
            let diagnosis = try #require(Self.value(metrics, "models.baseline.pair_classification.diagnosis") as? String)
            #expect(["backwards", "random", "weak", "strong", "collapsed"].contains(diagnosis))
            let p = try #require(Self.value(metrics, "comparison.delong_p") as? Double, "\(run): no DeLong p-value")
            #expect((0...1).contains(p))
            #expect(Self.value(metrics, "models.finetuned.pair_classification.auc") as? Double != nil)

            let html = try String(contentsOf: site.appendingPathComponent(run).appendingPathComponent("index.html"), encoding: .utf8)
            #expect(html.contains("DeLong"), "\(run): the report does not show DeLong's test")
            #expect(html.contains(String(format: "%.2f", ci[0])) || html.contains(String(format: "%.3f", ci[0])),
                    "\(run): the report does not show the baseline AUC interval")
        }
    }

    @Test("a missing base model is a one-line error that says to run make setup")
    func missingModel() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.tunelens(["demo", "--quick", "--model", "no-such-model-folder"], in: folder)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("make setup"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports").path),
                "a failed demo must not create the reports folder")
    }
}

