import Foundation
import Mustache

/// The report's templates and stylesheet: the built-in defaults (`DefaultTemplates`, generated from
/// `templates/`), with any file of a user's `--templates` folder replacing the default of that name.
///
/// Template names drop the extensions: `report.md.mustache` is "report", `page.html.mustache` is
/// "page", `example.mustache` is the partial `{{> example}}`. Every template is rendered with the
/// report's escaping (`ReportContentType`), a user's own included, so `{{x}}` is always safe.
public struct TemplateSet: Sendable {
    /// File name -> contents.
    public let files: [String: String]
    /// Where each file came from, for error messages.
    let origins: [String: String]

    static let stylesheetFile = "style.css"
    static let required = ["report.md.mustache", "page.html.mustache", stylesheetFile]

    /// The templates built into tunelens.
    public static var builtIn: TemplateSet {
        TemplateSet(files: DefaultTemplates.files,
                    origins: Dictionary(uniqueKeysWithValues: DefaultTemplates.files.keys.map { ($0, "templates/\($0)") }))
    }

    init(files: [String: String], origins: [String: String]) {
        self.files = files
        self.origins = origins
    }

    /// The built-in templates with the files of `folder` (`*.mustache`, `style.css`) in place of theirs.
    public static func overriding(with folder: URL) throws -> TemplateSet {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReportsError.template(file: folder.path, reason: "no such templates folder")
        }
        var files = DefaultTemplates.files
        var origins = builtIn.origins
        let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") || name == stylesheetFile {
            let url = folder.appendingPathComponent(name)
            guard let data = fm.contents(atPath: url.path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReportsError.template(file: url.path, reason: "not UTF-8 text")
            }
            files[name] = text
            origins[name] = url.path
        }
        return TemplateSet(files: files, origins: origins)
    }

    /// The stylesheet the page inlines.
    var stylesheet: String { files[Self.stylesheetFile] ?? "" }

    /// Every template parsed into one library, names without extensions.
    func library() throws -> MustacheLibrary {
        ReportContentType.register()
        var library = MustacheLibrary()
        for (file, text) in files.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            let name = Self.templateName(file)
            do {
                let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(ReportContentType.name)}}" + text)
                library.register(template, named: name)
            } catch {
                throw ReportsError.template(file: origins[file] ?? file, reason: "does not parse as Mustache (\(error))")
            }
        }
        for file in Self.required where file.hasSuffix(".mustache") {
            guard library.getTemplate(named: Self.templateName(file)) != nil else {
                throw ReportsError.template(file: file, reason: "required template is missing")
            }
        }
        return library
    }

    static func templateName(_ file: String) -> String {
        var name = String(file.dropLast(".mustache".count))
        for ext in [".md", ".html"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
        return name
    }
}
