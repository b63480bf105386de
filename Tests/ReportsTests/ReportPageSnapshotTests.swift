import Foundation
import Testing
@testable import Reports

/// The whole report page (and its Markdown) for one fixed run, byte for byte, so that any change to a
/// template, the stylesheet, a chart or a number's wording shows up as a diff in review.
///
/// Goldens live in `Tests/ReportsTests/Resources/snapshots/`; `RECORD_SNAPSHOTS=1 swift test --filter
/// ReportPageSnapshotTests` rewrites them in the source tree (review the diff, then commit).
@Suite("Golden report page")
struct ReportPageSnapshotTests {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func assertMatches(_ actual: String, named name: String, filePath: String = #filePath,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Resources/snapshots/\(name)")
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/snapshots")
        let golden = try #require(url.flatMap { try? String(contentsOf: $0, encoding: .utf8) },
                                  "missing snapshot \(name): run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        guard golden != actual else { return }
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = goldenLines.indices.first { $0 >= actualLines.count || goldenLines[$0] != actualLines[$0] } ?? goldenLines.count
        let expected = first < goldenLines.count ? String(goldenLines[first].prefix(200)) : "(end of file)"
        let got = first < actualLines.count ? String(actualLines[first].prefix(200)) : "(end of file)"
        Issue.record("snapshot \(name) differs at line \(first + 1):\n  golden: \(expected)\n  actual: \(got)\nRECORD_SNAPSHOTS=1 rewrites it",
                     sourceLocation: sourceLocation)
    }

    @Test("the page of a fixed run matches its snapshot")
    func page() throws {
        let report = try ReportRenderer().render(RunResultFixture.make())
        try Self.assertMatches(report.html, named: "report.html")
        try Self.assertMatches(report.markdown, named: "report.md")
    }
}
