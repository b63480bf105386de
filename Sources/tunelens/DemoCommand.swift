import ArgumentParser
import Datasets
import Embeddings
import Evaluation
import FineTuning
import Foundation
import Reports

/// `tunelens demo`: the backwards-baseline story end to end on built-in data. Generates the dating
/// pairs, trains the runs of a ``DemoPlan`` on all-MiniLM-L6-v2, writes a report per run, the index and
/// one diff, and prints the page to open.
///
/// Every step calls what its own command calls (`tunelens dataset dating`, `finetune`, `report`,
/// `diff`, `index`), all with one embedding store, so each distinct text runs through the Transformer
/// once in the whole demo: the fine-tuned models are adapters over the base and share its stage.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The backwards-baseline story end to end: built-in dating data, fine-tuning runs, reports, index and a diff.",
        discussion: """
            Needs all-MiniLM-L6-v2 as a sentence-transformers folder (`make setup` fetches it). Re-running \
            replaces the demo's own runs, models and data and leaves every other report in the folder alone.
            """)

    @OptionGroup var cache: CacheOptions

    @Option(help: "The reports folder.")
    var out = "reports"

    @Option(help: "Where the generated data and the fine-tuned models go.")
    var work = ".cache/demo"

    @Option(help: "The base model: a sentence-transformers folder or a Hugging Face cache id.")
    var model = ".cache/models/all-MiniLM-L6-v2"

    @Option(help: "Seed of the data generator.")
    var seed: UInt64 = 7

    @Option(help: "Training pairs (default 6000, or 300 with --quick).")
    var train: Int?

    @Option(help: "Held-out pairs (default 1469, or 200 with --quick).")
    var test: Int?

    @Flag(help: "A small, fast configuration: 300 training and 200 held-out pairs, two runs.")
    var quick = false

    func validate() throws {
        if let train, !(50...1_000_000).contains(train) { throw ValidationError("--train must be between 50 and 1,000,000, got \(train)") }
        if let test, !(20...1_000_000).contains(test) { throw ValidationError("--test must be between 20 and 1,000,000, got \(test)") }
    }

    var plan: DemoPlan {
        var plan = quick ? DemoPlan.quick(seed: seed) : DemoPlan.standard(seed: seed)
        if let train { plan.trainPairs = train }
        if let test { plan.testPairs = test }
        return plan
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let plan = plan
        let steps = plan.runs.count + 3
        var step = 0
        func say(_ message: String) {
            step += 1
            let elapsed = FineTuningJob.seconds(clock.now - started)
            FileHandle.standardError.write(Data(String(format: "[%d/%d %5.1f s] %@\n", step, steps, elapsed, message).utf8))
        }

        let baseFolder = try resolveModel()
        // One store for every step, in memory with --no-cache: the training texts are encoded once for
        // the three runs, the held-out texts once for the three reports, and each fine-tuned model (an
        // adapter over the base) runs no Transformer of its own.
        let store = try cache.store() ?? EmbeddingStore.inMemory()
        let workFolder = URL(fileURLWithPath: work, isDirectory: true)
        let reports = URL(fileURLWithPath: out, isDirectory: true)

        say("generating \(plan.trainPairs) training and \(plan.testPairs) held-out dating pairs (seed \(plan.seed))")
        let data = try generateData(plan, into: workFolder.appendingPathComponent("data", isDirectory: true))

        var headlines: [(String, String)] = []
        for run in plan.runs {
            say("run \(run.name): \(run.adapter) adapter, \(run.loss) loss, \(run.epochs) epoch\(run.epochs == 1 ? "" : "s"), lr \(run.learningRate)")
            let modelFolder = workFolder.appendingPathComponent("models", isDirectory: true).appendingPathComponent(run.name, isDirectory: true)
            try finetune(run, baseFolder: baseFolder, trainFile: data.train, out: modelFolder, store: store)
            let outcome = try report(run, baseline: baseFolder, finetuned: modelFolder, data: data, reports: reports, store: store)
            headlines.append((run.name, outcome.report.headline))
        }

        say("diff of \(plan.diff.a) and \(plan.diff.b)")
        let diff = try SiteDiff.write(runA: reports.appendingPathComponent(plan.diff.a, isDirectory: true),
                                      runB: reports.appendingPathComponent(plan.diff.b, isDirectory: true))
        FileHandle.standardError.write(Data("  \(diff.summary)\n  wrote \(diff.file.path)\n".utf8))

        say("index of \(reports.path)")
        let index = try SiteIndex.rebuild(reportsDirectory: reports)
        for line in index.unreadable {
            FileHandle.standardError.write(Data("  unreadable: \(line)\n".utf8))
        }
        for (name, headline) in headlines {
            FileHandle.standardError.write(Data("  \(name): \(headline)\n".utf8))
        }
        let total = FineTuningJob.seconds(clock.now - started)
        FileHandle.standardError.write(Data(String(format: "demo finished in %.1f s; open the page below\n", total).utf8))
        print(reports.appendingPathComponent("index.html").relativePath)
    }

    /// The base model's folder, or an error that says how to get it.
    private func resolveModel() throws -> URL {
        let hint = "run `make setup` to fetch all-MiniLM-L6-v2, or pass --model"
        let folder: URL
        do {
            folder = try BaseModelFolder.resolve(model)
        } catch {
            throw ValidationError("\(model): the base model is missing (\(error)); \(hint)")
        }
        for file in ["modules.json", "model.safetensors"]
        where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
            throw ValidationError("\(folder.path): the base model folder has no \(file); \(hint)")
        }
        return folder
    }

    /// Writes train.jsonl and test.jsonl as `tunelens dataset dating` does.
    private func generateData(_ plan: DemoPlan, into folder: URL) throws -> (train: URL, test: URL) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let splits = DatingGenerator(seed: plan.seed).makeSplits(train: plan.trainPairs, test: plan.testPairs)
        let train = folder.appendingPathComponent("train.jsonl"), test = folder.appendingPathComponent("test.jsonl")
        try DatingGenerator.write(splits.train, to: train)
        try DatingGenerator.write(splits.test, to: test)
        for (url, pairs) in [(train, splits.train), (test, splits.test)] {
            let positives = pairs.filter(\.label).count
            FileHandle.standardError.write(Data("  \(url.path): \(pairs.count) pairs, \(positives) compatible, \(pairs.count - positives) incompatible\n".utf8))
        }
        return (train, test)
    }

    /// One adapter training run, as `tunelens finetune` runs it, with the demo's store: the training
    /// texts are encoded by the first run only (and not at all on a re-run with the cache).
    private func finetune(_ run: DemoPlan.Run, baseFolder: URL, trainFile: URL, out: URL, store: EmbeddingStore) throws {
        var job = FineTuningJob(base: baseFolder.path, trainFile: trainFile, configuration: run.configuration(seed: seed),
                                output: out, tool: "tunelens \(TunelensVersion.string)")
        job.force = true
        job.cache = store
        let progress = StagedProgress { "  \($0)" }
        let outcome = try job.run(progress: progress.update)
        progress.finish()
        let result = outcome.result
        FileHandle.standardError.write(Data(String(
            format: "  validation loss %.4f -> %.4f (best epoch %d of %d run), %@ %.1f s, training %.1f s\n",
            result.initialValidationLoss, result.bestValidationLoss, result.bestEpoch, result.epochsRun,
            outcome.embeddingsCached ? "embeddings from cache" : "encoding", outcome.encodeSeconds, result.seconds).utf8))
    }

    /// The training split is left out of the config, so the demo's pages have no leakage or
    /// train-vs-held-out sections. (Its texts would no longer cost a Transformer pass: the fine-tuning
    /// runs stored their stage; the checks would add the metrics of 6,000 more pairs per report.)
    private func report(_ run: DemoPlan.Run, baseline: URL, finetuned: URL, data: (train: URL, test: URL),
                        reports: URL, store: EmbeddingStore) throws -> ReportPublisher.Outcome {
        var config = RunConfig()
        config.name = run.name
        config.title = "Dating compatibility: \(run.name)"
        config.baseline = baseline.standardizedFileURL.path
        config.finetuned = finetuned.standardizedFileURL.path
        config.data = data.test.standardizedFileURL.path
        config.notes = run.purpose + " Generated by tunelens demo on the built-in dating data."
        let runName = try RunName(run.name)
        var evaluation = RunEvaluation(config: config, commandLine: ["tunelens"] + CommandLine.arguments.dropFirst(),
                                       toolVersion: TunelensVersion.string, created: RunEvaluation.creationDate())
        evaluation.cache = store
        let progress = StagedProgress { "  encoding (\($0))" }
        let result = try evaluation.run(progress: progress.update)
        progress.finish()
        let outcome = try ReportPublisher.publish(result, run: runName, into: reports)
        guard let pairs = result.pairs else { return outcome }
        let b = pairs.baseline.classification, f = pairs.finetuned.classification
        FileHandle.standardError.write(Data(String(
            format: "  baseline AUC %.3f [%.3f, %.3f] (%@), fine-tuned AUC %.3f [%.3f, %.3f], DeLong p = %.3g; wrote %@\n",
            b.auc, b.aucCI.lower, b.aucCI.upper, b.diagnosis.rawValue, f.auc, f.aucCI.lower, f.aucCI.upper,
            pairs.comparison.delongP ?? Double.nan, outcome.folder.path).utf8))
        return outcome
    }
}
