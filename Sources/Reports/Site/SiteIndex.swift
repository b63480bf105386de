import Core
import Foundation

/// `reports/index.html`: every run of a reports folder, a trend chart across runs, and a diff of
/// any two runs in the browser.
///
/// `tunelens report` calls `rebuild(reportsDirectory:)` after writing each run; `tunelens index`
/// calls it on demand. The index is always rebuilt from the folder's contents (never patched), under
/// an exclusive lock on `reports/.index.lock`, and swapped in with an atomic rename: two reports
/// finishing at once leave an index that lists both, and a reader never sees half a page.
public enum SiteIndex {
    /// What a rebuild found.
    public struct Outcome: Sendable, Equatable {
        /// The page written.
        public var file: URL
        /// Run folders listed, in time order.
        public var runs: [String]
        /// Why each unreadable run folder could not be read (one line each, naming the folder or file).
        public var unreadable: [String]
    }

    public static let lockFileName = ".index.lock"

    /// Rebuilds `reportsDirectory/index.html` from every run folder in it.
    ///
    /// A damaged run folder is listed as unreadable, never fatal. Throws `SiteError` only when the
    /// folder itself cannot be read or the page cannot be written (the old index is then kept).
    @discardableResult
    public static func rebuild(reportsDirectory: URL) throws -> Outcome {
        let directory = reportsDirectory.standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteError.notAFolder(path: directory.path)
        }
        return try FileLock.withExclusiveLock(at: directory.appendingPathComponent(lockFileName)) {
            let catalog = try RunCatalog.scan(directory)
            let page = IndexPage(catalog: catalog, diffPages: diffPages(in: directory), folderName: directory.lastPathComponent)
            let html = try SiteTemplates().render("index.html.mustache", page.context(),
                                                  script: "index.js")
            let file = directory.appendingPathComponent("index.html")
            try StagedFile.write(html, to: file)
            return Outcome(file: file, runs: catalog.runs.map(\.id),
                           unreadable: catalog.unreadable.map(\.reason))
        }
    }

    /// The `A__B.html` files in `reports/diffs/`, sorted.
    static func diffPages(in directory: URL) -> [String] {
        let folder = directory.appendingPathComponent(RunCatalog.diffsFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") && !$0.hasPrefix(".") && $0.contains("__") }.sorted()
    }
}
