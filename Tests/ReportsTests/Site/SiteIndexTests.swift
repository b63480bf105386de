import Foundation
import Testing
@testable import Reports

@Suite("Site index")
struct SiteIndexTests {
    @Test("Lists every readable run newest first, with its AUC, d, accuracy and diagnosis, linked to its page")
    func rows() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let outcome = try SiteIndex.rebuild(reportsDirectory: site.root)
        #expect(outcome.runs == [SiteFixture.first, SiteFixture.second, SiteFixture.otherData])
        let html = try site.text("index.html")
        let rows = html.components(separatedBy: "<tr id=\"run-").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
        #expect(rows.count == 3)
        #expect(rows.map { String($0.prefix(while: { $0 != "\"" })) } == [SiteFixture.otherData, SiteFixture.second, SiteFixture.first])
        // The second run: AUC 0.989 [0.971, 1.000], d 3.07, accuracy 0.950 at 0.50, baseline backwards.
        let second = rows[1]
        #expect(second.contains("0.989 [0.971, 1.000]"))
        #expect(second.contains(">3.07<"))
        #expect(second.contains("0.950 @ 0.50"))
        #expect(second.contains(">backwards<"))
        #expect(second.contains("href=\"2026-11-02-lr5e-5/index.html\""))
        #expect(second.contains("2026-11-02 09:00"))
    }

    @Test("Lists a broken and a foreign metrics.json as unreadable, with the reason, without failing")
    func unreadable() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        // A run page without its metrics.json; a hidden staging folder and diffs/ are not runs.
        for folder in ["half-written", ".tunelens-staging-x", "diffs"] {
            try FileManager.default.createDirectory(at: site.run(folder), withIntermediateDirectories: true)
            try "<!doctype html>".write(to: site.run(folder).appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        }
        let outcome = try SiteIndex.rebuild(reportsDirectory: site.root)
        #expect(outcome.unreadable.count == 3)
        #expect(outcome.unreadable.contains("half-written: no metrics.json in this run folder"))
        let html = try site.text("index.html")
        let section = try #require(html.components(separatedBy: "id=\"unreadable\"").last)
        #expect(section.contains(SiteFixture.broken))
        #expect(section.contains("not valid JSON"))
        #expect(section.contains(SiteFixture.foreign))
        #expect(section.contains("not a tunelens metrics file"))
        #expect(!section.contains(site.root.path), "the published page must not show local absolute paths")
    }

    @Test("Draws the trend chart with one point per run for AUC and accuracy, intervals, and the baseline")
    func trendChart() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try SiteIndex.rebuild(reportsDirectory: site.root)
        let html = try site.text("index.html")
        let svg = try #require(html.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(svg.contains("Fine-tuned AUC and accuracy across runs"))
        // Three runs: three category labels, and three interval bars (a vertical stroke each).
        for name in [SiteFixture.first, SiteFixture.second, SiteFixture.otherData] {
            #expect(svg.contains(">\(name)</text>"))
        }
        let bars = try #require(svg.components(separatedBy: "class=\"tl-interval\" d=\"").dropFirst().first?.components(separatedBy: "\"").first)
        #expect(occurrences(of: "V", in: bars) == 3)
        // The chart's table: one row per run, with AUC, accuracy and the baseline AUC.
        let table = try #require(html.components(separatedBy: "The chart's numbers").last)
        #expect(occurrences(of: "<tr><td>", in: table.components(separatedBy: "</table>")[0]) == 3)
        #expect(table.contains("Baseline AUC"))
    }

    @Test("Escapes user text in the table and in the embedded JSON, so `</script>` cannot break out")
    func escaping() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        // A hand-edited run name that tries to close the data script and open another.
        let hostile = "x</script><script>alert(1)</script><!--"
        let metrics = site.run(SiteFixture.otherData).appendingPathComponent("metrics.json")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: metrics)) as? [String: Any])
        var run = try #require(document["run"] as? [String: Any])
        run["name"] = hostile
        document["run"] = run
        try JSONSerialization.data(withJSONObject: document).write(to: metrics)
        try SiteIndex.rebuild(reportsDirectory: site.root)
        let html = try site.text("index.html")
        #expect(html.contains("First try &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"))
        #expect(!html.contains("<b>bold</b>"))
        // Exactly the page's own two script elements close.
        #expect(occurrences(of: "</script>", in: html) == 2)
        let json = try #require(html.components(separatedBy: "<script type=\"application/json\" id=\"site-data\">").last?
            .components(separatedBy: "</script>").first)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let runs = try #require(parsed?["runs"] as? [[String: Any]])
        #expect(runs.count == 3)
        #expect(runs.last?["name"] as? String == hostile)
        #expect(html.contains("x&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--"))
    }

    @Test("Is self-contained and deterministic: no network reference, same bytes on a second build")
    func selfContained() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try SiteIndex.rebuild(reportsDirectory: site.root)
        let first = try site.text("index.html")
        try SiteIndex.rebuild(reportsDirectory: site.root)
        #expect(try site.text("index.html") == first)
        #expect(first.contains("Content-Security-Policy"))
        #expect(!first.contains("src=\"http"))
        #expect(!first.contains("href=\"http"))
        #expect(!first.contains("url(http"))
        #expect(!first.contains("@import"))
    }

    @Test("An empty or missing folder: an empty index, or a one-line error")
    func emptyAndMissing() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let outcome = try SiteIndex.rebuild(reportsDirectory: empty)
        #expect(outcome.runs.isEmpty)
        #expect(try String(contentsOf: outcome.file, encoding: .utf8).contains("No readable runs yet"))
        let missing = empty.appendingPathComponent("nope")
        #expect(throws: SiteError.notAFolder(path: missing.path)) {
            try SiteIndex.rebuild(reportsDirectory: missing)
        }
    }
}
