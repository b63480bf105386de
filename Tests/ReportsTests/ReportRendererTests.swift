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
        #expect(report.markdown.contains("<summary>The numbers behind this chart</summary>"), "report.md keeps the charts' tables")
        #expect(report.html.utf8.count < 1_000_000)
    }
}
