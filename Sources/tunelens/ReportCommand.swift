import ArgumentParser
import Evaluation
import Foundation
import Reports

/// `tunelens report [CONFIG.yaml] ...`: evaluates the baseline and the fine-tuned model on the same
/// held-out pairs and writes DIR/RUN/{index.html, metrics.json, report.md, pairs.jsonl}.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Evaluate a fine-tuning run and write its report page.",
        discussion: """
            Inputs come from a tunelens.yaml run config, overridden by the flags. Models are a \
            sentence-transformers folder, a Hugging Face cache id (ORG/NAME) or a precomputed-embeddings \
            JSONL file. Writes DIR/RUN/{index.html, metrics.json, report.md, pairs.jsonl} atomically, then \
            rebuilds DIR/index.html. SOURCE_DATE_EPOCH fixes the generation time.
            """)

    @Argument(help: "A tunelens.yaml run config.")
    var config: String?

    @Option(help: "The baseline model.") var baseline: String?
    @OptionGroup var cache: CacheOptions
    @Option(help: "The fine-tuned model.") var finetuned: String?
    @Option(help: "Held-out data: JSONL, CSV or TSV with text_a/text_b (or sentence1/sentence2) and a binary label (pairs) or a float score (graded similarity), or a BEIR folder.") var data: String?
    @Option(name: .customLong("guard"), help: "A data set the fine-tune must not get worse at (pairs, graded similarity or a BEIR folder); repeatable.") var guards: [String] = []
    @Option(help: "The training split, for leakage and the train-vs-held-out gap.") var train: String?
    @Option(help: "The run's folder name inside the output folder.") var name: String?
    @Option(help: "The reports folder.") var out: String?
    @Option(help: "Cosine threshold: a score at or above it is called positive (default 0.5).") var threshold: Double?
    @Option(help: "A folder of templates replacing the built-in ones of the same name.") var templates: String?
    @Option(help: "Probe pairs: {\"a\", \"b\", \"expect\": \"closer\"|\"farther\"} per line.") var probes: String?
    @Option(help: "A BEIR retrieval folder (corpus.jsonl, queries.jsonl, qrels/).") var retrieval: String?
    @Option(name: .customLong("training-log"), help: "A trainer_state.json or tunelens training_log.jsonl.") var trainingLog: String?
    @Option(help: "Seed for bootstrap resampling, cross-fitting and sampling (default 42).") var seed: UInt64?
    @Option(help: "The report's title.") var title: String?
    @Option(name: .customLong("query-prompt"), help: "Text put before every retrieval query (default: the model's \"query\" prompt).") var queryPrompt: String?
    @Option(help: "Matryoshka dimensions, e.g. 768,512,256: the main measure at each truncation, for both models.") var dims: String?
    @Option(help: "How embeddings are compared: cosine, dot, euclidean or manhattan (default: each model's similarity_fn_name, else cosine).") var similarity: String?
    @Option(name: .customLong("document-prompt"), help: "Text put before every retrieval document (default: the model's \"document\" prompt).") var documentPrompt: String?

    func run() throws {
        let started = Date()
        var settings = try config.map { try RunConfig.read(URL(fileURLWithPath: $0)) } ?? RunConfig()
        var flags = RunConfig()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func absolutePath(_ path: String) -> String {
            path.hasPrefix("/") ? path : cwd.appendingPathComponent(path).standardizedFileURL.path
        }
        func absolute(_ path: String?) -> String? { path.map(absolutePath) }
        /// A path when one exists (or is clearly meant), else a Hugging Face model id as typed.
        func model(_ reference: String?) -> String? {
            guard let reference else { return nil }
            let path = absolutePath(reference)
            return FileManager.default.fileExists(atPath: path) || reference.hasPrefix(".") ? path : reference
        }
        flags.baseline = model(baseline)
        flags.finetuned = model(finetuned)
        flags.data = absolute(data)
        flags.train = absolute(train)
        flags.probes = absolute(probes)
        flags.retrieval = absolute(retrieval)
        flags.guards = guards.map(absolutePath)
        flags.trainingLog = absolute(trainingLog)
        flags.name = name
        flags.title = title
        flags.queryPrompt = queryPrompt
        if let similarity {
            guard ["cosine", "dot", "euclidean", "manhattan"].contains(similarity) else {
                throw ValidationError("--similarity must be cosine, dot, euclidean or manhattan, got \"\(similarity)\"")
            }
            flags.similarity = similarity
        }
        flags.documentPrompt = documentPrompt
        if let threshold {
            guard threshold.isFinite, (-1...1).contains(threshold) else {
                throw ValidationError("--threshold must be a cosine in [-1, 1], got \(threshold)")
            }
            flags.threshold = threshold
        }
        if let seed { flags.seed = seed }
        if let dims {
            flags.dimensions = try dims.split(separator: ",", omittingEmptySubsequences: false).map { text in
                guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
                    throw ValidationError("--dims takes positive whole numbers separated by commas (768,512,256), got \"\(dims)\"")
                }
                return value
            }
        }
        settings = settings.overridden(by: flags, explicitThreshold: threshold != nil, explicitSeed: seed != nil)

        // Everything that can be checked cheaply is checked before any encoding.
        let runName = try RunName(settings.name ?? RunName.derived(from: settings.finetuned ?? "run"))
        settings.name = runName.value
        let renderer = ReportRenderer(templates: try templates.map { try TemplateSet.overriding(with: URL(fileURLWithPath: $0)) } ?? .builtIn)
        let outputFolder = URL(fileURLWithPath: absolutePath(out ?? settings.outputFolder ?? "reports"), isDirectory: true)

        let progress = StagedProgress { "encoding (\($0))" }
        var evaluation = RunEvaluation(config: settings, commandLine: CommandLine.arguments.enumerated().map { $0 == 0 ? "tunelens" : $1 },
                                       toolVersion: TunelensVersion.string, created: RunEvaluation.creationDate())
        evaluation.cache = cache.store()
        let result = try evaluation.run(progress: progress.update)
        progress.finish()
        SignalCleanup.install()
        let outcome = try ReportPublisher.publish(result, run: runName, into: outputFolder, renderer: renderer)
        let size = outcome.report.html.utf8.count
        print("wrote \(outcome.folder.path)/index.html (\(size / 1024) KiB, \(String(format: "%.1f", Date().timeIntervalSince(started))) s): \(outcome.report.headline)")
        if case .failure(let error) = outcome.index {
            FileHandle.standardError.write(Data("tunelens report: the run was written, but the index was not: \(error)\n".utf8))
        }
    }
}
