import Foundation
import Testing
@testable import Reports

/// Opens the pages in headless Chromium from file:// and reads the DOM after the scripts ran.
/// Skipped where no Chromium is installed (`make setup` installs it).
@Suite("Site in a browser")
struct SiteBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func dumpDOM(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                             "--virtual-time-budget=2000", "--dump-dom", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("index.html#diff=A,B opens the diff of A and B, with the numbers of the diff page",
          .enabled(if: chromium != nil), arguments: [
            (SiteFixture.first, SiteFixture.second, "Paired"),
            (SiteFixture.second, SiteFixture.first, "Paired"),
            (SiteFixture.first, SiteFixture.otherData, "Unpaired"),
          ])
    func diffFromFragment(a: String, b: String, kind: String) throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try SiteIndex.rebuild(reportsDirectory: site.root)
        let page = try String(contentsOf: try SiteDiff.write(runA: site.run(a), runB: site.run(b)).file, encoding: .utf8)
        let index = site.root.appendingPathComponent("index.html")
        let dom = try Self.dumpDOM(index.absoluteString + "#diff=\(a),\(b)")

        #expect(elementText(dom, id: "diff-run-a") == a)
        #expect(elementText(dom, id: "diff-run-b") == b)
        #expect(elementText(dom, id: "diff-kind") == kind)
        let delta = try #require(elementText(page, id: "delta-auc"))
        #expect(elementText(dom, id: "diff-delta-auc") == delta)
        #expect(elementText(dom, id: "diff-z") == elementText(page, id: "z"))
        #expect(elementText(dom, id: "diff-p") == elementText(page, id: "p"))
        if kind == "Paired" {
            #expect(elementText(dom, id: "diff-fixed") == elementText(page, id: "fixed"))
            #expect(elementText(dom, id: "diff-broken") == elementText(page, id: "broken"))
        }
        // Every metric row of the diff page appears with the same delta in the browser.
        let pageRows = page.components(separatedBy: "<tr data-key=\"").dropFirst()
        #expect(pageRows.count > 20)
        for row in pageRows {
            let key = String(row.prefix(while: { $0 != "\"" }))
            let cells = row.components(separatedBy: "</tr>")[0]
            let browserRow = try #require(dom.components(separatedBy: "<tr data-key=\"\(key)\">").dropFirst().first?
                .components(separatedBy: "</tr>").first, "row \(key) missing in the browser diff")
            #expect(Self.cellTexts(browserRow) == Self.cellTexts(cells), "row \(key)")
        }
    }

    @Test("Changing the fragment switches the diff (hashchange); an unknown run is said so",
          .enabled(if: chromium != nil))
    func hashChange() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try SiteIndex.rebuild(reportsDirectory: site.root)
        // A copy of the index with one more script that changes the fragment after load.
        let index = try site.text("index.html")
        let switched = index.replacingOccurrences(of: "</body>", with:
            "<script>setTimeout(function () { location.hash = 'diff=\(SiteFixture.second),\(SiteFixture.otherData)'; }, 50);</script>\n</body>")
        let copy = site.root.appendingPathComponent("index-hashchange.html")
        try switched.write(to: copy, atomically: true, encoding: .utf8)
        let dom = try Self.dumpDOM(copy.absoluteString + "#diff=\(SiteFixture.first),\(SiteFixture.second)")
        #expect(elementText(dom, id: "diff-run-a") == SiteFixture.second)
        #expect(elementText(dom, id: "diff-run-b") == SiteFixture.otherData)
        #expect(elementText(dom, id: "diff-kind") == "Unpaired")

        let missing = try Self.dumpDOM(site.root.appendingPathComponent("index.html").absoluteString + "#diff=\(SiteFixture.first),no-such-run")
        #expect(elementText(missing, id: "diff-error") == "No readable run named no-such-run in this folder.")
    }

    @Test("Clicking a column heading sorts the runs; a second click reverses", .enabled(if: chromium != nil))
    func sorting() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try SiteIndex.rebuild(reportsDirectory: site.root)
        let index = try site.text("index.html")
        // AUC is the fourth column: 0.943 (billing) < 0.986 (first) < 0.989 (second).
        let clicks = { (count: Int) in
            index.replacingOccurrences(of: "</body>", with: "<script>var th = document.querySelectorAll('#run-table th')[3];"
                + String(repeating: "th.click();", count: count) + "</script>\n</body>")
        }
        let order = { (html: String) in
            html.components(separatedBy: "<tr id=\"run-").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
        }
        let once = site.root.appendingPathComponent("sorted-once.html")
        try clicks(1).write(to: once, atomically: true, encoding: .utf8)
        #expect(order(try Self.dumpDOM(once.absoluteString)) == [SiteFixture.otherData, SiteFixture.first, SiteFixture.second])
        let twice = site.root.appendingPathComponent("sorted-twice.html")
        try clicks(2).write(to: twice, atomically: true, encoding: .utf8)
        #expect(order(try Self.dumpDOM(twice.absoluteString)) == [SiteFixture.second, SiteFixture.first, SiteFixture.otherData])
    }

    @Test("The page's number rounding is JavaScript's toFixed", .enabled(if: chromium != nil))
    func roundingAgrees() throws {
        let values: [(Double, Int)] = [(0.8125, 3), (-0.8125, 3), (0.125, 2), (0.5, 0), (2.5, 0), (0.1, 3), (0.9996, 3),
                                       (9.9995, 3), (-0.0004, 3), (1.005, 2), (99.5, 0), (0.0033333333333331883, 3),
                                       (0.31550330282914846, 2), (1.0 / 3.0, 3), (0.675, 2), (0.0625, 3)]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunelens-round-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = values.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        let html = "<!doctype html><pre id=\"out\"></pre><script>document.getElementById('out').textContent = [\(list)].map(function (v) { return v[0].toFixed(v[1]); }).join('|');</script>"
        let file = folder.appendingPathComponent("round.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let dom = try Self.dumpDOM(file.absoluteString)
        let expected = values.map { SiteNumberFormat.fixed($0.0, $0.1) }.joined(separator: "|")
        #expect(elementText(dom, id: "out") == expected)
    }

    /// The texts of a table row's cells, with the character references that the template
    /// engine and the browser's serializer write differently (`&#39;` and `'`) decoded.
    static func cellTexts(_ row: String) -> [String] {
        row.components(separatedBy: "<td").dropFirst().map { cell in
            let start = cell.firstIndex(of: ">").map { cell.index(after: $0) } ?? cell.startIndex
            return String(cell[start...].prefix(while: { $0 != "<" }))
                .replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"")
        }
    }
}
