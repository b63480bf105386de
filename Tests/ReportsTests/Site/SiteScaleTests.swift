import Foundation
import Testing
@testable import Reports

@Suite("Site index with a hundred runs")
struct SiteScaleTests {
    @Test("A hundred runs on the same data: bounded work (SiteComparisons.workBudget), a page of sane size, tests for recent pairs")
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
        #expect(size < 1_500_000)
        let html = try site.text("index.html")
        #expect(occurrences(of: "<tr id=\"run-", in: html) == 100)
        #expect(html.contains("significance tests are in the page for the pairs among the most recent runs"))
        let runs = try RunCatalog.scan(site.root).runs
        let comparisons = SiteComparisons.compute(runs)
        #expect(!comparisons.complete)
        #expect(comparisons.tests.count <= SiteComparisons.pairLimit)
        // Every run can be compared with the one before it, and the newest with every other.
        for i in 0..<99 { #expect(comparisons.tests["\(i),\(i + 1)"] != nil) }
        for i in 0..<99 { #expect(comparisons.tests["\(i),99"] != nil) }
    }
}
