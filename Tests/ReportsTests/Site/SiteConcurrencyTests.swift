import Foundation
import Testing
@testable import Reports

@Suite("Site index under concurrent reports")
struct SiteConcurrencyTests {
    /// Copies a fixture run into `root/<name>` the way `tunelens report` publishes one: built in a
    /// hidden staging folder, then renamed into place, with its run name changed.
    static func addRun(_ name: String, from source: URL, to root: URL, day: Int) throws {
        let staging = root.appendingPathComponent(".staging-\(name)", isDirectory: true)
        try FileManager.default.copyItem(at: source, to: staging)
        let metrics = staging.appendingPathComponent("metrics.json")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: metrics)) as? [String: Any])
        var run = try #require(document["run"] as? [String: Any])
        run["name"] = name
        run["created"] = String(format: "2026-12-%02dT%02d:00:00Z", 1 + day / 24, day % 24)
        document["run"] = run
        try JSONSerialization.data(withJSONObject: document).write(to: metrics)
        try FileManager.default.moveItem(at: staging, to: root.appendingPathComponent(name, isDirectory: true))
    }

    @Test("Reports finishing at the same time leave an index that lists every run")
    func concurrentRebuilds() async throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let source = site.run(SiteFixture.first)
        let root = site.root
        let writers = 12
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    // Each "report" adds its run, then rebuilds, as `tunelens report` does.
                    try Self.addRun("concurrent-\(writer)", from: source, to: root, day: writer)
                    try SiteIndex.rebuild(reportsDirectory: root)
                }
            }
            // A reader meanwhile must never see a partial page.
            group.addTask {
                for _ in 0..<40 {
                    if let text = try? String(contentsOf: root.appendingPathComponent("index.html"), encoding: .utf8) {
                        #expect(text.hasSuffix("</html>\n"))
                    }
                    try await Task.sleep(nanoseconds: 5_000_000)
                }
            }
            try await group.waitForAll()
        }
        let html = try site.text("index.html")
        for writer in 0..<writers {
            #expect(html.contains("id=\"run-concurrent-\(writer)\""), "run concurrent-\(writer) missing from the final index")
        }
        #expect(occurrences(of: "<tr id=\"run-", in: html) == writers + 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
