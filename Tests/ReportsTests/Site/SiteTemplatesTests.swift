import Foundation
import Testing
@testable import Reports

@Suite("Site templates")
struct SiteTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/site")

    @Test("The templates built into the binary are templates/site/ (rerun scripts/embed-templates.sh)")
    func embeddedMatchFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == SiteDefaultTemplates.files.keys.sorted())
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(SiteDefaultTemplates.files[name] == text, "\(name) differs from its embedded copy")
        }
    }

    @Test("A missing template is a one-line error naming it")
    func missingTemplate() {
        let templates = SiteTemplates(files: [:], reportStylesheet: "")
        #expect(throws: SiteError.template(name: "templates/site/site.css", reason: "not found")) {
            try templates.render("index.html.mustache", [:])
        }
    }
}
