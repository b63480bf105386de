import Evaluation
import Foundation
import Testing
@testable import Reports

@Suite("Writing a run: names, atomicity, determinism")
struct ReportWriterTests {
    @Test("Run names that could leave the reports folder are refused",
          arguments: ["", "..", ".", "../escape", "a/b", "a\\b", ".hidden", "nul\u{0}byte", "line\nbreak", "diffs",
                      "index.html", String(repeating: "x", count: 201), " padded"])
    func rejectedNames(name: String) {
        #expect(throws: ReportsError.self) { try RunName(name) }
    }

    @Test("Ordinary run names are accepted", arguments: ["run-1", "2026-11-23_lr1e-4", "épreuve", "v2 (ablation)"])
    func acceptedNames(name: String) throws {
        #expect(try RunName(name).value == name)
    }

    @Test("A failing second write leaves the first report byte-for-byte as it was")
    func atomicity() throws {
        let out = GoldenRun.temporaryFolder("atomic")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try RunName("run")
        let first = try ReportRenderer().render(RunResultFixture.make(name: "run"))
        try ReportWriter.write(first.files, run: run, into: out)
        let before = try Self.snapshot(out.appendingPathComponent("run"))

        // The second file cannot be created (its folder does not exist): the write fails half-way.
        let broken: [(name: String, bytes: Data)] = [("index.html", Data("new".utf8)), ("missing/metrics.json", Data("{}".utf8))]
        #expect(throws: ReportsError.self) { try ReportWriter.write(broken, run: run, into: out) }
        #expect(try Self.snapshot(out.appendingPathComponent("run")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".tunelens") }
        #expect(leftovers.isEmpty, "staging folders cleaned up: \(leftovers)")
    }

    @Test("A successful second write replaces the run as a whole")
    func replace() throws {
        let out = GoldenRun.temporaryFolder("replace")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try RunName("run")
        try ReportWriter.write([("index.html", Data("one".utf8)), ("old.txt", Data("x".utf8))], run: run, into: out)
        try ReportWriter.write([("index.html", Data("two".utf8))], run: run, into: out)
        #expect(try Self.snapshot(out.appendingPathComponent("run")) == ["index.html": Data("two".utf8)])
    }

    @Test("Identical inputs give byte-identical files")
    func determinism() throws {
        let a = try ReportRenderer().render(try GoldenRun.evaluate())
        let b = try ReportRenderer().render(try GoldenRun.evaluate())
        #expect(a.html == b.html)
        #expect(a.metricsJSON == b.metricsJSON)
        #expect(a.markdown == b.markdown)
        #expect(a.pairsJSONL == b.pairsJSONL)
    }

    @Test("SOURCE_DATE_EPOCH sets the generation time")
    func sourceDateEpoch() {
        #expect(RunEvaluation.creationDate(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
