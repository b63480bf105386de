import Core
import Foundation

/// A sentence-transformers model folder run natively: the tokenizer, then its modules
/// (``SentenceTransformerModules``: the transformer, Pooling, Dense, Normalize), as the folder says to
/// use them (``ModelUsage``).
///
/// Texts (each after its prompt) are tokenized, truncated to `max_seq_length`, and encoded in batches of
/// similar length; rows come back in input order. As a ``StagedEncoder``, the tokenizer, Transformer
/// and Pooling are the stage another folder with the same files shares, and the modules after Pooling
/// its head.
/// Source: sentence-transformers `SentenceTransformer.encode`.
final class SentenceTransformerEncoder: StagedEncoder, EncoderWorkReporting {
    let name: String
    let folder: URL
    let modules: SentenceTransformerModules
    let tokenizer: Tokenizer
    let usage: ModelUsage
    /// The most token ids one text becomes, the special tokens around it included.
    let maxSequenceLength: Int
    /// Lowercase texts before tokenizing (`do_lower_case` of `sentence_bert_config.json`).
    let lowercasesInput: Bool

    var dimension: Int { modules.dimension }
    var transformer: TransformerModel { modules.transformer }

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

    private lazy var poolingStageDigest: Result<String, Error> = Result {
        var listing = "tunelens stage 1\n"
        for name in Self.transformerFiles {
            let file = modules.transformerFolder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            listing += "\(name) \(try fileDigester(file))\n"
        }
        let pooling = modules.pooling
        listing += "max_seq_length \(maxSequenceLength)\ndo_lower_case \(lowercasesInput)\n"
        listing += "pooling \(pooling.modes.map(\.rawValue).joined(separator: ",")) \(pooling.embeddingDimension)"
            + " include_prompt \(pooling.includePrompt)\n"
        return ContentDigest.hex(of: Data(listing.utf8))
    }

    /// SHA-256 over what decides the stage's output: the SHA-256 of the Transformer's weights, config,
    /// `sentence_bert_config.json` and tokenizer files (``transformerFiles``, named relative to the
    /// Transformer's folder), the effective `max_seq_length`
    /// and lowercasing, and the Pooling's modes, width and `include_prompt`. Content only: a folder of
    /// `tunelens finetune` (its base's files linked or copied, Dense layers added) has its base's stage
    /// digest; file names of the folders, paths and times do not enter. Empty if a file can no longer be read.
    var stageDigest: String { (try? poolingStageDigest.get()) ?? "" }
    var stageDimension: Int { modules.pooling.outputDimension }

    init(folder: URL, name: String) throws {
        self.folder = folder
        self.name = name
        modules = try SentenceTransformerModules(folder: folder)
        let transformerFolder = modules.transformerFolder
        tokenizer = try Tokenizer.load(folder: transformerFolder)
        usage = try ModelUsage(folder: folder, poolsPromptTokens: modules.poolsPromptTokens)

        let settings = try JSONConfig.optional(transformerFolder.appendingPathComponent("sentence_bert_config.json"))
        let positions = modules.transformer.config.maxSequenceLength
        if let settings, let configured = try settings.int("max_seq_length") {
            guard configured >= 2 else {
                throw EmbeddingsError.invalidConfig(path: settings.path, reason: "max_seq_length must be at least 2")
            }
            maxSequenceLength = min(configured, positions)
        } else {
            maxSequenceLength = max(2, min(positions, tokenizer.modelMaxLength ?? positions))
        }
        lowercasesInput = try settings?.bool("do_lower_case") ?? false
        definingFiles = Self.definingFiles(in: folder, manifest: modules.manifest)
    }

    /// The files of a Transformer module's folder that decide its output, where present.
    static let transformerFiles = ["config.json", "model.safetensors", "sentence_bert_config.json", "tokenizer.json",
                                   "vocab.txt", "tokenizer_config.json"]

    private static func definingFiles(in folder: URL, manifest: ModuleManifest) -> [String] {
        let fileManager = FileManager.default
        var candidates = ["modules.json"]
        for entry in manifest.entries {
            let prefix = (entry.path ?? "").isEmpty ? "" : entry.path! + "/"
            candidates += (entry.kind == .transformer ? transformerFiles : ["config.json", "model.safetensors"]).map { prefix + $0 }
        }
        var seen = Set<String>()
        return candidates.filter { path in
            seen.insert(path).inserted && fileManager.fileExists(atPath: folder.appendingPathComponent(path).path)
        }
    }

    private(set) var lastWork = EncoderWork(texts: 0, tokens: 0, linearFLOPs: 0)

    /// The token ids of one text, as sentence-transformers feeds them to the model.
    func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.encode(lowercasesInput ? text.lowercased() : text, maxLength: maxSequenceLength)
    }

    /// How many leading tokens of an encoded text are the prompt's, as sentence-transformers counts them
    /// for `include_prompt: false`: the prompt tokenized alone, less its closing special token (the
    /// post-processor's suffix, e.g. `[SEP]` or `</s>`).
    /// Source: sentence-transformers `base/modules/transformer.py` (`_get_prompt_length`).
    func promptLength(_ prompt: String?) -> Int {
        guard let prompt, !prompt.isEmpty else { return 0 }
        let ids = tokenIDs(prompt)
        return ids.last.map(tokenizer.suffixIDs.contains) == true ? ids.count - 1 : ids.count
    }

    func encode(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        applyHead(try encodeStage(texts, prompt: prompt, progress: progress))
    }

    func encodeStage(_ texts: [String], prompt: String?, progress: ((Int, Int) -> Void)?) throws -> [[Float]] {
        let prefix = prompt ?? ""
        var sequences = [[Int32]](repeating: [], count: texts.count)
        sequences.withUnsafeMutableBufferPointer { out in
            Parallel.forEachSlice(of: texts.count, minimumSlice: 32) { slice in
                for index in slice { out[index] = tokenIDs(prefix.isEmpty ? texts[index] : prefix + texts[index]) }
            }
        }
        recordWork(sequences)
        return try modules.pool(tokenIDs: sequences, promptLength: promptLength(prompt), progress: progress)
    }

    func applyHead(_ stage: [[Float]]) -> [[Float]] {
        modules.applyHead(stage)
    }

    /// Embeddings of already tokenized texts, in input order; the first `promptLength` ids of each are a
    /// prompt's.
    func embed(tokenIDs sequences: [[Int32]], promptLength: Int = 0,
               progress: ((Int, Int) -> Void)? = nil) throws -> [[Float]] {
        recordWork(sequences)
        return try modules.embed(tokenIDs: sequences, promptLength: promptLength, progress: progress)
    }

    private func recordWork(_ sequences: [[Int32]]) {
        let tokenCount = sequences.reduce(0) { $0 + $1.count }
        lastWork = EncoderWork(texts: sequences.count, tokens: tokenCount,
                               linearFLOPs: Double(tokenCount) * transformer.config.linearFLOPsPerToken)
    }
}
