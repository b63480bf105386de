import Foundation
import Testing
@testable import Evaluation
@testable import Reports

/// A graded-similarity run with two guards, end to end on precomputed embeddings with a known answer
/// (scripts/fixtures/make_sts_fixtures.py): Spearman and Pearson are scipy's, Williams' test is
/// REFERENCE.md's formula with scipy's t distribution, the guard's AUC is scikit-learn's.
@Suite("Graded similarity (STS) and guard data sets")
struct StsRunTests {
    static var folder: URL {
        Bundle.module.url(forResource: "sts", withExtension: nil, subdirectory: "Resources")!
    }

    static var expected: [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as! [String: Any]
    }

    static func run(guards: [String] = ["guard-pairs.jsonl", "guard-sts.jsonl"]) throws -> RunResult {
        var config = RunConfig()
        config.name = "sts"
        config.title = "STS fixture"
        config.baseline = folder.appendingPathComponent("baseline.jsonl").path
        config.finetuned = folder.appendingPathComponent("finetuned.jsonl").path
        config.data = folder.appendingPathComponent("sts.jsonl").path
        config.guards = guards.map { folder.appendingPathComponent($0).path }
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens", "report"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = 300
        return try evaluation.run()
    }

    static func number(_ object: Any?, _ path: String) -> Double? {
        RetrievalRunTests.value(object, path) as? Double
    }

    @Test("a file of sentence1, sentence2, score is an STS run: Spearman and Pearson equal scipy's to 1e-9, Williams' test the reference's")
    func measures() throws {
        let result = try Self.run()
        #expect(result.task == .sts && result.pairs == nil)
        let json = try JSONSerialization.jsonObject(with: Data(MetricsDocument.json(for: result).serialized().utf8))
        #expect(RetrievalRunTests.value(json, "task") as? String == "sts")
        #expect(RetrievalRunTests.value(json, "data.pairs") as? Int == 90)
        let expected = Self.expected
        for model in ["baseline", "finetuned"] {
            for key in ["spearman", "pearson"] {
                let reference = try #require(Self.number(expected, "sts.\(model).\(key)"))
                let actual = try #require(Self.number(json, "models.\(model).sts.\(key)"), "models.\(model).sts.\(key)")
                #expect(abs(actual - reference) <= 1e-9, "\(model) \(key): \(actual) vs scipy \(reference)")
            }
            let interval = try #require(RetrievalRunTests.value(json, "models.\(model).sts.spearman_ci95") as? [Double])
            let rho = try #require(Self.number(json, "models.\(model).sts.spearman"))
            #expect(interval[0] <= rho && rho <= interval[1])
        }
        #expect(RetrievalRunTests.value(json, "models.baseline.sts.diagnosis") as? String == "weak")
        #expect(RetrievalRunTests.value(json, "models.finetuned.sts.diagnosis") as? String == "strong")
        let w = try #require(result.sts?.comparison)
        let p = try #require(Self.number(expected, "sts.williams.p"))
        #expect(abs((w.t ?? .nan) - Self.number(expected, "sts.williams.t")!) <= 1e-9 * 13.6)
        #expect(abs((w.p ?? .nan) - p) <= 1e-9 * max(p, 1e-300) + 1e-300)
        #expect(abs((Self.number(json, "comparison.sts.spearman.p") ?? .nan) - p) <= 1e-30)
        let ci = try #require(w.deltaRhoCI95)
        #expect(ci.lower <= w.deltaRho && w.deltaRho <= ci.upper && ci.lower > 0)
    }

    @Test("guards: each measured with its task's main measure and paired test, Holm across them; the broken one is reported")
    func guards() throws {
        let result = try Self.run()
        #expect(result.guards.map(\.name) == ["guard-pairs.jsonl", "guard-sts.jsonl"])
        let expected = Self.expected
        let pairs = result.guards[0], sts = result.guards[1]
        #expect(pairs.task == .pairs && pairs.measure == "auc")
        #expect(abs(pairs.baseline - Self.number(expected, "guard-pairs.baseline.auc")!) <= 1e-9)
        #expect(abs(pairs.finetuned - Self.number(expected, "guard-pairs.finetuned.auc")!) <= 1e-9)
        #expect(pairs.regressed, "AUC 0.99 -> 0.59 on 120 pairs is a real regression")
        #expect(sts.task == .sts && sts.measure == "spearman")
        #expect(abs(sts.baseline - Self.number(expected, "guard-sts.baseline.spearman")!) <= 1e-9)
        #expect(abs((sts.p ?? .nan) - Self.number(expected, "guard-sts.williams.p")!) <= 1e-9)
        #expect(!sts.regressed && !sts.improved)
        // Holm: the smaller p is multiplied by 2, the larger by 1 (and never below the smaller's).
        #expect(abs((pairs.pAdjusted ?? .nan) - min(1, 2 * pairs.p!)) <= 1e-15)
        #expect(sts.pAdjusted == max(sts.p!, pairs.pAdjusted!))

        let json = try JSONSerialization.jsonObject(with: Data(MetricsDocument.json(for: result).serialized().utf8))
        let entries = try #require(RetrievalRunTests.value(json, "guards") as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(Set(entries[0].keys).isSuperset(of: ["name", "task", "measure", "baseline", "finetuned", "delta", "p"]))
        #expect(entries[0]["task"] as? String == "pairs" && entries[1]["measure"] as? String == "spearman")
    }

    @Test("the STS page: Spearman story, scatter, disagreements with the gold scores, guards section; the headline names the regression")
    func page() throws {
        let result = try Self.run()
        let report = try ReportRenderer().render(result)
        #expect(report.headline.contains("but it got worse on guard-pairs.jsonl"), "\(report.headline)")
        #expect(report.headline.contains("fine-tuning brought it closer"), "\(report.headline)")
        for text in ["Spearman", "Williams", "Predicted similarity against the gold score", "Did it break anything else?",
                     "guard-sts.jsonl", "Holm", "farthest from where the gold scores put them"] where !report.html.contains(text) {
            Issue.record("the page lacks \(text)")
        }
        #expect(!report.html.contains("AUC 0."), "an STS page does not tell the pair story")
        #expect(report.files.map(\.name) == ["index.html", "metrics.json", "report.md", "pairs.jsonl"])
        // Exactly the guard that regressed and the Spearman gain carry a colour.
        #expect(report.html.components(separatedBy: "class=\"worse\"").count - 1 == 2)
        #expect(report.html.contains("class=\"better\""))
        let lines = try #require(report.pairsJSONL).split(separator: "\n")
        #expect(lines.count == 90 && lines.allSatisfy { $0.contains("\"score\"") && !$0.contains("\"label\"") })
    }

    @Test("without guards there is no guards section and no guards key")
    func noGuards() throws {
        let result = try Self.run(guards: [])
        let report = try ReportRenderer().render(result)
        #expect(!report.html.contains("Did it break anything else?"))
        #expect(!report.metricsJSON.contains("\"guards\""))
    }
}

@Suite("guards: in tunelens.yaml")
struct GuardsConfigTests {
    @Test("a path or a list of paths, resolved against the config's folder; flags replace them")
    func guardsKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-guards-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("tunelens.yaml")
        try "guards:\n  - other/ethics.jsonl\n  - /data/beir\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try RunConfig.read(file)
        #expect(config.guards == [folder.appendingPathComponent("other/ethics.jsonl").path, "/data/beir"])
        try "guards: one.csv\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try RunConfig.read(file).guards == [folder.appendingPathComponent("one.csv").path])
        var flags = RunConfig()
        flags.guards = ["/x.jsonl"]
        #expect(config.overridden(by: flags, explicitThreshold: false, explicitSeed: false).guards == ["/x.jsonl"])
        try "guards: {a: 1}\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError.self) { try RunConfig.read(file) }
    }
}

@Suite("Matryoshka dimensions (--dims)")
struct MatryoshkaRunTests {
    static func run(data: String, dims: [Int]) throws -> RunResult {
        var config = RunConfig()
        config.name = "dims"
        config.baseline = StsRunTests.folder.appendingPathComponent("baseline.jsonl").path
        config.finetuned = StsRunTests.folder.appendingPathComponent("finetuned.jsonl").path
        config.data = StsRunTests.folder.appendingPathComponent(data).path
        config.dimensions = dims
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens", "report"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = 50
        return try evaluation.run()
    }

    @Test("the main measure at each truncation equals scipy's Spearman (STS) and scikit-learn's AUC (pairs) on the cut embeddings",
          arguments: [("sts.jsonl", "sts", "spearman"), ("guard-pairs.jsonl", "guard-pairs", "auc")])
    func curve(data: String, key: String, measure: String) throws {
        let result = try Self.run(data: data, dims: [4, 16, 8])
        let curve = try #require(result.matryoshka)
        #expect(curve.measure == measure)
        #expect(curve.points.map(\.dimension) == [16, 8, 4], "largest first, each once")
        for point in curve.points {
            for (model, value) in [("baseline", point.baseline), ("finetuned", point.finetuned)] {
                let reference = try #require(RetrievalRunTests.value(StsRunTests.expected, "\(key).\(model).matryoshka.\(point.dimension)") as? Double)
                #expect(abs(value - reference) <= 1e-9, "\(key) \(model) at \(point.dimension): \(value) vs \(reference)")
            }
        }
        let report = try ReportRenderer().render(result)
        #expect(report.html.contains("Smaller embeddings") && report.html.contains("by embedding dimension"))
        let json = try JSONSerialization.jsonObject(with: Data(report.metricsJSON.utf8))
        let entries = try #require(RetrievalRunTests.value(json, "matryoshka") as? [[String: Any]])
        #expect(entries.map { $0["dim"] as? Int } == [16, 8, 4])
    }

    @Test("a dimension wider than the embeddings is refused in one line")
    func tooWide() {
        #expect(throws: EvaluationError.self) { try Self.run(data: "sts.jsonl", dims: [64]) }
    }
}

@Suite("Graded similarity runs in the site")
struct StsSiteTests {
    static func publish(_ name: String, finetuned: String, into reports: URL) throws {
        var config = RunConfig()
        config.name = name
        config.baseline = StsRunTests.folder.appendingPathComponent("baseline.jsonl").path
        config.finetuned = StsRunTests.folder.appendingPathComponent(finetuned).path
        config.data = StsRunTests.folder.appendingPathComponent("sts.jsonl").path
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens"], toolVersion: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        evaluation.bootstrapSamples = 100
        _ = try ReportPublisher.publish(try evaluation.run(), run: try RunName(name), into: reports)
    }

    @Test("the index lists STS runs by Spearman; a diff of two on the same pairs runs Williams' test (scipy's Spearman, the reference t)")
    func indexAndDiff() throws {
        let reports = GoldenRun.temporaryFolder("sts-site")
        defer { try? FileManager.default.removeItem(at: reports) }
        try Self.publish("sts-untouched", finetuned: "baseline.jsonl", into: reports)
        try Self.publish("sts-tuned", finetuned: "finetuned.jsonl", into: reports)
        let index = try String(contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Spearman [95% CI]") && index.contains("Fine-tuned Spearman (similarity runs)"))
        #expect(!index.contains("unreadable"))

        let outcome = try SiteDiff.write(runA: reports.appendingPathComponent("sts-untouched"),
                                         runB: reports.appendingPathComponent("sts-tuned"))
        // Between the runs, the fine-tuned rows are the two models of the fixture: the same Williams'
        // test the report runs within one run (expected.json, REFERENCE.md's formula with scipy).
        let p = try #require(RetrievalRunTests.value(StsRunTests.expected, "sts.williams.p") as? Double)
        #expect(outcome.summary.contains("Williams' test on the same pairs, p = < 0.001"), "\(outcome.summary)")
        let a = try RunSummary.load(directory: reports.appendingPathComponent("sts-untouched"))
        let b = try RunSummary.load(directory: reports.appendingPathComponent("sts-tuned"))
        let test = try #require(RunComparison.make(a, b).metricTests.tests["models.finetuned.sts.spearman"])
        #expect(abs(test.p - p) <= 1e-9 * max(p, 1e-300) + 1e-300)
        #expect(RunComparison.make(a, b).metricTests.tests["models.baseline.sts.spearman"] == nil, "same baseline scores: no test")
        let page = try String(contentsOf: outcome.file, encoding: .utf8)
        #expect(page.contains("class=\"num better\""), "a real gain on the same pairs is coloured")
        #expect(!page.contains("ROC curves of both runs"), "graded runs have no ROC to overlay")
    }
}

@Suite("The guards section's wording")
struct GuardsWordingTests {
    @Test("one guard without a regression: a capitalised sentence, no count of zero")
    func oneQuietGuard() throws {
        let result = try StsRunTests.run(guards: ["guard-sts.jsonl"])
        let report = try ReportRenderer().render(result)
        #expect(report.html.contains("One guard data set asked that question"))
        #expect(report.html.contains("No guard got measurably worse: what fine-tuning changed on them"))
        #expect(!report.html.contains("and 0 got"))
        #expect(!report.headline.contains("got worse on"))
    }
}
