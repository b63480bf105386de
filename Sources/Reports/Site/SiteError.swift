import Foundation

/// What can go wrong while building the site: the index of all runs, or the diff of two runs.
///
/// Problems with one run folder never stop the index (that run is listed as unreadable with the
/// error's `description`); they stop a diff, which needs both of its runs.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    /// The reports folder (or a run folder) does not exist or is not a folder.
    case notAFolder(path: String)
    /// A run folder has no `metrics.json`.
    case missingMetrics(path: String)
    /// `metrics.json` is not JSON, or not a JSON object.
    case malformedJSON(path: String, reason: String)
    /// Valid JSON that is not a tunelens metrics file (another tool's output, an old schema).
    case foreignMetrics(path: String, schema: String?)
    /// A key the page needs is missing or has the wrong type.
    case missingKey(path: String, key: String)
    /// A line of `pairs.jsonl` that cannot be read.
    case malformedPairs(path: String, line: Int, reason: String)
    /// A page template is missing or does not parse.
    case template(name: String, reason: String)
    /// Reading, writing or locking a file failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notAFolder(path):
            return "\(path): not a folder"
        case let .missingMetrics(path):
            return "\(path): no metrics.json in this run folder"
        case let .malformedJSON(path, reason):
            return "\(path): not valid JSON (\(reason))"
        case let .foreignMetrics(path, schema):
            if let schema {
                return "\(path): schema is \"\(schema)\", expected \"\(RunSummary.schema)\""
            }
            return "\(path): not a tunelens metrics file (no \"schema\" key)"
        case let .missingKey(path, key):
            return "\(path): missing or invalid key \(key)"
        case let .malformedPairs(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .template(name, reason):
            return "template \(name): \(reason)"
        case let .io(path, reason):
            return "\(path): \(reason)"
        }
    }
}
