import Foundation
import Yams

/// A run's inputs and settings: read from `tunelens.yaml`, then overridden by command-line flags.
///
/// Paths in the YAML are resolved against the YAML file's folder, so a config can travel with its data.
/// Unknown keys are an error naming the file and line: a typo must not silently drop an input.
public struct RunConfig: Sendable, Equatable {
    public var title: String?
    public var name: String?
    public var baseline: String?
    public var finetuned: String?
    public var data: String?
    public var train: String?
    public var probes: String?
    public var retrieval: String?
    /// Column names in the data: keys `text_a`, `text_b`, `label`, `score`.
    public var columns: [String: String]
    public var threshold: Double
    public var seed: UInt64
    /// Free-form training settings, in the YAML's order.
    public var hyperparameters: [HyperparameterEntry]
    public var notes: String?
    /// A `trainer_state.json` or tunelens `training_log.jsonl`.
    public var trainingLog: String?
    /// The reports folder (`out:`), default `reports`.
    public var outputFolder: String?
    /// Prompts for retrieval queries and documents, replacing the models' own (`query_prompt:`,
    /// `document_prompt:`; `--query-prompt`, `--document-prompt`).
    public var queryPrompt: String?
    public var documentPrompt: String?
    /// How embeddings are compared (`similarity:`, `--similarity`): cosine, dot, euclidean or manhattan;
    /// nil uses each model's own `similarity_fn_name` (cosine when unset).
    public var similarity: String?
    /// Guard data sets (`guards:`, `--guard`, repeatable): files or BEIR folders of any task, which
    /// the fine-tune must not have made worse.
    public var guards: [String] = []
    /// Matryoshka dimensions (`dims:`, `--dims 768,512,256`): the primary task's main measure is also
    /// computed on embeddings cut to each.
    public var dimensions: [Int] = []

    public static let defaultThreshold = 0.5
    public static let defaultSeed: UInt64 = 42

    public init() {
        columns = [:]
        threshold = Self.defaultThreshold
        seed = Self.defaultSeed
        hyperparameters = []
    }

    /// The keys a `tunelens.yaml` may hold.
    public static let knownKeys = [
        "title", "name", "baseline", "finetuned", "data", "train", "probes", "retrieval", "columns",
        "threshold", "seed", "hyperparameters", "notes", "trainer_state", "training_log", "out",
        "query_prompt", "document_prompt", "similarity", "guards", "dims",
    ]
    static let knownColumns = ["text_a", "text_b", "label", "score"]

    /// Reads a run config; relative paths become absolute against the file's folder.
    public static func read(_ url: URL) throws -> RunConfig {
        let file = url.path
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw EvaluationError.missingFile(file)
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw EvaluationError.unreadableConfig(file: file, reason: "not UTF-8 text")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let reason = String(describing: error).split(separator: "\n").joined(separator: " ")
            throw EvaluationError.unreadableConfig(file: file, reason: "not valid YAML: \(reason)")
        }
        guard let node else { return RunConfig() }
        guard let mapping = node.mapping else {
            throw EvaluationError.unreadableConfig(file: file, reason: "expected a mapping of keys to values at the top")
        }
        let folder = url.deletingLastPathComponent()
        var config = RunConfig()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = (keyNode.mark?.line ?? 0)
            let reader = ValueReader(file: file, line: line, key: key)
            switch key {
            case "title": config.title = try reader.string(value)
            case "name": config.name = try reader.string(value)
            case "notes": config.notes = try reader.string(value)
            case "query_prompt": config.queryPrompt = try reader.string(value)
            case "similarity": config.similarity = try reader.string(value)
            case "document_prompt": config.documentPrompt = try reader.string(value)
            case "baseline": config.baseline = try reader.modelReference(value, relativeTo: folder)
            case "finetuned": config.finetuned = try reader.modelReference(value, relativeTo: folder)
            case "data": config.data = try reader.path(value, relativeTo: folder)
            case "train": config.train = try reader.path(value, relativeTo: folder)
            case "probes": config.probes = try reader.path(value, relativeTo: folder)
            case "retrieval": config.retrieval = try reader.path(value, relativeTo: folder)
            case "trainer_state", "training_log": config.trainingLog = try reader.path(value, relativeTo: folder)
            case "out": config.outputFolder = try reader.path(value, relativeTo: folder)
            case "threshold": config.threshold = try reader.threshold(value)
            case "seed": config.seed = try reader.seed(value)
            case "columns": config.columns = try reader.columns(value)
            case "guards": config.guards = try reader.paths(value, relativeTo: folder)
            case "dims": config.dimensions = try reader.dimensions(value)
            case "hyperparameters": config.hyperparameters = try reader.freeMap(value)
            default:
                throw EvaluationError.unknownConfigKey(file: file, line: line, key: key, known: knownKeys)
            }
        }
        return config
    }

    /// This config with every value the other one sets taken from it (flags win over the file).
    public func overridden(by flags: RunConfig, explicitThreshold: Bool, explicitSeed: Bool) -> RunConfig {
        var merged = self
        merged.title = flags.title ?? title
        merged.name = flags.name ?? name
        merged.baseline = flags.baseline ?? baseline
        merged.finetuned = flags.finetuned ?? finetuned
        merged.data = flags.data ?? data
        merged.train = flags.train ?? train
        merged.probes = flags.probes ?? probes
        merged.retrieval = flags.retrieval ?? retrieval
        merged.trainingLog = flags.trainingLog ?? trainingLog
        merged.notes = flags.notes ?? notes
        merged.outputFolder = flags.outputFolder ?? outputFolder
        merged.queryPrompt = flags.queryPrompt ?? queryPrompt
        merged.similarity = flags.similarity ?? similarity
        merged.documentPrompt = flags.documentPrompt ?? documentPrompt
        if !flags.guards.isEmpty { merged.guards = flags.guards }
        if !flags.dimensions.isEmpty { merged.dimensions = flags.dimensions }
        merged.columns = columns.merging(flags.columns) { _, flag in flag }
        if explicitThreshold { merged.threshold = flags.threshold }
        if explicitSeed { merged.seed = flags.seed }
        if !flags.hyperparameters.isEmpty { merged.hyperparameters = flags.hyperparameters }
        return merged
    }
}

/// One free-form training setting, kept in the order the config lists them.
public struct HyperparameterEntry: Sendable, Equatable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Reads one typed value from a YAML node, with errors naming the file, line and key.
private struct ValueReader {
    let file: String
    let line: Int
    let key: String

    func fail(_ reason: String) -> EvaluationError {
        .invalidConfigValue(file: file, line: line, key: key, reason: reason)
    }

    func string(_ node: Node) throws -> String {
        guard let scalar = node.scalar else { throw fail("expected a single value") }
        return scalar.string
    }

    func path(_ node: Node, relativeTo folder: URL) throws -> String {
        let value = try string(node)
        guard !value.isEmpty else { throw fail("empty path") }
        if value.hasPrefix("/") { return value }
        if value.hasPrefix("~/") {
            return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(String(value.dropFirst(2))).path
        }
        return folder.appendingPathComponent(value).standardizedFileURL.path
    }

    /// Matryoshka dimensions: a list (`[768, 256]`) or one comma-separated value (`768,512,256`).
    func dimensions(_ node: Node) throws -> [Int] {
        let texts = try node.sequence.map { try $0.map { try string($0) } }
            ?? string(node).split(separator: ",").map(String.init)
        return try texts.map { text in
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
                throw fail("expected positive whole numbers such as 768, 512, 256; got \"\(text)\"")
            }
            return value
        }
    }

    /// One path or a list of them.
    func paths(_ node: Node, relativeTo folder: URL) throws -> [String] {
        if node.scalar != nil { return [try path(node, relativeTo: folder)] }
        guard let sequence = node.sequence else { throw fail("expected a path or a list of paths") }
        return try sequence.map { try path($0, relativeTo: folder) }
    }

    /// A model is a path, unless it looks like a Hugging Face id (`org/name`) and no such path exists.
    func modelReference(_ node: Node, relativeTo folder: URL) throws -> String {
        let value = try string(node)
        guard !value.isEmpty else { throw fail("empty model reference") }
        let resolved = try path(node, relativeTo: folder)
        if value.hasPrefix("/") || value.hasPrefix(".") || value.hasPrefix("~") { return resolved }
        if FileManager.default.fileExists(atPath: resolved) { return resolved }
        return value
    }

    func threshold(_ node: Node) throws -> Double {
        guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
            throw fail("expected a number")
        }
        guard (-1...1).contains(value) else { throw fail("a cosine threshold must lie in [-1, 1], got \(text)") }
        return value
    }

    func seed(_ node: Node) throws -> UInt64 {
        guard let text = node.scalar?.string, let value = UInt64(text) else {
            throw fail("expected a non-negative integer")
        }
        return value
    }

    func columns(_ node: Node) throws -> [String: String] {
        guard let mapping = node.mapping else { throw fail("expected a mapping such as text_a: question") }
        var columns: [String: String] = [:]
        for (k, v) in mapping {
            let name = k.string ?? ""
            guard RunConfig.knownColumns.contains(name) else {
                throw EvaluationError.invalidConfigValue(
                    file: file, line: k.mark?.line ?? line, key: "columns",
                    reason: "unknown column role \"\(name)\" (known: \(RunConfig.knownColumns.joined(separator: ", ")))")
            }
            columns[name] = try string(v)
        }
        return columns
    }

    func freeMap(_ node: Node) throws -> [HyperparameterEntry] {
        guard let mapping = node.mapping else { throw fail("expected a mapping such as epochs: 4") }
        return try mapping.map { k, v in
            guard let name = k.string else { throw fail("keys must be plain values") }
            let value: String
            if let scalar = v.scalar {
                value = scalar.string
            } else if let sequence = v.sequence {
                value = sequence.map { $0.string ?? "…" }.joined(separator: ", ")
            } else {
                throw fail("\(name): expected a plain value or a list")
            }
            return HyperparameterEntry(key: name, value: value)
        }
    }
}
