import Foundation
import Testing
import Metrics
@testable import Reports

/// The diff's colours come from tests, not signs: runs made by scripts/fixtures/make_comparison_fixtures.py
/// on the same 600 pairs (Resources/site-tests): `noise-a` and `noise-b` differ by noise only,
/// `better` separates the classes better; expected.json holds scipy's and scikit-learn's p-values.
@Suite("Site diff colours only what a test calls real")
struct SiteColourTests {
    static let noiseA = "noise-a", noiseB = "noise-b", better = "better"
    static let tested = ["auc", "accuracy", "recall", "cross_fitted_accuracy", "margin"]
    /// Metric keys of the tests expected on the fine-tuned model, with their names in expected.json.
    static let testedKeys = tested.map { ("models.finetuned.pair_classification.\($0)", $0) }
        + [("models.finetuned.sts.spearman", "sts_spearman")]

    struct Expected: Decodable { var delta: Double; var p: Double }

    static func fixture() throws -> (root: URL, expected: [String: [String: Expected]]) {
        let source = try #require(Bundle.module.url(forResource: "site-tests", withExtension: nil, subdirectory: "Resources"))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-colours-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        let expected = try JSONDecoder().decode([String: [String: Expected]].self,
                                                from: Data(contentsOf: root.appendingPathComponent("expected.json")))
        return (root, expected)
    }

    static func comparison(_ root: URL, _ a: String, _ b: String) throws -> RunComparison {
        RunComparison.make(try RunSummary.load(directory: root.appendingPathComponent(a)),
                           try RunSummary.load(directory: root.appendingPathComponent(b)))
    }

    /// The class of the delta cell of every metric row of a page or DOM, by key.
    static func deltaClasses(_ html: String) -> [String: String] {
        var classes: [String: String] = [:]
        for row in html.components(separatedBy: "<tr data-key=\"").dropFirst() {
            let key = String(row.prefix(while: { $0 != "\"" }))
            let cells = row.components(separatedBy: "</tr>")[0].components(separatedBy: "<td class=\"")
            guard cells.count >= 4 else { continue }
            classes[key] = String(cells[3].prefix(while: { $0 != "\"" })).replacingOccurrences(of: "num", with: "")
                .trimmingCharacters(in: .whitespaces)
        }
        return classes
    }

    @Test("Each paired test equals the reference, and Holm adjusts them together")
    func reference() throws {
        let (root, expected) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        for (b, name) in [(Self.noiseB, "noise"), (Self.better, "differs")] {
            let tests = try Self.comparison(root, Self.noiseA, b).metricTests.tests
            for (key, expectedName) in Self.testedKeys {
                let test = try #require(tests[key], "\(name): \(key) untested")
                let reference = try #require(expected[name]?[expectedName])
                #expect(abs(test.p - reference.p) <= 1e-9 * reference.p + 1e-15, "\(name) \(key): \(test.p) vs \(reference.p)")
            }
            #expect(tests["models.finetuned.pair_classification.cohens_d"] != nil)
            // Same baseline scores in every run: nothing to test there. Precision, F1, MCC, AP: no test.
            #expect(!tests.keys.contains { $0.hasPrefix("models.baseline.") })
            #expect(tests["models.finetuned.pair_classification.f1"] == nil)
            let keys = tests.keys.sorted()
            let adjusted = Holm.adjusted(keys.map { tests[$0]!.p })
            #expect(keys.map { tests[$0]!.adjustedP } == adjusted.map { $0! })
        }
    }

    @Test("Two runs that differ by noise: no cell coloured; runs that really differ: the tested metrics that differ")
    func colours() throws {
        let (root, expected) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        // Noise alone gives one raw p below 0.05 (Williams' test on the STS Spearman): Holm's correction,
        // not luck, keeps that cell plain.
        #expect(try #require(expected["noise"]?["sts_spearman"]).p < 0.05)

        let noisePage = try String(contentsOf: SiteDiff.write(runA: root.appendingPathComponent(Self.noiseA),
                                                              runB: root.appendingPathComponent(Self.noiseB)).file, encoding: .utf8)
        let noise = Self.deltaClasses(noisePage)
        #expect(noise.count > 20)
        #expect(noise.values.allSatisfy { $0.isEmpty }, "coloured: \(noise.filter { !$0.value.isEmpty })")
        #expect(!noisePage.contains("num better") && !noisePage.contains("num worse"))
        #expect(elementText(noisePage, id: "colour-rule")?.contains("Holm") == true)

        let betterPage = try String(contentsOf: SiteDiff.write(runA: root.appendingPathComponent(Self.noiseA),
                                                               runB: root.appendingPathComponent(Self.better)).file, encoding: .utf8)
        let better = Self.deltaClasses(betterPage)
        let expectedColoured = Self.testedKeys.map(\.0) + ["models.finetuned.pair_classification.cohens_d"]
        for key in expectedColoured {
            #expect(better[key] == "better", "\(key)")
        }
        // Precision, F1, the guard and the Matryoshka rows moved too, but have no test between runs: never coloured.
        let coloured = Set(better.filter { !$0.value.isEmpty }.keys)
        #expect(coloured == Set(expectedColoured))
        #expect(betterPage.contains("DeLong: p &lt; 0.001") && betterPage.contains("Williams: p &lt; 0.001"))
        for key in ["guards.[name=tags.tsv].finetuned", "guards.[name=tags.tsv].delta", "matryoshka.[dim=128].finetuned"] {
            #expect(better[key] == "", "\(key) shown and plain")
        }
        let guardRow = try #require(betterPage.components(separatedBy: "<tr data-key=\"guards.[name=tags.tsv].delta\">").last?
            .components(separatedBy: "</tr>").first)
        #expect(guardRow.contains("−0.071") || guardRow.contains("-0.071"))
        #expect(guardRow.contains("no test"))
    }

    @Test("The index embeds the same tests, so its in-browser diff colours the same cells",
          .enabled(if: SiteBrowserTests.chromium != nil), arguments: [(noiseA, noiseB), (noiseA, better), (better, noiseA)])
    func browser(a: String, b: String) throws {
        let (root, _) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: root) }
        try SiteIndex.rebuild(reportsDirectory: root)
        let page = try String(contentsOf: SiteDiff.write(runA: root.appendingPathComponent(a),
                                                         runB: root.appendingPathComponent(b)).file, encoding: .utf8)
        let dom = try SiteBrowserTests.dumpDOM(root.appendingPathComponent("index.html").absoluteString + "#diff=\(a),\(b)")
        let pageClasses = Self.deltaClasses(page), domClasses = Self.deltaClasses(dom)
        #expect(pageClasses.count > 20)
        #expect(domClasses == pageClasses)
        #expect(elementText(dom, id: "diff-colour-rule") == elementText(page, id: "colour-rule")?
            .replacingOccurrences(of: "&#39;", with: "'"))
        for (key, _) in pageClasses {
            let pageRow = page.components(separatedBy: "<tr data-key=\"\(key)\">").dropFirst().first?.components(separatedBy: "</tr>").first
            let domRow = dom.components(separatedBy: "<tr data-key=\"\(key)\">").dropFirst().first?.components(separatedBy: "</tr>").first
            #expect(SiteBrowserTests.cellTexts(pageRow ?? "") == SiteBrowserTests.cellTexts(domRow ?? ""), "row \(key)")
        }
    }
}
