import Charts
import Evaluation
import Foundation
import Mustache

/// A run's report files, rendered but not yet written.
public struct RenderedReport: Sendable {
    /// The self-contained page: `RUN/index.html`.
    public var html: String
    /// The Markdown the page was made from, with chart tables instead of SVG: `RUN/report.md`.
    public var markdown: String
    /// `RUN/metrics.json`.
    public var metricsJSON: String
    /// `RUN/pairs.jsonl`: every pair's scores, when the run has pair data (labels) or graded
    /// similarity data (gold scores, no labels).
    public var pairsJSONL: String?
    /// `RUN/queries.jsonl`: every query's measures and ranks, when the run has retrieval data.
    public var queriesJSONL: String?
    /// The headline the templates chose, as plain text.
    public var headline: String

    /// The files in the order they are written.
    public var files: [(name: String, bytes: Data)] {
        [("index.html", Data(html.utf8)), ("metrics.json", Data(metricsJSON.utf8)), ("report.md", Data(markdown.utf8))]
            + [("pairs.jsonl", pairsJSONL), ("queries.jsonl", queriesJSONL)].compactMap { name, text in
                text.map { (name, Data($0.utf8)) }
            }
    }
}

/// Renders a run: the report template (Mustache) into Markdown, the Markdown (cmark) into the body
/// of the page template, with the stylesheet and the charts' CSS inlined.
public struct ReportRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet = .builtIn) {
        self.templates = templates
    }

    /// Words a reader gets through per minute, for the reading-time estimate.
    static let wordsPerMinute = 230.0
    /// Minutes a reader spends on one chart.
    static let minutesPerChart = 0.25

    public func render(_ result: RunResult) throws -> RenderedReport {
        let library = try templates.library()
        func render(_ view: Any, _ name: String) throws -> String {
            guard let text = library.render(view, withTemplate: name) else {
                throw ReportsError.template(file: name, reason: "template is missing")
            }
            return text
        }
        // The primary task tells the story: its own report and headline templates, its own view.
        let (report, headlineTemplate): (String, String)
        switch result.task {
        case .pairs: (report, headlineTemplate) = ("report", "headline")
        case .sts: (report, headlineTemplate) = ("sts-report", "sts-headline")
        case .retrieval: (report, headlineTemplate) = ("retrieval-report", "retrieval-headline")
        }
        func view(embedCharts: Bool, readingMinutes: Int) throws -> Any {
            func missing() -> ReportsError {
                ReportsError.template(file: report, reason: "the run has no \(result.task.rawValue) data to report")
            }
            switch result.task {
            case .pairs:
                guard let pairs = result.pairs else { throw missing() }
                return ReportView(result: result, pairs: pairs, embedCharts: embedCharts, readingMinutes: readingMinutes)
            case .sts:
                guard let sts = result.sts else { throw missing() }
                return StsReportView(result: result, sts: sts, embedCharts: embedCharts, readingMinutes: readingMinutes)
            case .retrieval:
                guard let retrieval = result.retrieval else { throw missing() }
                return RetrievalReportView(result: result, retrieval: retrieval, embedCharts: embedCharts,
                                           readingMinutes: readingMinutes)
            }
        }
        // First pass without the reading time, to count the words the reader will read.
        let draft = try render(try view(embedCharts: false, readingMinutes: 0), report)
        let minutes = readingMinutes(ofHTML: CommonMark.html(fromMarkdown: draft))

        let textView = try view(embedCharts: false, readingMinutes: minutes)
        let markdown = try render(textView, report)
        let body = CommonMark.html(fromMarkdown: try render(try view(embedCharts: true, readingMinutes: minutes), report))
        var headline = try render(textView, headlineTemplate).trimmingCharacters(in: .whitespacesAndNewlines)
        while headline.hasPrefix("#") { headline.removeFirst() }
        headline = headline.trimmingCharacters(in: .whitespaces)

        let page = PageView(headline: headline, runName: ReportEscaping.text(result.run.name),
                            toolVersion: result.run.toolVersion,
                            css: templates.stylesheet + "\n" + ChartTheme.stylesheet, body: body)
        let html = try render(page, "page")
        return RenderedReport(html: html, markdown: markdown,
                              metricsJSON: MetricsDocument.json(for: result).serialized(),
                              pairsJSONL: result.pairs.map(MetricsDocument.pairsJSONL(for:))
                                  ?? result.sts.map(MetricsDocument.pairsJSONL(for:)),
                              queriesJSONL: result.retrieval.map(MetricsDocument.queriesJSONL(for:)),
                              headline: plainText(headline))
    }

    /// Reading time in whole minutes (at least 1): prose words, not the chart data tables.
    func readingMinutes(ofHTML html: String) -> Int {
        var text = html
        var charts = 0
        while let open = text.range(of: "<details"), let close = text.range(of: "</details>", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
            charts += 1
        }
        let words = plainText(text).split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }.count
        return max(1, Int((Double(words) / Self.wordsPerMinute + Double(charts) * Self.minutesPerChart).rounded()))
    }

    /// Text with tags removed and the report's entities decoded.
    func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; out.append(" "); continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#92;", "\\"),
                                    ("&#96;", "`"), ("&#42;", "*"), ("&#95;", "_"), ("&#91;", "["), ("&#93;", "]"),
                                    ("&#35;", "#"), ("&#43;", "+"), ("&#45;", "-"), ("&#61;", "="), ("&#46;", "."),
                                    ("&#41;", ")"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    /// What the page template sees.
    struct PageView {
        /// Already escaped (it is template output).
        var headline: String
        var runName: String
        var toolVersion: String
        var css: String
        var body: String
    }
}
