import Foundation
import Testing

@Suite("tunelens report", .serialized)
struct ReportCommandTests {
    static func goodArguments(out: URL, name: String = "run") -> [String] {
        let g = TunelensProcess.golden
        return ["report", "--baseline", g.appendingPathComponent("baseline.jsonl").path,
                "--finetuned", g.appendingPathComponent("finetuned.jsonl").path,
                "--data", g.appendingPathComponent("pairs.jsonl").path, "--name", name, "--out", out.path]
    }

    @Test("A good run writes the four files and the index; the same inputs give the same bytes")
    func goodRun() throws {
        let out = TunelensProcess.temporaryFolder("good")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try TunelensProcess.run(Self.goodArguments(out: out))
        #expect(first.status == 0, "\(first.stderr)")
        let files = TunelensProcess.snapshot(out.appendingPathComponent("run"))
        #expect(Set(files.keys) == ["index.html", "metrics.json", "report.md", "pairs.jsonl"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path), "site index rebuilt")
        #expect((files["index.html"]?.count ?? 0) < 1_000_000)
        let again = try TunelensProcess.run(Self.goodArguments(out: out))
        #expect(again.status == 0)
        #expect(TunelensProcess.snapshot(out.appendingPathComponent("run")) == files, "byte-identical with SOURCE_DATE_EPOCH")
    }

    /// A bad input: what to write, which flags it replaces, what the error line must name.
    struct BadInput: CustomTestStringConvertible, Sendable {
        var label: String
        var file: String
        var contents: String
        var flag: String
        var mentions: String
        var testDescription: String { label }
    }

    static let badInputs: [BadInput] = [
        BadInput(label: "malformed JSONL", file: "bad.jsonl",
                 contents: "{\"text_a\": \"a\", \"text_b\": \"b\", \"label\": 1}\n{\"text_a\": \"a\", \n", flag: "--data", mentions: "bad.jsonl:2"),
        BadInput(label: "label not binary", file: "bad.jsonl",
                 contents: "{\"text_a\": \"a\", \"text_b\": \"b\", \"label\": \"yes\"}\n", flag: "--data", mentions: "bad.jsonl:1"),
        BadInput(label: "one class only", file: "bad.jsonl",
                 contents: "{\"text_a\": \"a\", \"text_b\": \"b\", \"label\": 1}\n{\"text_a\": \"c\", \"text_b\": \"d\", \"label\": 1}\n",
                 flag: "--data", mentions: "bad.jsonl"),
        BadInput(label: "empty data", file: "bad.jsonl", contents: "", flag: "--data", mentions: "bad.jsonl"),
        BadInput(label: "missing column", file: "bad.csv", contents: "text_a,label\nhello,1\n", flag: "--data", mentions: "bad.csv"),
        BadInput(label: "duplicate column", file: "bad.csv", contents: "text_a,text_b,text_b,label\na,b,c,1\n", flag: "--data", mentions: "bad.csv"),
        BadInput(label: "non-UTF-8 bytes", file: "bad.tsv", contents: "text_a\ttext_b\tlabel\n\u{FFFF}", flag: "--data", mentions: "bad.tsv"),
        BadInput(label: "precomputed embedding of the wrong dimension", file: "emb.jsonl",
                 contents: "{\"text\": \"x\", \"embedding\": [1, 2, 3]}\n{\"text\": \"y\", \"embedding\": [1, 2]}\n",
                 flag: "--baseline", mentions: "emb.jsonl"),
        BadInput(label: "precomputed embedding with NaN", file: "emb.jsonl",
                 contents: "{\"text\": \"x\", \"embedding\": [1, NaN, 3]}\n", flag: "--baseline", mentions: "emb.jsonl"),
        BadInput(label: "precomputed embeddings missing a text", file: "emb.jsonl",
                 contents: "{\"text\": \"not in the data\", \"embedding\": [1, 0, 0, 0, 0, 0, 0, 0]}\n", flag: "--baseline", mentions: "emb.jsonl"),
        BadInput(label: "unknown key in the run config", file: "tunelens.yaml",
                 contents: "title: x\nthreshhold: 0.4\n", flag: "config", mentions: "tunelens.yaml:2"),
    ]

    @Test("Bad input: one line on stderr naming the file, non-zero exit, the earlier report untouched", arguments: badInputs)
    func badInput(_ bad: BadInput) throws {
        let out = TunelensProcess.temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try TunelensProcess.run(Self.goodArguments(out: out)).status == 0)
        let before = TunelensProcess.snapshot(out.appendingPathComponent("run"))
        let index = try Data(contentsOf: out.appendingPathComponent("index.html"))

        let input = out.appendingPathComponent(bad.file)
        var bytes = Data(bad.contents.utf8)
        if bad.label == "non-UTF-8 bytes" { bytes = Data("text_a\ttext_b\tlabel\n".utf8) + Data([0x61, 0xFF, 0xFE, 0x09, 0x62, 0x09, 0x31, 0x0A]) }
        try bytes.write(to: input)
        var arguments = Self.goodArguments(out: out)
        if bad.flag == "config" {
            arguments.insert(input.path, at: 1)
        } else if let at = arguments.firstIndex(of: bad.flag) {
            arguments[at + 1] = input.path
        }
        let outcome = try TunelensProcess.run(arguments)
        #expect(outcome.status != 0)
        let message = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.isEmpty && !message.contains("\n"), "one line: \(outcome.stderr)")
        #expect(message.contains(bad.mentions), "\(message)")
        #expect(TunelensProcess.snapshot(out.appendingPathComponent("run")) == before)
        #expect(try Data(contentsOf: out.appendingPathComponent("index.html")) == index)
    }

    @Test("Run names that would leave the output folder are refused before any work",
          arguments: ["../escape", "a/b", ".hidden", ".."])
    func escapingName(name: String) throws {
        let out = TunelensProcess.temporaryFolder("name")
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try TunelensProcess.run(Self.goodArguments(out: out.appendingPathComponent("reports"), name: name))
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("run name"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("escape").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports").path), "nothing written")
    }

    @Test("A run config supplies the inputs, its relative paths resolved against its folder, and flags override it")
    func runConfig() throws {
        let folder = TunelensProcess.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["baseline.jsonl", "finetuned.jsonl", "pairs.jsonl"] {
            try FileManager.default.copyItem(at: TunelensProcess.golden.appendingPathComponent(file),
                                             to: folder.appendingPathComponent(file))
        }
        try """
        title: Config run
        name: from-config
        baseline: baseline.jsonl
        finetuned: finetuned.jsonl
        data: pairs.jsonl
        out: site
        threshold: 0.3
        hyperparameters:
          epochs: 4
          loss: CosineSimilarityLoss
        notes: "Tried <b>bold</b> things"
        """.write(to: folder.appendingPathComponent("tunelens.yaml"), atomically: true, encoding: .utf8)
        let outcome = try TunelensProcess.run(["report", folder.appendingPathComponent("tunelens.yaml").path, "--threshold", "0.4"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let metrics = try Data(contentsOf: folder.appendingPathComponent("site/from-config/metrics.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: metrics) as? [String: Any])
        let config = try #require(json["config"] as? [String: Any])
        #expect(config["threshold"] as? Double == 0.4, "the flag wins over the file")
        #expect((config["hyperparameters"] as? [String: String])?["loss"] == "CosineSimilarityLoss")
        #expect((json["run"] as? [String: Any])?["title"] as? String == "Config run")
    }
}
