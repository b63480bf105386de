import Foundation
import Mustache

/// The site's page templates (`templates/site/`, built into the binary as `SiteDefaultTemplates`):
/// Mustache pages plus the script and the site's few extra style rules. Swift supplies values
/// only; every word of the pages is in the templates.
///
/// The pages inline the run report's stylesheet (`templates/style.css`) first, then `site.css`,
/// so the index, the diffs and the run pages look alike in light, dark and print.
struct SiteTemplates {
    var files: [String: String]
    var reportStylesheet: String

    init(files: [String: String] = SiteDefaultTemplates.files, reportStylesheet: String = TemplateSet.builtIn.stylesheet) {
        self.files = files
        self.reportStylesheet = reportStylesheet
    }

    func text(_ name: String) throws -> String {
        guard let text = files[name] else { throw SiteError.template(name: "templates/site/\(name)", reason: "not found") }
        return text
    }

    /// Renders `name` (e.g. "index.html.mustache") with `context`, after adding the stylesheets
    /// (`style`) and, when given, a script file (`script`).
    func render(_ name: String, _ context: [String: Any], script: String? = nil) throws -> String {
        var context = context
        context["style"] = reportStylesheet + "\n/* site */\n" + (try text("site.css"))
        if let script { context["script"] = try text(script) }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: try text(name))
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError.template(name: "templates/site/\(name)", reason: "does not parse (\(error))")
        }
        return template.render(context)
    }
}
