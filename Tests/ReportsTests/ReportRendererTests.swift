import Evaluation
import Foundation
import Testing
@testable import Reports

@Suite("Rendering a report")
struct ReportRendererTests {
    @Test("The page carries the headline the diagnosis chose, the charts and a no-network policy")
    func pageStructure() throws {
        let report = try ReportRenderer().render(RunResultFixture.make())
        #expect(report.headline.contains("backwards"))
        #expect(report.html.contains("<h1>"))
        #expect(report.html.components(separatedBy: "<svg").count - 1 >= 3)
        #expect(report.html.contains("default-src 'none'"))
        #expect(!report.html.contains("<script"))
        #expect(!report.markdown.contains("<svg"))
        try? FileManager.default.createDirectory(atPath: "/tmp/tunelens-fixture", withIntermediateDirectories: true)
        try? report.html.write(toFile: "/tmp/tunelens-fixture/index.html", atomically: true, encoding: .utf8)
        try? report.markdown.write(toFile: "/tmp/tunelens-fixture/report.md", atomically: true, encoding: .utf8)
    }
}
