import Core
import Foundation

/// A sentence-transformers model folder run natively: tokenizer, BERT, then Pooling, Dense and
/// Normalize modules in the order of `modules.json`.
///
/// Texts are tokenized (truncated to `max_seq_length`), sorted by token count and encoded in batches of
/// similar length; rows come back in input order.
/// Source: sentence-transformers `SentenceTransformer.encode`.
final class SentenceTransformerEncoder: TextEncoder, EncoderWorkReporting {
    /// Tokens per forward batch: large enough for efficient matrix products, small enough to stay in cache-friendly memory.
    static let tokensPerBatch = 4096

    enum Head: Sendable {
        case pooling(Pooling)
        case dense(Dense)
        case normalize
    }

    let name: String
    let folder: URL
    let bert: BertModel
    let tokenizer: Tokenizer
    /// The most token ids one text becomes, `[CLS]` and `[SEP]` included.
    let maxSequenceLength: Int
    /// Lowercase texts before tokenizing (`do_lower_case` of `sentence_bert_config.json`).
    let lowercasesInput: Bool
    let heads: [Head]
    let dimension: Int

    /// The files that decide what this model outputs, relative to the folder: the tokenizer, the
    /// Transformer's config and weights, `modules.json`, and each module's config and weights.
    let definingFiles: [String]

    /// Computes one file's SHA-256 (hex) for ``digest``; a cache may remember them by size and time.
    var fileDigester: (URL) throws -> String = ContentDigest.hex(ofFile:)

    private lazy var pipelineDigest: Result<String, Error> = Result {
        var listing = ""
        for path in definingFiles {
            listing += "\(path) \(try fileDigester(folder.appendingPathComponent(path)))\n"
        }
        return ContentDigest.hex(of: Data(listing.utf8))
    }

    /// SHA-256 over the SHA-256 of every file in ``definingFiles``: a fine-tuned folder that shares the
    /// base model's Transformer weights but adds a Dense adapter gets a digest of its own.
    /// Empty if a file can no longer be read.
    var digest: String { (try? pipelineDigest.get()) ?? "" }

    init(folder: URL, name: String) throws {
        self.folder = folder
        self.name = name
        let manifest = try ModuleManifest(folder: folder)
        let transformerFolder = folder.appendingPathComponent(manifest.entries[0].path ?? "")
        bert = try BertModel(folder: transformerFolder)
        tokenizer = try Tokenizer.load(folder: transformerFolder)

        let settings = try JSONConfig.optional(transformerFolder.appendingPathComponent("sentence_bert_config.json"))
        let positions = bert.config.maxPositions
        if let settings, let configured = try settings.int("max_seq_length") {
            guard configured >= 2 else {
                throw EmbeddingsError.invalidConfig(path: settings.path, reason: "max_seq_length must be at least 2")
            }
            maxSequenceLength = min(configured, positions)
        } else {
            maxSequenceLength = max(2, min(positions, tokenizer.modelMaxLength ?? positions))
        }
        lowercasesInput = try settings?.bool("do_lower_case") ?? false

        var width = bert.config.hiddenSize
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
        definingFiles = Self.definingFiles(in: folder, manifest: manifest)
    }

    private static func definingFiles(in folder: URL, manifest: ModuleManifest) -> [String] {
        let fileManager = FileManager.default
        var candidates = ["modules.json"]
        for entry in manifest.entries {
            let prefix = (entry.path ?? "").isEmpty ? "" : entry.path! + "/"
            candidates += ["config.json", "model.safetensors"].map { prefix + $0 }
            if entry.kind == .transformer {
                candidates += ["sentence_bert_config.json", "tokenizer.json", "vocab.txt", "tokenizer_config.json"]
                    .map { prefix + $0 }
            }
        }
        var seen = Set<String>()
        return candidates.filter { path in
            seen.insert(path).inserted && fileManager.fileExists(atPath: folder.appendingPathComponent(path).path)
        }
    }

    private(set) var lastWork = EncoderWork(texts: 0, tokens: 0, linearFLOPs: 0)

    /// FLOPs of the linear layers per token: layers x 2 (4 H^2 + 2 H I).
    var linearFLOPsPerToken: Double {
        let hidden = Double(bert.config.hiddenSize), inner = Double(bert.config.intermediateSize)
        return Double(bert.config.layerCount) * 2 * (4 * hidden * hidden + 2 * hidden * inner)
    }

    /// The token ids of one text, as sentence-transformers feeds them to the model.
    func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.encode(lowercasesInput ? text.lowercased() : text, maxLength: maxSequenceLength)
    }

    func encode(_ texts: [String], progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        var sequences = [[Int32]](repeating: [], count: texts.count)
        sequences.withUnsafeMutableBufferPointer { out in
            Parallel.forEachSlice(of: texts.count, minimumSlice: 32) { slice in
                for index in slice { out[index] = tokenIDs(texts[index]) }
            }
        }
        return try embed(tokenIDs: sequences, progress: progress)
    }

    /// Embeddings of already tokenized texts, in input order.
    func embed(tokenIDs sequences: [[Int32]], progress: ((Int, Int) -> Void)? = nil) throws -> [[Float]] {
        let tokenCount = sequences.reduce(0) { $0 + $1.count }
        lastWork = EncoderWork(texts: sequences.count, tokens: tokenCount, linearFLOPs: Double(tokenCount) * linearFLOPsPerToken)
        let order = sequences.indices.sorted { (sequences[$0].count, $0) > (sequences[$1].count, $1) }
        var results = [[Float]](repeating: [], count: sequences.count)
        var done = 0
        let workspace = BertWorkspace(config: bert.config)
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
            let vectors = try embedBatch(batch.map { sequences[$0] }, workspace: workspace)
            for (index, vector) in zip(batch, vectors) { results[index] = vector }
            done += batch.count
            progress?(done, sequences.count)
            start = end
        }
        return results
    }

    private func embedBatch(_ sequences: [[Int32]], workspace: BertWorkspace) throws -> [[Float]] {
        let states = try bert.forward(sequences, workspace: workspace)
        var vectors: [[Float]] = []
        for head in heads {
            switch head {
            case .pooling(let pooling): vectors = pooling.pool(states)
            case .dense(let dense): vectors = dense.apply(vectors)
            case .normalize: vectors = vectors.map(Normalize.apply)
            }
        }
        return vectors
    }
}
