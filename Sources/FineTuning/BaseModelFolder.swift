import Foundation

/// Finds the folder of the base model whose files the fine-tuned folder carries over.
///
/// The same rules as the encoder's loader, for the references that name a folder: an existing folder is
/// itself; `ORG/NAME` is the snapshot in the local Hugging Face cache (`HF_HUB_CACHE`, else `HF_HOME/hub`,
/// else `~/.cache/huggingface/hub`; `models--ORG--NAME/snapshots/<refs/main>`, else the only snapshot).
/// A file of precomputed embeddings cannot be fine-tuned: there is no model to copy.
public enum BaseModelFolder {
    public static func resolve(_ reference: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: reference, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw FineTuningError.baseModel(path: reference, detail: "is a file; --base must be a sentence-transformers model folder or a cached model id")
            }
            return URL(fileURLWithPath: reference).standardizedFileURL
        }
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw FineTuningError.baseModel(path: reference, detail: "no such folder, and not a model id of the form ORG/NAME")
        }
        let root: URL
        if let hub = environment["HF_HUB_CACHE"], !hub.isEmpty {
            root = URL(fileURLWithPath: hub)
        } else if let home = environment["HF_HOME"], !home.isEmpty {
            root = URL(fileURLWithPath: home).appendingPathComponent("hub")
        } else {
            root = fm.homeDirectoryForCurrentUser.appendingPathComponent(".cache/huggingface/hub")
        }
        let repo = root.appendingPathComponent("models--\(parts[0])--\(parts[1])")
        let snapshots = repo.appendingPathComponent("snapshots")
        if let revision = try? String(contentsOf: repo.appendingPathComponent("refs/main"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), !revision.isEmpty,
           fm.fileExists(atPath: snapshots.appendingPathComponent(revision).path) {
            return snapshots.appendingPathComponent(revision)
        }
        let found = ((try? fm.contentsOfDirectory(atPath: snapshots.path)) ?? []).filter { !$0.hasPrefix(".") }
        guard found.count == 1 else {
            throw FineTuningError.baseModel(path: repo.path, detail: found.isEmpty
                ? "model \(reference) is not in the local Hugging Face cache (tunelens never downloads)"
                : "several snapshots and no refs/main; pass the snapshot folder")
        }
        return snapshots.appendingPathComponent(found[0])
    }
}
