import Core
import Foundation

/// A ``TextEncoder`` that answers from an ``EmbeddingStore`` and runs its base encoder only on texts the
/// store does not hold for the base's ``TextEncoder/digest``; what it computes is stored for next time.
///
/// A model folder (a ``StagedEncoder``) is stored as its stage, the pooled Transformer output, under the
/// ``StagedEncoder/stageDigest``; its head (Dense, Normalize, an adapter's layers) is applied to the
/// stored rows on every call, which costs a few matrix products. So a fine-tuned folder over a base
/// already encoded, or a second adapter on the same base, runs no Transformer at all.
///
/// A text listed twice is encoded once. With an empty digest (a model file became unreadable) nothing
/// is looked up or stored. The embeddings are the base encoder's, bit for bit.
///
/// A text is keyed as it is encoded, prompt included: "query: x" with no prompt and "x" with the
/// prompt "query: " are one entry, since they are one embedding. Except when the model's pooling leaves
/// prompt tokens out (``ModelUsage/poolsPromptTokens``): then the two differ, and a prompted text's key
/// also marks where the prompt ends.
public final class CachedEncoder: StagedEncoder, EncoderWorkReporting {
    public let base: any TextEncoder
    public var encodesAnyText: Bool { base.encodesAnyText }
    public let store: EmbeddingStore
    /// Texts the last ``encode(_:progress:)`` found in the store, and texts it had the base encode.
    public private(set) var lastHits = 0
    public private(set) var lastMisses = 0
    /// What the base encoder computed in the last ``encode(_:progress:)`` (nothing when every text was stored).
    public private(set) var lastWork = EncoderWork(texts: 0, tokens: 0, linearFLOPs: 0)

    public init(_ base: any TextEncoder, store: EmbeddingStore) {
        self.base = base
        self.store = store
    }

    public var name: String { base.name }
    public var digest: String { base.digest }
    public var dimension: Int { base.dimension }
    public var usage: ModelUsage { base.usage }

    public func encode(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        if let staged = base as? StagedEncoder {
            return staged.applyHead(try encodeStage(texts, prompt: prompt, progress: progress))
        }
        return try answer(texts, prompt: prompt, model: base.digest, dimension: dimension, progress: progress) {
            try self.base.encode($0, prompt: prompt, progress: $1)
        }
    }

    var stageDigest: String { (base as? StagedEncoder)?.stageDigest ?? "" }
    var stageDimension: Int { (base as? StagedEncoder)?.stageDimension ?? dimension }

    func encodeStage(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        guard let staged = base as? StagedEncoder else { preconditionFailure("\(base.name) has no stage") }
        return try answer(texts, prompt: prompt, model: staged.stageDigest, dimension: staged.stageDimension, progress: progress) {
            try staged.encodeStage($0, prompt: prompt, progress: $1)
        }
    }

    func applyHead(_ stage: [[Float]]) -> [[Float]] {
        guard let staged = base as? StagedEncoder else { preconditionFailure("\(base.name) has no stage") }
        return staged.applyHead(stage)
    }

    /// The rows of `texts` stored under `model`, with `compute` run on the texts not stored (each once)
    /// and its rows stored; everything computed when `model` is empty.
    private func answer(_ texts: [String], prompt: String?, model: String, dimension: Int,
                        progress: ((Int, Int) -> Void)?,
                        compute: ([String], ((Int, Int) -> Void)?) throws -> [[Float]]) throws -> [[Float]] {
        guard !model.isEmpty else { return try compute(texts, progress) }
        let keys = Self.keys(of: texts, prompt: prompt, promptIsPooled: base.usage.poolsPromptTokens)
        let stored = try store.embeddings(model: model, keys: keys, dimension: dimension)

        var results = stored
        var missing: [Int] = []
        var firstIndexOfKey: [Data: Int] = [:]
        var duplicates: [(index: Int, original: Int)] = []
        for index in texts.indices where stored[index] == nil {
            if let original = firstIndexOfKey[keys[index]] {
                duplicates.append((index, original))
            } else {
                firstIndexOfKey[keys[index]] = index
                missing.append(index)
            }
        }
        lastMisses = missing.count
        lastHits = texts.count - missing.count - duplicates.count
        let found = texts.count - missing.count
        lastWork = EncoderWork(texts: 0, tokens: 0, linearFLOPs: 0)
        progress?(found, texts.count)
        if !missing.isEmpty {
            let vectors = try compute(missing.map { texts[$0] }) { done, _ in
                progress?(found + done, texts.count)
            }
            if let work = (base as? EncoderWorkReporting)?.lastWork { lastWork = work }
            for (index, vector) in zip(missing, vectors) { results[index] = vector }
            try store.store(model: model, entries: zip(missing, vectors).map { (keys[$0], $1) })
            for (index, original) in duplicates { results[index] = results[original] }
        }
        return results.map { $0 ?? [] }
    }

    /// The key of each text, computed on all cores: SHA-256 of the UTF-8 bytes of prompt + text. When
    /// the prompt is not pooled, the hashed bytes start with 0xFF (never in UTF-8, so never a plain text's
    /// key) and the prompt's byte count, which marks the boundary.
    static func keys(of texts: [String], prompt: String? = nil, promptIsPooled: Bool = true) -> [Data] {
        var prefix = Data((prompt ?? "").utf8)
        if !promptIsPooled, !prefix.isEmpty {
            prefix = Data([0xFF]) + Data(String(prefix.count).utf8) + Data([0xFF]) + prefix
        }
        var keys = [Data](repeating: Data(), count: texts.count)
        keys.withUnsafeMutableBufferPointer { out in
            Parallel.forEachSlice(of: texts.count, minimumSlice: 256) { slice in
                for index in slice { out[index] = ContentDigest.bytes(of: prefix + Data(texts[index].utf8)) }
            }
        }
        return keys
    }
}
