import Foundation

/// The runs of a reports folder: every subfolder that holds a `metrics.json` (or a run page
/// without one), readable or not, in time order.
///
/// A folder is skipped when its name starts with "." (temporary folders of a report being written,
/// the lock file) or is `diffs`; anything else that looks like a run but cannot be read is kept as
/// an unreadable entry with the reason, so one damaged folder never hides the others.
struct RunCatalog {
    struct Unreadable {
        var id: String
        var reason: String
    }

    /// Readable runs, oldest first (ties broken by folder name, so the order is deterministic).
    var runs: [RunSummary]
    var unreadable: [Unreadable]

    static let diffsFolder = "diffs"

    static func scan(_ directory: URL) throws -> RunCatalog {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteError.notAFolder(path: directory.path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SiteError.io(path: directory.path, reason: "cannot list the folder")
        }
        var runs: [RunSummary] = []
        var unreadable: [Unreadable] = []
        for name in names.sorted() where !name.hasPrefix(".") && name != diffsFolder {
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            var isSubfolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isSubfolder), isSubfolder.boolValue else {
                continue
            }
            let hasMetrics = FileManager.default.fileExists(atPath: folder.appendingPathComponent("metrics.json").path)
            let hasPage = FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path)
            guard hasMetrics || hasPage else { continue }
            do {
                runs.append(try RunSummary.load(directory: folder))
            } catch let error as SiteError {
                unreadable.append(Unreadable(id: name, reason: Self.relative(error.description, to: directory)))
            } catch {
                unreadable.append(Unreadable(id: name, reason: "\(error)"))
            }
        }
        runs.sort(by: Self.timeOrder)
        return RunCatalog(runs: runs, unreadable: unreadable)
    }

    /// Oldest first by `run.created`; runs whose date does not parse go last, by id.
    static func timeOrder(_ a: RunSummary, _ b: RunSummary) -> Bool {
        switch (a.createdDate, b.createdDate) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }

    /// Error text with the reports folder's path cut off, so that the index (which may be
    /// published) does not show the machine's absolute paths.
    static func relative(_ text: String, to directory: URL) -> String {
        var result = text
        for prefix in [directory.path + "/", directory.standardizedFileURL.path + "/"] {
            result = result.replacingOccurrences(of: prefix, with: "")
        }
        return result
    }
}
