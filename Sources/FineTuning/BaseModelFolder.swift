import Embeddings
import Foundation

/// Finds the folder of the base model whose files the fine-tuned folder carries over.
///
/// The encoder's own rules (``HubCache``), for the references that name a folder: an existing folder is
/// itself; `ORG/NAME` is its snapshot in the local Hugging Face cache. A file of precomputed embeddings
/// cannot be fine-tuned: there is no model to copy.
public enum BaseModelFolder {
    public static func resolve(_ reference: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw FineTuningError.baseModel(path: reference, detail: "is a file; --base must be a sentence-transformers model folder or a cached model id")
            }
            return URL(fileURLWithPath: reference).standardizedFileURL
        }
        guard HubCache.isModelID(reference) else {
            throw FineTuningError.baseModel(path: reference, detail: "no such folder, and not a model id of the form ORG/NAME")
        }
        do {
            return try HubCache.snapshot(of: reference, environment: environment)
        } catch EmbeddingsError.unresolvedModel(_, let reason) {
            throw FineTuningError.baseModel(path: reference, detail: reason)
        }
    }
}
