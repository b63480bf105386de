import Foundation
import Testing
@testable import Charts

/// Every chart on one page with the theme stylesheet: the page a person screenshots to look at the
/// charts (set `CHARTS_GALLERY=/tmp/charts.html` to have it written there).
@Suite("Chart gallery")
struct GalleryTests {
    static var charts: [any SVGChart] {
        [SampleData.rocChart, SampleData.distributionChart, SampleData.overlayChart, SampleData.lossChart,
         SampleData.scatterChart, SampleData.trendChart]
    }

    static func page(dark: Bool) -> String {
        var html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>tunelens charts</title><style>\n"
        html += "body { font-family: system-ui, sans-serif; margin: 16px; display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }\n"
        if dark { html += "body { background: #15181c; color: #e6e6e6; }\n" }
        html += ChartTheme.stylesheet
        if dark {
            // The page forces dark colours here, as a page with a dark-mode toggle would.
            for (index, colour) in ChartTheme.palette.enumerated() {
                html += ".tl-chart .tl-series-\(index) { color: \(colour.dark); }\n"
            }
        }
        html += "</style></head><body>\n"
        for chart in charts {
            html += "<figure>" + chart.svg + "</figure>\n"
        }
        return html + "</body></html>\n"
    }

    @Test("A page of every chart stays small and holds one accessible SVG per chart")
    func gallery() throws {
        let html = GalleryTests.page(dark: false)
        #expect(html.utf8.count < 200_000)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == GalleryTests.charts.count)
        if let path = ProcessInfo.processInfo.environment["CHARTS_GALLERY"] {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            let darkPath = path.replacingOccurrences(of: ".html", with: "-dark.html")
            try Data(GalleryTests.page(dark: true).utf8).write(to: URL(fileURLWithPath: darkPath))
        }
    }
}
