/// The run's setup and outcome, written as `tunelens_training.json` next to the model; `tunelens report`
/// reads it for the setup section and the loss curve's annotations.
public struct TrainingRecord: Codable, Equatable, Sendable {
    public struct FileReference: Codable, Equatable, Sendable {
        public var name: String
        public var digest: String?
        public init(name: String, digest: String?) {
            self.name = name
            self.digest = digest
        }
    }

    public var schema = "tunelens.training/1"
    public var tool: String
    public var baseModel: FileReference
    public var trainFile: FileReference
    public var validationFile: FileReference?
    /// Hold-out fraction of the training file used for validation; nil when a validation file was given.
    public var validationFraction: Double?
    public var trainingPairs: Int
    public var validationPairs: Int
    public var distinctTexts: Int
    public var loss: String
    public var adapter: String
    public var activation: String?
    public var hidden: Int?
    public var optimizer: String
    public var epochs: Int
    public var learningRate: Double
    public var batchSize: Int
    public var seed: UInt64
    public var weightDecay: Double
    public var warmupRatio: Double
    public var patience: Int
    public var bestEpoch: Int
    public var epochsRun: Int
    public var steps: Int
    public var stoppedEarly: Bool
    public var encodeSeconds: Double
    /// True when the base embeddings came from `--embedding-cache` (then `encodeSeconds` is the load time).
    public var embeddingsCached: Bool
    public var trainSeconds: Double
    public var initialValidationLoss: Double
    public var bestValidationLoss: Double
    public var finalTrainingLoss: Double
    public var finalValidationLoss: Double

    enum CodingKeys: String, CodingKey {
        case schema, tool, loss, adapter, activation, hidden, optimizer, epochs, seed, patience, steps
        case baseModel = "base_model", trainFile = "train_file", validationFile = "validation_file"
        case validationFraction = "validation_fraction", trainingPairs = "training_pairs"
        case validationPairs = "validation_pairs", distinctTexts = "distinct_texts"
        case learningRate = "learning_rate", batchSize = "batch_size", weightDecay = "weight_decay"
        case warmupRatio = "warmup_ratio", bestEpoch = "best_epoch", epochsRun = "epochs_run"
        case stoppedEarly = "stopped_early", encodeSeconds = "encode_seconds", trainSeconds = "train_seconds"
        case embeddingsCached = "embeddings_cached"
        case initialValidationLoss = "initial_validation_loss", bestValidationLoss = "best_validation_loss"
        case finalTrainingLoss = "final_training_loss", finalValidationLoss = "final_validation_loss"
    }

    /// The record for a finished run.
    public init(tool: String, baseModel: FileReference, trainFile: FileReference,
                validationFile: FileReference?, validationFraction: Double?, trainingPairs: Int,
                validationPairs: Int, distinctTexts: Int, configuration c: TrainingConfiguration,
                result r: TrainingResult, encodeSeconds: Double, embeddingsCached: Bool = false) {
        self.tool = tool
        self.baseModel = baseModel
        self.trainFile = trainFile
        self.validationFile = validationFile
        self.validationFraction = validationFraction
        self.trainingPairs = trainingPairs
        self.validationPairs = validationPairs
        self.distinctTexts = distinctTexts
        loss = c.loss.className
        adapter = c.adapter.rawValue
        activation = c.adapter == .mlp ? c.activation.rawValue : nil
        hidden = c.adapter == .mlp ? r.adapter.layers[0].outFeatures : nil
        optimizer = c.weightDecay > 0 ? "AdamW" : "Adam"
        epochs = c.epochs
        learningRate = c.learningRate
        batchSize = c.batchSize
        seed = c.seed
        weightDecay = c.weightDecay
        warmupRatio = c.warmupRatio
        patience = c.patience
        bestEpoch = r.bestEpoch
        epochsRun = r.epochsRun
        steps = r.steps
        stoppedEarly = r.stoppedEarly
        self.encodeSeconds = encodeSeconds
        self.embeddingsCached = embeddingsCached
        trainSeconds = r.seconds
        initialValidationLoss = r.initialValidationLoss
        bestValidationLoss = r.bestValidationLoss
        finalTrainingLoss = r.finalTrainingLoss
        finalValidationLoss = r.finalValidationLoss
    }
}
