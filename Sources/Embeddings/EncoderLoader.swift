import Foundation

/// Opens whatever a model reference names.
///
/// In order: an existing folder is a sentence-transformers (or plain BERT) model folder; an existing
/// file is a JSONL of precomputed embeddings; `ORG/NAME` is looked up in the local Hugging Face cache.
/// Nothing is ever downloaded.
public enum EncoderLoader {
    public static func load(_ reference: String) throws -> any TextEncoder {
        try load(reference, environment: ProcessInfo.processInfo.environment)
    }

    static func load(_ reference: String, environment: [String: String]) throws -> any TextEncoder {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: reference)
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                return try SentenceTransformerEncoder(folder: url, name: url.standardizedFileURL.lastPathComponent)
            }
            return try PrecomputedEncoder(url: url)
        }
        if HubCache.isModelID(reference) {
            let snapshot = try HubCache.snapshot(of: reference, environment: environment)
            return try SentenceTransformerEncoder(folder: snapshot, name: reference)
        }
        throw EmbeddingsError.unresolvedModel(
            reference: reference, reason: "no such folder or file, and not a model id of the form ORG/NAME")
    }
}
