import Foundation
import Testing
@testable import Reports

@Suite("Site diff")
struct SiteDiffTests {
    @Test("Two runs on the same pairs get DeLong's paired test, equal to the Python reference")
    func pairedTest() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let expected = try SiteFixture.expectedDiff()
        let outcome = try SiteDiff.write(runA: site.run(SiteFixture.first), runB: site.run(SiteFixture.second))
        #expect(outcome.file == SiteDiff.defaultOutput(runA: site.run(SiteFixture.first), runB: site.run(SiteFixture.second)))
        #expect(outcome.file.lastPathComponent == "2026-11-01-lr2e-5__2026-11-02-lr5e-5.html")

        let a = try RunSummary.load(directory: site.run(SiteFixture.first))
        let b = try RunSummary.load(directory: site.run(SiteFixture.second))
        let comparison = RunComparison.make(a, b)
        guard case let .paired(delta, z, p, pairs) = comparison.significance else {
            Issue.record("expected a paired test, got \(comparison.significance)")
            return
        }
        #expect(pairs == 60)
        #expect(abs(delta - expected.delta_auc) < 1e-12)
        #expect(abs((z ?? .nan) - expected.delong_z) < 1e-9)
        #expect(abs((p ?? .nan) - expected.delong_p) < 1e-9)

        let html = try String(contentsOf: outcome.file, encoding: .utf8)
        #expect(elementText(html, id: "kind") == "Paired")
        #expect(elementText(html, id: "delta-auc") == "+0.003")
        #expect(elementText(html, id: "z") == "0.32")
        #expect(elementText(html, id: "p") == "0.752")
        #expect(html.contains("DeLong&#39;s paired test on the same 60 pairs"))
    }

    @Test("Lists the pairs whose verdict changed, with both scores, texts escaped")
    func changedPairs() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let expected = try SiteFixture.expectedDiff()
        let outcome = try SiteDiff.write(runA: site.run(SiteFixture.first), runB: site.run(SiteFixture.second))
        let html = try String(contentsOf: outcome.file, encoding: .utf8)
        #expect(elementText(html, id: "fixed") == "\(expected.fixed)")
        #expect(elementText(html, id: "broken") == "\(expected.broken)")
        let table = try #require(html.components(separatedBy: "id=\"changed-pairs\"").last?.components(separatedBy: "</table>").first)
        let indexes = table.components(separatedBy: "<tr><td class=\"num\">").dropFirst().compactMap { Int($0.prefix(while: \.isNumber)) }
        #expect(indexes == expected.changed)
        // Pair 7 is `</script><script>alert(1)</script>`, pair 8 an attribute breakout: both shown as text.
        #expect(table.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(table.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        // Both scores of pair 7: 0.472 in A, 0.509 in B (threshold 0.5: broken in B, label 0).
        let row7 = try #require(table.components(separatedBy: "<tr><td class=\"num\">7<").last?.components(separatedBy: "</tr>").first)
        #expect(row7.contains(">0.472<") && row7.contains(">0.509<") && row7.contains("broken in B"))
    }

    @Test("Runs on different data get an unpaired test, and the page says so")
    func unpaired() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let outcome = try SiteDiff.write(runA: site.run(SiteFixture.first), runB: site.run(SiteFixture.otherData))
        let html = try String(contentsOf: outcome.file, encoding: .utf8)
        #expect(elementText(html, id: "kind") == "Unpaired")
        #expect(html.contains("Unpaired because the runs scored different data"))
        #expect(html.contains("cannot be matched pair by pair"))
        #expect(!html.contains("id=\"changed-pairs\""))
        // z from the two intervals: se = larger half-width / 1.959964.
        let a = try RunSummary.load(directory: site.run(SiteFixture.first))
        let b = try RunSummary.load(directory: site.run(SiteFixture.otherData))
        let seA = max(a.finetuned.auc! - a.finetuned.aucInterval!.lowerBound, a.finetuned.aucInterval!.upperBound - a.finetuned.auc!) / 1.959963984540054
        let seB = max(b.finetuned.auc! - b.finetuned.aucInterval!.lowerBound, b.finetuned.aucInterval!.upperBound - b.finetuned.auc!) / 1.959963984540054
        let z = (b.finetuned.auc! - a.finetuned.auc!) / (seA * seA + seB * seB).squareRoot()
        #expect(elementText(html, id: "z") == SiteNumberFormat.fixed(z, 2))
    }

    @Test("Shows every metric with its delta, the curves of both runs and the changed hyperparameters")
    func sideBySide() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let outcome = try SiteDiff.write(runA: site.run(SiteFixture.first), runB: site.run(SiteFixture.second))
        let html = try String(contentsOf: outcome.file, encoding: .utf8)
        let auc = try #require(html.components(separatedBy: "data-key=\"models.finetuned.pair_classification.auc\">").last?
            .components(separatedBy: "</tr>").first)
        #expect(auc.contains("0.986 [0.964, 1.000]") && auc.contains("0.989 [0.971, 1.000]") && auc.contains("+0.003"))
        for key in ["cohens_d", "accuracy", "f1", "average_precision", "mcc"] {
            #expect(html.contains("data-key=\"models.finetuned.pair_classification.\(key)\""))
        }
        #expect(occurrences(of: "<svg", in: html) == 2)
        #expect(html.contains("ROC curves of both runs"))
        #expect(html.contains("Fine-tuned similarity distributions, both runs"))
        #expect(html.contains("Changed: epochs, learning_rate."))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"))
    }

    @Test("A broken run folder stops the diff with a one-line error naming the file")
    func brokenRun() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        do {
            try SiteDiff.write(runA: site.run(SiteFixture.first), runB: site.run(SiteFixture.broken))
            Issue.record("expected an error")
        } catch let error as SiteError {
            #expect(error.description.contains("2026-11-04-broken/metrics.json: not valid JSON"))
            #expect(!error.description.contains("\n"))
        }
    }
}
