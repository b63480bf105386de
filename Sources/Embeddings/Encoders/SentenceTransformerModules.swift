import Foundation

/// The modules of a sentence-transformers folder past its tokenizer: the Transformer, then Pooling, Dense
/// and Normalize in the order of `modules.json`. Token ids in, sentence embeddings out.
///
/// The pipeline is cut after Pooling: the *stage* (Transformer and Pooling, ``pool(tokenIDs:promptLength:progress:)``)
/// is what two models with the same Transformer share (a folder written by `tunelens finetune` is its
/// base's stage plus more Dense layers), the *head* (the Dense and Normalize modules after it,
/// ``applyHead(_:)``) is each model's own. Pooling belongs to the stage because it needs the token
/// states, which are too large to keep; it costs nothing next to the Transformer.
///
/// Sequences are sorted by token count and run in batches of similar length; rows come back in input order.
/// Source: sentence-transformers `SentenceTransformer.encode` and the modules' `forward`.
final class SentenceTransformerModules: Sendable {
    /// Tokens per forward batch: large enough for efficient matrix products, small enough to stay in cache-friendly memory.
    static let tokensPerBatch = 4096

    /// A module after Pooling.
    enum Head: Sendable {
        case dense(Dense)
        case normalize
    }

    let transformer: TransformerModel
    /// The Pooling module right after the Transformer.
    let pooling: Pooling
    /// The modules after Pooling, in order.
    let heads: [Head]
    let dimension: Int
    /// The manifest the modules were read from.
    let manifest: ModuleManifest
    /// The folder of the Transformer module (the tokenizer's too).
    let transformerFolder: URL

    /// False when a Pooling module leaves prompt tokens out (`include_prompt: false`).
    var poolsPromptTokens: Bool { pooling.includePrompt }

    init(folder: URL) throws {
        let manifest = try ModuleManifest(folder: folder)
        self.manifest = manifest
        transformerFolder = folder.appendingPathComponent(manifest.entries[0].path ?? "")
        transformer = try TransformerModel(folder: transformerFolder)

        let manifestPath = folder.appendingPathComponent("modules.json").path
        let width = transformer.config.hiddenSize
        guard manifest.entries.count > 1, manifest.entries[1].kind == .pooling else {
            throw EmbeddingsError.unsupportedModel(path: manifestPath, reason: "the Transformer must be followed by a Pooling module")
        }
        if let path = manifest.entries[1].path {
            let configURL = folder.appendingPathComponent(path).appendingPathComponent("config.json")
            pooling = try Pooling(config: JSONConfig(url: configURL))
            guard pooling.embeddingDimension == width else {
                throw EmbeddingsError.invalidConfig(path: configURL.path, reason:
                    "embedding dimension \(pooling.embeddingDimension) does not match the model's hidden size \(width)")
            }
        } else {
            pooling = Pooling(modes: [.mean], embeddingDimension: width)
        }

        var headWidth = pooling.outputDimension
        var heads: [Head] = []
        for entry in manifest.entries.dropFirst(2) {
            switch entry.kind {
            case .transformer:
                preconditionFailure("the manifest allows one Transformer, first")
            case .pooling:
                throw EmbeddingsError.unsupportedModel(path: manifestPath, reason: "a second Pooling module is not supported")
            case .dense:
                let denseFolder = folder.appendingPathComponent(entry.path ?? "")
                let dense = try Dense(folder: denseFolder)
                guard dense.inFeatures == headWidth else {
                    throw EmbeddingsError.invalidConfig(path: denseFolder.appendingPathComponent("config.json").path,
                        reason: "in_features \(dense.inFeatures) does not match the previous module's \(headWidth) outputs")
                }
                headWidth = dense.outFeatures
                heads.append(.dense(dense))
            case .normalize:
                heads.append(.normalize)
            }
        }
        self.heads = heads
        dimension = headWidth
    }

    /// Embeddings of tokenized texts, in input order: the head over the stage. Each sequence's first
    /// `promptLength` ids are a prompt's, which a Pooling with `include_prompt: false` leaves out.
    func embed(tokenIDs sequences: [[Int32]], promptLength: Int = 0,
               progress: ((Int, Int) -> Void)? = nil) throws -> [[Float]] {
        applyHead(try pool(tokenIDs: sequences, promptLength: promptLength, progress: progress))
    }

    /// The stage: the Transformer's output pooled, one row of `pooling.outputDimension` per sequence, in
    /// input order.
    func pool(tokenIDs sequences: [[Int32]], promptLength: Int = 0,
              progress: ((Int, Int) -> Void)? = nil) throws -> [[Float]] {
        let order = sequences.indices.sorted { (sequences[$0].count, $0) > (sequences[$1].count, $1) }
        var results = [[Float]](repeating: [], count: sequences.count)
        var done = 0
        let workspace = TransformerWorkspace(config: transformer.config)
        progress?(0, sequences.count)
        var start = 0
        while start < order.count {
            var end = start
            var tokens = 0
            while end < order.count, end == start || tokens + sequences[order[end]].count <= Self.tokensPerBatch {
                tokens += sequences[order[end]].count
                end += 1
            }
            let batch = Array(order[start..<end])
            let states = try transformer.forward(batch.map { sequences[$0] }, workspace: workspace)
            for (index, vector) in zip(batch, pooling.pool(states, promptLength: promptLength)) { results[index] = vector }
            done += batch.count
            progress?(done, sequences.count)
            start = end
        }
        return results
    }

    /// The head: the modules after Pooling applied to stage rows. Each row's result depends on that row
    /// alone, so the head of a stage computed (or stored) once is this model's embedding bit for bit.
    func applyHead(_ pooled: [[Float]]) -> [[Float]] {
        var vectors = pooled
        for head in heads {
            switch head {
            case .dense(let dense): vectors = dense.apply(vectors)
            case .normalize: vectors = vectors.map(Normalize.apply)
            }
        }
        return vectors
    }
}
