import ArgumentParser
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

    @OptionGroup var cache: CacheOptions

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
        var job = FineTuningJob(base: base, trainFile: URL(fileURLWithPath: train), configuration: try trainingConfiguration(),
                                output: URL(fileURLWithPath: out), tool: "tunelens \(TunelensVersion.string)")
        job.validationFile = validation.map { URL(fileURLWithPath: $0) }
        job.validationFraction = validationFraction
        job.force = force
        job.cache = cache.store()
        SignalCleanup.install()
        let progress = StagedProgress()
        let outcome = try job.run(progress: progress.update)
        progress.finish()
        let result = outcome.result, configuration = job.configuration
        let summary = String(format: "%@ adapter, %@: validation loss %.4f -> %.4f (best epoch %d of %d run), "
                             + "%@ %.1f s, training %.1f s; wrote %@",
                             configuration.adapter.rawValue, configuration.loss.className,
                             result.initialValidationLoss, result.bestValidationLoss, result.bestEpoch,
                             result.epochsRun, outcome.embeddingsCached ? "embeddings from cache" : "encoding",
                             outcome.encodeSeconds, result.seconds, out)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
}
