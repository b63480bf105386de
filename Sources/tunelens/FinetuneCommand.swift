import ArgumentParser
import Datasets
import Embeddings
import FineTuning
import Foundation

/// `tunelens finetune`: trains an adapter on the frozen base model's embeddings and saves the result as a
/// sentence-transformers model folder (base files + Dense module(s) + Normalize) with a training log.
struct FinetuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finetune",
        abstract: "Train a linear or MLP adapter on a frozen encoder and save it as a sentence-transformers model.",
        discussion: """
        The base model encodes every distinct training text once; the adapter (Dense layers on top of the \
        base model's output) is then trained with Adam/AdamW on those embeddings. The output folder loads \
        in sentence-transformers as is, and holds training_log.jsonl and tunelens_training.json.
        """
    )

    @Option(help: "Base model: a sentence-transformers folder or a model id in the local Hugging Face cache.")
    var base: String

    @Option(help: "Training pairs (JSONL or CSV/TSV): text_a, text_b, and label (0/1) and/or score.")
    var train: String

    @Option(help: "Output folder for the fine-tuned model.")
    var out: String

    @Option(help: "Loss: cosine (CosineSimilarityLoss) or mnrl (MultipleNegativesRankingLoss, positives only).")
    var loss: String = TrainingLoss.cosine.rawValue

    @Option(help: "Adapter: linear (one identity-initialised Dense) or mlp (two Dense layers).")
    var adapter: String = AdapterKind.linear.rawValue

    @Option(help: "Hidden width of the mlp adapter (default: twice the embedding dimension).")
    var hidden: Int?

    @Option(help: "Activation between the mlp adapter's layers: relu or tanh.")
    var activation: String = Activation.relu.rawValue

    @Option(help: "Maximum number of epochs.")
    var epochs: Int = TrainingConfiguration().epochs

    @Option(help: "Peak learning rate.")
    var lr: Double = TrainingConfiguration().learningRate

    @Option(name: .customLong("batch-size"), help: "Pairs per step.")
    var batchSize: Int = TrainingConfiguration().batchSize

    @Option(help: "Seed for the hold-out split, shuffling and initialisation.")
    var seed: UInt64 = TrainingConfiguration().seed

    @Option(name: .customLong("weight-decay"), help: "Decoupled weight decay (AdamW); 0 means Adam.")
    var weightDecay: Double = TrainingConfiguration().weightDecay

    @Option(name: .customLong("warmup-ratio"), help: "Fraction of steps with a linear learning-rate warm-up.")
    var warmupRatio: Double = TrainingConfiguration().warmupRatio

    @Option(help: "Validation pairs; without it a seeded fraction of the training pairs is held out.")
    var validation: String?

    @Option(name: .customLong("validation-fraction"), help: "Fraction of training pairs held out for validation.")
    var validationFraction: Double = 0.1

    @Option(help: "Stop after this many epochs without a lower validation loss (best weights are kept).")
    var patience: Int = TrainingConfiguration().patience

    @Option(name: .customLong("log-every"), help: "Write a training-log line every this many steps.")
    var logEvery: Int = TrainingConfiguration().logEvery

    @Option(name: .customLong("embedding-cache"),
            help: "Folder that keeps the base model's embeddings between runs (keyed by model digest and texts).")
    var embeddingCache: String?

    @Flag(help: "Replace a non-empty output folder.")
    var force = false

    func trainingConfiguration() throws -> TrainingConfiguration {
        var c = TrainingConfiguration()
        guard let lossKind = TrainingLoss(rawValue: loss) else {
            throw ValidationError("--loss must be cosine or mnrl, got \"\(loss)\"")
        }
        guard let adapterKind = AdapterKind(rawValue: adapter) else {
            throw ValidationError("--adapter must be linear or mlp, got \"\(adapter)\"")
        }
        guard let act = Activation(rawValue: activation), act != .identity else {
            throw ValidationError("--activation must be relu or tanh, got \"\(activation)\"")
        }
        c.loss = lossKind
        c.adapter = adapterKind
        c.activation = act
        c.hidden = hidden
        c.epochs = epochs
        c.learningRate = lr
        c.batchSize = batchSize
        c.seed = seed
        c.weightDecay = weightDecay
        c.warmupRatio = warmupRatio
        c.patience = patience
        c.logEvery = logEvery
        try c.validate()
        return c
    }

    func run() throws {
        let configuration = try trainingConfiguration()
        guard validation != nil || (validationFraction > 0 && validationFraction < 1) else {
            throw ValidationError("--validation-fraction must be in (0, 1), got \(validationFraction)")
        }
        let baseFolder = try BaseModelFolder.resolve(base)
        let outURL = URL(fileURLWithPath: out)
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: outURL.path), !existing.isEmpty, !force {
            throw FineTuningError.outputExists(path: outURL.standardizedFileURL.path)
        }

        let trainSet = try PairDataset.read(URL(fileURLWithPath: train))
        var table = try IndexedPairs.prepare(trainSet.pairs.map(Self.trainingPair), loss: configuration.loss, file: train)
        var trainingPairs = table.pairs
        var validationPairs: [IndexedPair]
        var validationReference: TrainingRecord.FileReference?
        if let validation {
            let validationSet = try PairDataset.read(URL(fileURLWithPath: validation))
            let prepared = try IndexedPairs.prepare(validationSet.pairs.map(Self.trainingPair),
                                                    loss: configuration.loss, file: validation)
            validationPairs = table.absorb(prepared)
            validationReference = .init(name: validation, digest: validationSet.digest)
        } else {
            let split = AdapterTrainer.holdOut(table.pairs, fraction: validationFraction, seed: configuration.seed,
                                               minimum: configuration.loss == .mnrl ? 2 : 1)
            trainingPairs = split.training
            validationPairs = split.validation
        }

        let encoder = try EncoderLoader.load(baseFolder.path)
        let clock = ContinuousClock()
        let encodeStart = clock.now
        let cache = embeddingCache.map { EmbeddingCache(folder: URL(fileURLWithPath: $0)) }
        let embeddings: [[Float]]
        var fromCache = false
        if let cached = cache?.load(modelDigest: encoder.digest, texts: table.texts, dimension: encoder.dimension) {
            embeddings = cached
            fromCache = true
        } else {
            let bar = ProgressBar(label: "encoding")
            embeddings = try encoder.encode(table.texts) { done, total in bar.update(done, total) }
            bar.finish()
            try cache?.store(embeddings, modelDigest: encoder.digest, texts: table.texts)
        }
        let encodeSeconds = Self.seconds(clock.now - encodeStart)

        let trainBar = ProgressBar(label: "training")
        let result = try AdapterTrainer(configuration: configuration).train(
            embeddings: embeddings, training: trainingPairs, validation: validationPairs
        ) { progress in
            trainBar.update(progress.step, progress.totalSteps)
        }
        trainBar.finish()

        let record = TrainingRecord(
            tool: "tunelens \(TunelensVersion.string)",
            baseModel: .init(name: base, digest: encoder.digest),
            trainFile: .init(name: train, digest: trainSet.digest),
            validationFile: validationReference,
            validationFraction: validation == nil ? validationFraction : nil,
            trainingPairs: trainingPairs.count, validationPairs: validationPairs.count,
            distinctTexts: table.texts.count, configuration: configuration, result: result,
            encodeSeconds: encodeSeconds, embeddingsCached: fromCache)
        try AdapterModelWriter.write(adapter: result.adapter, baseFolder: baseFolder, log: result.log,
                                     record: record, to: outURL, force: force)
        let summary = String(format: "%@ adapter, %@: validation loss %.4f -> %.4f (best epoch %d of %d run), "
                             + "%@ %.1f s, training %.1f s; wrote %@",
                             configuration.adapter.rawValue, configuration.loss.className,
                             result.initialValidationLoss, result.bestValidationLoss, result.bestEpoch,
                             result.epochsRun, fromCache ? "embeddings from cache" : "encoding", encodeSeconds,
                             result.seconds, out)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }

    static func trainingPair(_ pair: LabeledPair) -> TrainingPair {
        TrainingPair(textA: pair.textA, textB: pair.textB, label: pair.label, score: pair.score, line: pair.line)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
