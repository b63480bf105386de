import Foundation

/// The modules of a sentence-transformers folder past its tokenizer: the Transformer, then Pooling, Dense
/// and Normalize in the order of `modules.json`. Token ids in, sentence embeddings out.
///
/// Sequences are sorted by token count and run in batches of similar length; rows come back in input order.
/// Source: sentence-transformers `SentenceTransformer.encode` and the modules' `forward`.
final class SentenceTransformerModules: Sendable {
    /// Tokens per forward batch: large enough for efficient matrix products, small enough to stay in cache-friendly memory.
    static let tokensPerBatch = 4096

    enum Head: Sendable {
        case pooling(Pooling)
        case dense(Dense)
        case normalize
    }

    let transformer: TransformerModel
    let heads: [Head]
    let dimension: Int
    /// The manifest the modules were read from.
    let manifest: ModuleManifest
    /// The folder of the Transformer module (the tokenizer's too).
    let transformerFolder: URL

    /// False when a Pooling module leaves prompt tokens out (`include_prompt: false`).
    var poolsPromptTokens: Bool {
        heads.allSatisfy { head in
            if case .pooling(let pooling) = head { return pooling.includePrompt }
            return true
        }
    }

    init(folder: URL) throws {
        let manifest = try ModuleManifest(folder: folder)
        self.manifest = manifest
        transformerFolder = folder.appendingPathComponent(manifest.entries[0].path ?? "")
        transformer = try TransformerModel(folder: transformerFolder)

        var width = transformer.config.hiddenSize
        var heads: [Head] = []
        for entry in manifest.entries.dropFirst() {
            switch entry.kind {
            case .transformer:
                preconditionFailure("the manifest allows one Transformer, first")
            case .pooling:
                let pooling: Pooling
                if let path = entry.path {
                    let configURL = folder.appendingPathComponent(path).appendingPathComponent("config.json")
                    pooling = try Pooling(config: JSONConfig(url: configURL))
                    guard pooling.embeddingDimension == width else {
                        throw EmbeddingsError.invalidConfig(path: configURL.path, reason:
                            "embedding dimension \(pooling.embeddingDimension) does not match the model's hidden size \(width)")
                    }
                } else {
                    pooling = Pooling(modes: [.mean], embeddingDimension: width)
                }
                width = pooling.outputDimension
                heads.append(.pooling(pooling))
            case .dense:
                let denseFolder = folder.appendingPathComponent(entry.path ?? "")
                let dense = try Dense(folder: denseFolder)
                guard dense.inFeatures == width else {
                    throw EmbeddingsError.invalidConfig(path: denseFolder.appendingPathComponent("config.json").path,
                        reason: "in_features \(dense.inFeatures) does not match the previous module's \(width) outputs")
                }
                width = dense.outFeatures
                heads.append(.dense(dense))
            case .normalize:
                heads.append(.normalize)
            }
        }
        guard case .pooling = heads.first else {
            throw EmbeddingsError.unsupportedModel(path: folder.appendingPathComponent("modules.json").path,
                                                   reason: "the Transformer must be followed by a Pooling module")
        }
        self.heads = heads
        dimension = width
    }

    /// Embeddings of tokenized texts, in input order. Each sequence's first `promptLength` ids are a
    /// prompt's, which a Pooling with `include_prompt: false` leaves out.
    func embed(tokenIDs sequences: [[Int32]], promptLength: Int = 0,
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
            let vectors = try embedBatch(batch.map { sequences[$0] }, promptLength: promptLength, workspace: workspace)
            for (index, vector) in zip(batch, vectors) { results[index] = vector }
            done += batch.count
            progress?(done, sequences.count)
            start = end
        }
        return results
    }

    private func embedBatch(_ sequences: [[Int32]], promptLength: Int, workspace: TransformerWorkspace) throws -> [[Float]] {
        let states = try transformer.forward(sequences, workspace: workspace)
        var vectors: [[Float]] = []
        for head in heads {
            switch head {
            case .pooling(let pooling): vectors = pooling.pool(states, promptLength: promptLength)
            case .dense(let dense): vectors = dense.apply(vectors)
            case .normalize: vectors = vectors.map(Normalize.apply)
            }
        }
        return vectors
    }
}
