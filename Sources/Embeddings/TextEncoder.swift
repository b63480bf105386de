import Foundation
import LinearAlgebra

/// Something that turns texts into fixed-size embeddings: a model folder, a model from the local
/// Hugging Face cache, or a file of precomputed embeddings. Load one with ``EncoderLoader/load(_:)``.
///
/// Prompts, as sentence-transformers applies them (see ``ModelUsage``):
/// ```swift
/// let encoder = try EncoderLoader.load("models/e5")
/// encoder.usage.prompts["query"]                          // "query: "
/// try encoder.encode(texts)                                // the default prompt, if the model has one
/// try encoder.encodeQueries(questions)                     // usage.queryPrompt
/// try encoder.encodeDocuments(passages)                    // usage.documentPrompt
/// try encoder.encode(texts, prompt: "Represent this: ")   // any text, or nil for none
/// encoder.usage.similarity.score(a, b)                     // cosine unless the folder says otherwise
/// ```
public protocol TextEncoder: AnyObject {
    /// What the user would call it: the folder name, the model id or the file name.
    var name: String { get }
    /// SHA-256 (hex) identifying the model: for a folder, over every file that decides its output
    /// (tokenizer, weights, modules and their configs); for precomputed embeddings, of the file.
    var digest: String { get }
    /// The length of every embedding.
    var dimension: Int { get }
    /// How the model says it should be used: prompts, default prompt, similarity.
    var usage: ModelUsage { get }
    /// Whether any text can be encoded (a model), or only the texts it was given (precomputed embeddings).
    var encodesAnyText: Bool { get }
    /// One embedding per text, in the order of `texts`, each text encoded after `prompt` (nil or empty:
    /// no prompt; the default prompt is not applied here). `progress` is called with the number of texts
    /// done so far and the total, from the calling thread.
    func encode(_ texts: [String], prompt: String?, progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> [[Float]]
    /// The same embeddings written into `matrix`: the embedding of `texts[k]` becomes row `rows[k]`.
    /// Encoders whose embeddings already sit in memory (memory-mapped `.npy` shards) copy them
    /// there directly; the default goes through ``encode(_:prompt:progress:)``.
    func encode(_ texts: [String], prompt: String?, into matrix: inout EmbeddingMatrix, rows: [Int],
                progress: ((_ done: Int, _ total: Int) -> Void)?) throws
}

extension TextEncoder {
    public func encode(_ texts: [String], prompt: String?, into matrix: inout EmbeddingMatrix, rows: [Int],
                       progress: ((_ done: Int, _ total: Int) -> Void)?) throws {
        precondition(texts.count == rows.count, "one target row per text")
        try matrix.store(try encode(texts, prompt: prompt, progress: progress), at: rows, from: name)
    }

    /// Nothing known about use: no prompts, cosine.
    public var usage: ModelUsage { ModelUsage() }

    /// A model encodes any text.
    public var encodesAnyText: Bool { true }

    /// One embedding per text after the model's default prompt (none when it has no
    /// `default_prompt_name`), as sentence-transformers' `encode` does.
    public func encode(_ texts: [String], progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> [[Float]] {
        try encode(texts, prompt: usage.defaultPrompt, progress: progress)
    }

    /// One embedding per text after the model's default prompt, without progress reports.
    public func encode(_ texts: [String]) throws -> [[Float]] {
        try encode(texts, prompt: usage.defaultPrompt, progress: nil)
    }

    /// One embedding per text after `prompt` (nil: none), without progress reports.
    public func encode(_ texts: [String], prompt: String?) throws -> [[Float]] {
        try encode(texts, prompt: prompt, progress: nil)
    }

    /// Queries after the model's query prompt, as sentence-transformers' `encode_query` does.
    public func encodeQueries(_ texts: [String], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> [[Float]] {
        try encode(texts, prompt: usage.queryPrompt, progress: progress)
    }

    /// Documents after the model's document prompt, as sentence-transformers' `encode_document` does.
    public func encodeDocuments(_ texts: [String], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> [[Float]] {
        try encode(texts, prompt: usage.documentPrompt, progress: progress)
    }
}

extension EmbeddingMatrix {
    /// Writes one embedding per target row, refusing a count or a width that does not fit.
    mutating func store(_ vectors: [[Float]], at rows: [Int], from model: String) throws {
        guard vectors.count == rows.count else {
            throw EmbeddingsError.inconsistentOutput(model: model, reason: "returned \(vectors.count) embeddings for \(rows.count) texts")
        }
        for (row, vector) in zip(rows, vectors) {
            guard vector.count == dimension else {
                throw EmbeddingsError.inconsistentOutput(model: model, reason:
                    "an embedding has \(vector.count) dimensions, expected \(dimension)")
            }
            setRow(row, vector)
        }
    }
}
