import Foundation

/// Opens whatever a model reference names.
///
/// In order: an existing folder holding `embeddings.npy` or `embeddings-NNNNN.npy` shards is precomputed
/// embeddings (``NpyEmbeddingsEncoder``); any other existing folder is a sentence-transformers (or plain
/// BERT) model folder; an existing
/// `.jsonl` (or `.ndjson`, `.json`) file holds precomputed embeddings; `ORG/NAME` is looked up in the
/// local Hugging Face cache. Nothing is ever downloaded.
public enum EncoderLoader {
    public static func load(_ reference: String) throws -> any TextEncoder {
        try load(reference, environment: ProcessInfo.processInfo.environment)
    }

    /// Loads a model and, when `cache` is given, wraps it in a ``CachedEncoder`` over that store whose
    /// file digests are remembered there too. Precomputed embeddings are returned as they are: reading
    /// them is already a lookup.
    public static func load(_ reference: String, cache: EmbeddingStore?) throws -> any TextEncoder {
        let encoder = try load(reference)
        guard let cache, let model = encoder as? SentenceTransformerEncoder else { return encoder }
        model.fileDigester = { try cache.fileDigest(of: $0) }
        return CachedEncoder(model, store: cache)
    }

    static func load(_ reference: String, environment: [String: String]) throws -> any TextEncoder {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: reference)
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                if EmbeddingShards.isShardFolder(url) { return try NpyEmbeddingsEncoder(folder: url) }
                return try SentenceTransformerEncoder(folder: url, name: url.standardizedFileURL.lastPathComponent)
            }
            guard ["jsonl", "ndjson", "json"].contains(url.pathExtension.lowercased()) else {
                throw EmbeddingsError.unresolvedModel(reference: reference, reason:
                    "a file, but not a .jsonl of precomputed embeddings; pass the model's folder instead")
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
