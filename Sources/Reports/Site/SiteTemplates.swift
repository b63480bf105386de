import Foundation
import Mustache

/// The site's page templates (`templates/site/`): Mustache pages plus the stylesheet and script
/// they inline. Swift supplies values only; every word of the pages is in the templates.
///
/// The folder is `$TUNELENS_TEMPLATES/site` when that variable is set, else the repository's
/// `templates/site` (found from this source file's path, so a build from a clone finds it).
struct SiteTemplates {
    var directory: URL

    static var defaultDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["TUNELENS_TEMPLATES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true).appendingPathComponent("site", isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Site
            .deletingLastPathComponent()  // Reports
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("templates/site", isDirectory: true)
    }

    init(directory: URL = SiteTemplates.defaultDirectory) {
        self.directory = directory
    }

    func text(_ name: String) throws -> String {
        let file = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SiteError.template(name: file.path, reason: "not found")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Renders `name` (e.g. "index.html.mustache") with `context`, after adding the shared
    /// stylesheet (`style`) and, when given, a script file (`script`).
    func render(_ name: String, _ context: [String: Any], script: String? = nil) throws -> String {
        var context = context
        context["style"] = try text("site.css")
        if let script { context["script"] = try text(script) }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: try text(name))
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError.template(name: name, reason: "does not parse (\(error))")
        }
        return template.render(context)
    }
}
