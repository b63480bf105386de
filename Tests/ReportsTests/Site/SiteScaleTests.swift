import Foundation
import Testing
@testable import Reports

@Suite("Site index with a hundred runs")
struct SiteScaleTests {
    @Test("A hundred runs on the same data: built in seconds, a page of sane size, tests for recent pairs")
    func hundredRuns() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        for run in 0..<97 {
            try SiteConcurrencyTests.addRun(String(format: "run-%03d", run), from: site.run(SiteFixture.second), to: site.root, day: run)
        }
        let start = Date()
        let outcome = try SiteIndex.rebuild(reportsDirectory: site.root)
        let seconds = Date().timeIntervalSince(start)
        #expect(outcome.runs.count == 100)
        let size = try FileManager.default.attributesOfItem(atPath: outcome.file.path)[.size] as? Int ?? 0
        print("index of 100 runs: \(String(format: "%.2f", seconds)) s (debug build), \(size / 1024) KiB")
        #expect(seconds < 30, "debug build; a release build is about ten times faster")
        #expect(size < 1_500_000)
        let html = try site.text("index.html")
        #expect(occurrences(of: "<tr id=\"run-", in: html) == 100)
        #expect(html.contains("significance tests are in the page for the pairs among the most recent runs"))
        let pairs = SiteComparisons.chosenPairs(count: 100)
        #expect(pairs.count <= SiteComparisons.pairLimit + 100)
        #expect(pairs.contains { $0 == (0, 1) } && pairs.contains { $0 == (98, 99) })
    }
}
