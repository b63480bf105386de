import Metrics
import Foundation
import Testing
@testable import Reports

@Suite("Templates")
struct TemplateSetTests {
    @Test("The templates built into the binary are the files in templates/ (run scripts/embed-templates.sh)")
    func embeddedInSync() throws {
        let folder = GoldenRun.repositoryRoot.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }
        #expect(Set(names) == Set(DefaultTemplates.files.keys))
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(DefaultTemplates.files[name] == onDisk, "\(name) differs from templates/\(name)")
        }
    }

    @Test("A --templates folder replaces a built-in template, and its {{x}} is escaped too")
    func override() throws {
        let folder = GoldenRun.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# Custom: {{runName}}\n".write(to: folder.appendingPathComponent("report.md.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet.overriding(with: folder)
        let report = try ReportRenderer(templates: templates).render(RunResultFixture.make(name: "<b>x</b>"))
        #expect(report.html.contains("<h1>Custom: &lt;b&gt;x&lt;/b&gt;</h1>"))
        #expect(report.html.contains("default-src 'none'"), "the built-in page template still wraps it")
    }

    @Test("A template that does not parse is an error naming its file")
    func brokenTemplate() throws {
        let folder = GoldenRun.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#open}} never closed".write(to: folder.appendingPathComponent("example.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet.overriding(with: folder)
        #expect {
            _ = try ReportRenderer(templates: templates).render(RunResultFixture.make())
        } throws: { error in
            "\(error)".contains("example.mustache")
        }
    }

    @Test("The headline follows the baseline's diagnosis", arguments: [
        (Diagnosis.backwards, "backwards"), (.random, "saw nothing"), (.weak, "faint, correct signal"),
        (.strong, "already good"), (.collapsed, "squeezed every pair together"),
    ])
    func headline(diagnosis: Diagnosis, words: String) throws {
        let report = try ReportRenderer().render(RunResultFixture.make(diagnosis: diagnosis))
        #expect(report.headline.contains(words), "\(report.headline)")
    }

    @Test("A backwards baseline is only 'turned around' when the fine-tuned model is past chance", arguments: [
        (Diagnosis.strong, true), (.weak, true), (.random, false), (.backwards, false),
    ])
    func turnedAround(finetuned: Diagnosis, turned: Bool) throws {
        let report = try ReportRenderer().render(RunResultFixture.make(diagnosis: .backwards, finetunedDiagnosis: finetuned))
        #expect(report.headline.contains("turned it around") == turned, "\(report.headline)")
        #expect(report.headline.contains("not past it") == !turned, "\(report.headline)")
    }
}
