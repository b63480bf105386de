import Foundation

/// Finds a model in the local Hugging Face cache, offline.
///
/// The cache root is `HF_HUB_CACHE`, else `HF_HOME/hub`, else `~/.cache/huggingface/hub`; model
/// `ORG/NAME` lives in `models--ORG--NAME/snapshots/REVISION/`, the revision named by `refs/main`
/// when present, else the most recently written snapshot.
/// Source: huggingface_hub `constants.py` and `file_download.py` (cache layout).
public enum HubCache {
    public static func root(environment: [String: String]) -> URL {
        if let hub = environment["HF_HUB_CACHE"], !hub.isEmpty {
            return URL(fileURLWithPath: hub)
        }
        if let home = environment["HF_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("hub")
        }
        let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return userHome.appendingPathComponent(".cache/huggingface/hub")
    }

    /// `ORG/NAME`, each part made of letters, digits, `-`, `_` and `.`, not starting with a dot.
    public static func isModelID(_ reference: String) -> Bool {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && !part.hasPrefix(".")
                && part.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        }
    }

    public static func snapshot(of id: String, environment: [String: String]) throws -> URL {
        let root = root(environment: environment)
        let repository = root.appendingPathComponent("models--" + id.replacingOccurrences(of: "/", with: "--"))
        let snapshots = repository.appendingPathComponent("snapshots")
        let manager = FileManager.default
        guard manager.fileExists(atPath: snapshots.path) else {
            throw EmbeddingsError.unresolvedModel(
                reference: id, reason: "not in the local Hugging Face cache (\(root.path)); tunelens does not download models")
        }
        let mainRef = repository.appendingPathComponent("refs/main")
        if let revision = try? String(contentsOf: mainRef, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), !revision.isEmpty {
            let folder = snapshots.appendingPathComponent(revision)
            guard !revision.contains("/"), manager.fileExists(atPath: folder.path) else {
                throw EmbeddingsError.unresolvedModel(
                    reference: id, reason: "\(mainRef.path) names revision \(revision), which has no snapshot")
            }
            return folder
        }
        let candidates = ((try? manager.contentsOfDirectory(
            at: snapshots, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        func modified(_ url: URL) -> Date {
            (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
        }
        guard let newest = candidates.max(by: { (modified($0), $0.lastPathComponent) < (modified($1), $1.lastPathComponent) }) else {
            throw EmbeddingsError.unresolvedModel(reference: id, reason: "\(snapshots.path) holds no snapshot")
        }
        return newest
    }
}
