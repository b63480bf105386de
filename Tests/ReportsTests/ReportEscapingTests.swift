import Evaluation
import Foundation
import Testing
@testable import Reports

@Suite("User text is data, never markup")
struct ReportEscapingTests {
    @Test("Escaped text renders through cmark as exactly the characters written, with no element",
          arguments: RunResultFixture.hostileTexts + ["# heading?", "- list?", "1. list?", "---", "a & b", "path\\to\\file"])
    func roundTrip(text: String) {
        let html = CommonMark.html(fromMarkdown: "Said: " + ReportEscaping.text(text) + "\n")
        #expect(html.hasPrefix("<p>Said: "), "no block structure: \(html)")
        let tags = html.components(separatedBy: "<").count - 1
        #expect(tags == 2, "only <p> and </p>, got \(html)")
        let shown = ReportRenderer().plainText(html).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(shown == "Said: " + ReportEscaping.oneLine(text))
    }

    @Test("Escaped text has no raw HTML or Markdown syntax character and no line break")
    func noSyntaxCharacters() {
        for text in RunResultFixture.hostileTexts {
            let escaped = ReportEscaping.text(text)
            for forbidden in ["<", ">", "\"", "[", "]", "*", "_", "`", "\\", "\n"] {
                #expect(!escaped.contains(forbidden), "\(forbidden) left in \(escaped)")
            }
        }
    }

    @Test("A hostile run renders every hostile string as visible text and injects no element")
    func hostileRun() throws {
        let hostile = RunResultFixture.hostileTexts
        let report = try ReportRenderer().render(RunResultFixture.make(texts: hostile, name: "hostile-run", notes: hostile[2]))
        let benign = try ReportRenderer().render(RunResultFixture.make(name: "hostile-run", notes: "plain"))
        var hostileTags = Self.tagCounts(report.html)
        var benignTags = Self.tagCounts(benign.html)
        hostileTags["mark"] = nil
        benignTags["mark"] = nil
        #expect(hostileTags == benignTags, "the same elements whatever the texts say")
        for tag in ["<script", "<img", "<a ", "<a>", "<em>", "<div>two"] {
            #expect(!report.html.contains(tag), "\(tag) injected")
        }
        #expect(!report.html.contains("javascript:alert(1)\""))
        // What a reader sees: tags dropped, entities decoded. Each hostile string is there verbatim,
        // which it could not be had any part of it become a tag or Markdown syntax.
        let visible = ReportRenderer().plainText(report.html)
        for text in hostile.dropLast() {
            #expect(visible.contains(text), "\(text) not shown as written")
        }
        #expect(visible.contains("1. not a list <div>two paragraphs</div>"))
        #expect(report.markdown.contains("&lt;script&gt;"))
    }

    static func tagCounts(_ html: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !name.isEmpty { counts[name.lowercased(), default: 0] += 1 }
        }
        return counts
    }
}
