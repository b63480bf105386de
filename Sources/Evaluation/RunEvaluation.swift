import Datasets
import Embeddings
import Foundation
import Metrics

/// One evaluation run: both models through the one shared encoder entry point, every metric through
/// `Metrics`, the result as a `RunResult`. Nothing here formats or decides wording.
///
/// Order of work: read every data set into its task (pairs, retrieval), which registers the texts it
/// needs; load both models; encode each distinct (text, prompt role) once per model, and the
/// Transformer once for both when they share it (``StageSharing``); then each task measures both models
/// and compares them paired.
public struct RunEvaluation {
    /// Progress of long work: a stage label ("baseline", "fine-tuned"), texts done, texts in all.
    public typealias Progress = (_ stage: String, _ done: Int, _ total: Int) -> Void

    public var config: RunConfig
    public var commandLine: [String]
    public var toolVersion: String
    /// The generation time written into the report (`SOURCE_DATE_EPOCH` when set).
    public var created: Date
    /// Bootstrap resamples for the intervals.
    public var bootstrapSamples = 1000
    /// Failure examples shown per kind.
    public var examplesPerKind = 3
    /// Where embeddings are kept between runs (keyed by model digest and text), so a second report that
    /// shares the baseline encodes only what changed; nil encodes everything.
    public var cache: EmbeddingStore?

    public init(config: RunConfig, commandLine: [String], toolVersion: String, created: Date) {
        self.config = config
        self.commandLine = commandLine
        self.toolVersion = toolVersion
        self.created = created
    }

    /// The generation time: `SOURCE_DATE_EPOCH` (seconds since 1970) when set and valid, else now.
    public static func creationDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    public func run(progress: Progress? = nil) throws -> RunResult {
        guard let baselineReference = config.baseline else { throw EvaluationError.missingInput("the baseline model (--baseline or baseline: in the config)") }
        guard let finetunedReference = config.finetuned else { throw EvaluationError.missingInput("the fine-tuned model (--finetuned or finetuned: in the config)") }
        guard config.data != nil || config.retrieval != nil else {
            throw EvaluationError.missingInput("the evaluation data (--data, or --retrieval for a retrieval run; or data:/retrieval: in the config)")
        }

        // Inputs first: a bad file should fail before minutes of encoding. The tasks register the texts
        // they need; a text shared by several data sets (primary, retrieval, guards) is encoded once per model.
        var requests = TextRequests()
        let settings = TaskData.Settings(
            columns: columns, threshold: config.threshold, seed: config.seed, bootstrapSamples: bootstrapSamples,
            examplesPerKind: examplesPerKind,
            train: try config.train.map { try PairDataset.read(URL(fileURLWithPath: $0), columns: columns) })
        // The primary data set is --data, or --retrieval without it; with both, retrieval is a second section.
        var primary = try TaskData.read(config.data ?? config.retrieval!, settings: settings, requests: &requests)
        let probes = try config.probes.map { try ProbeSet.read(URL(fileURLWithPath: $0)) }
        let probeRows = probes?.probes.map { (requests.row($0.a), requests.row($0.b)) } ?? []
        var secondary = try config.data == nil ? nil : config.retrieval.map { path in
            try TaskData.read(path, settings: settings, requests: &requests)
        }
        var guardSettings = settings
        guardSettings.train = nil  // the training split is the primary data's
        guardSettings.matchSentences = false  // a guard is one line of the report
        var guards = try config.guards.map { path in
            (path, try TaskData.read(path, settings: guardSettings, requests: &requests))
        }
        primary.requestLateTexts(&requests)
        secondary?.requestLateTexts(&requests)
        for index in guards.indices { guards[index].1.requestLateTexts(&requests) }
        let trainingLog = try readTrainingLog(finetunedReference: finetunedReference)

        let baselineEncoder = try EncoderLoader.load(baselineReference, cache: cache)
        let finetunedEncoder = try EncoderLoader.load(finetunedReference, cache: cache)
        guard baselineEncoder.dimension > 0, finetunedEncoder.dimension > 0 else {
            throw EvaluationError.inconsistent("a model reports an embedding dimension of 0")
        }
        func prompts(_ encoder: any TextEncoder) -> ModelPrompts {
            ModelPrompts(usage: encoder.usage, query: config.queryPrompt, document: config.documentPrompt)
        }
        let similarityOverride = try config.similarity.map { name in
            guard let function = SimilarityFunction(rawValue: name) else {
                throw EvaluationError.inconsistent("similarity must be cosine, dot, euclidean or manhattan, got \"\(name)\"")
            }
            return function
        }
        // A fine-tuned folder over the baseline's Transformer (an adapter) runs no Transformer of its own.
        let sharing = StageSharing(models: [baselineEncoder, finetunedEncoder])
        let baseline = try EncodedModel.encode(requests, with: baselineEncoder, reference: baselineReference,
                                               prompts: prompts(baselineEncoder),
                                               similarity: similarityOverride ?? baselineEncoder.usage.similarity,
                                               sharing: sharing) { progress?("baseline", $0, $1) }
        let finetuned = try EncodedModel.encode(requests, with: finetunedEncoder, reference: finetunedReference,
                                                prompts: prompts(finetunedEncoder),
                                                similarity: similarityOverride ?? finetunedEncoder.usage.similarity,
                                                sharing: sharing) { progress?("fine-tuned", $0, $1) }

        let hyperparameters = config.hyperparameters.isEmpty ? trainingRecordSettings(finetunedReference) : config.hyperparameters
        var result = RunResult(
            run: RunInfo(name: config.name ?? "", title: config.title ?? "Fine-tuning evaluation", created: created,
                         toolVersion: toolVersion, seed: config.seed, threshold: config.threshold,
                         hyperparameters: hyperparameters, notes: config.notes, commandLine: commandLine),
            task: primary.kind,
            models: (ModelIdentity(baseline), ModelIdentity(finetuned)),
            pairs: nil, retrieval: nil,
            training: trainingLog,
            probes: try probeOutcomes(probes, probeRows, baseline.rows, finetuned.rows))
        for task in [primary] + (secondary.map { [$0] } ?? []) {
            switch try task.evaluate(baseline: baseline, finetuned: finetuned) {
            case .pairs(let outcome): result.pairs = outcome
            case .sts(let outcome): result.sts = outcome
            case .retrieval(let outcome): result.retrieval = outcome
            }
        }
        if !config.dimensions.isEmpty {
            result.matryoshka = try MatryoshkaCurve.measure(primary, dimensions: config.dimensions,
                                                            baseline: baseline, finetuned: finetuned)
        }
        result.guards = GuardOutcome.adjusted(try guards.map { path, task in
            GuardOutcome(name: URL(fileURLWithPath: path).lastPathComponent,
                         outcome: try task.evaluate(baseline: baseline, finetuned: finetuned))
        })
        return result
    }

    var columns: PairColumns {
        PairColumns(textA: config.columns["text_a"] ?? "text_a", textB: config.columns["text_b"] ?? "text_b",
                    label: config.columns["label"] ?? "label", score: config.columns["score"] ?? "score")
    }
}
