import Foundation

/// Everything one evaluation run produced, as numbers and texts: what the report page, metrics.json
/// and the per-item files are made from. No formatting happens here; `Reports` decides how a value reads.
///
/// A run has one primary task (`task`, from `--data` or else `--retrieval`) and tells its story; the
/// outcome of each data set given is present, each the same shape: both models measured, compared
/// paired on the same items, failure examples picked.
public struct RunResult: Sendable {
    /// What was run and how.
    public var run: RunInfo
    /// The primary data set's task: what the headline and the main measure are about.
    public var task: TaskKind
    /// The two models: names, digests, dimensions, prompts.
    public var models: (baseline: ModelIdentity, finetuned: ModelIdentity)
    /// Pair classification on `--data`.
    public var pairs: PairOutcome?
    /// Retrieval on `--retrieval`.
    public var retrieval: RetrievalOutcome?
    /// Graded similarity, when the primary data file has scores and no labels.
    public var sts: StsOutcome?
    /// The guard data sets, in the order given, with Holm's adjustment across them.
    public var guards: [GuardOutcome]
    /// The primary task's main measure at each Matryoshka dimension asked for (`--dims`).
    public var matryoshka: MatryoshkaCurve?
    /// The training loss curve, when a log was found.
    public var training: TrainingSummary?
    /// Probe pairs the user expected to move closer or farther apart.
    public var probes: [ProbeOutcome]

    public init(run: RunInfo, task: TaskKind, models: (baseline: ModelIdentity, finetuned: ModelIdentity),
                pairs: PairOutcome?, retrieval: RetrievalOutcome?, sts: StsOutcome? = nil, guards: [GuardOutcome] = [],
                training: TrainingSummary?, probes: [ProbeOutcome]) {
        self.run = run
        self.task = task
        self.models = models
        self.pairs = pairs
        self.retrieval = retrieval
        self.sts = sts
        self.guards = guards
        self.matryoshka = nil
        self.training = training
        self.probes = probes
    }
}

/// Which model a run evaluated, and how it was used.
public struct ModelIdentity: Sendable {
    /// The display name and the reference it was loaded from.
    public var name: String
    public var reference: String
    /// The encoder's content digest (SHA-256 hex of its weights or embedding file).
    public var digest: String
    public var dimension: Int
    public var prompts: ModelPrompts
    /// How its embeddings were compared: "cosine", "dot", "euclidean" or "manhattan".
    public var similarity: String

    public init(name: String, reference: String, digest: String, dimension: Int, prompts: ModelPrompts,
                similarity: String = "cosine") {
        self.name = name
        self.reference = reference
        self.digest = digest
        self.dimension = dimension
        self.prompts = prompts
        self.similarity = similarity
    }

    init(_ model: EncodedModel) {
        self.init(name: model.encoder.name, reference: model.reference, digest: model.encoder.digest,
                  dimension: model.encoder.dimension, prompts: model.prompts, similarity: model.similarity.rawValue)
    }
}

/// The run's identity and settings.
public struct RunInfo: Sendable {
    public var name: String
    public var title: String
    /// Generation time: `SOURCE_DATE_EPOCH` when set, else now.
    public var created: Date
    public var toolVersion: String
    public var seed: UInt64
    /// The fixed decision threshold: cosine >= threshold is called positive.
    public var threshold: Double
    /// Free-form training settings, in key order.
    public var hyperparameters: [HyperparameterEntry]
    public var notes: String?
    /// The command line as typed, one element per argument.
    public var commandLine: [String]

    public init(name: String, title: String, created: Date, toolVersion: String, seed: UInt64,
                threshold: Double, hyperparameters: [HyperparameterEntry], notes: String?,
                commandLine: [String]) {
        self.name = name
        self.title = title
        self.created = created
        self.toolVersion = toolVersion
        self.seed = seed
        self.threshold = threshold
        self.hyperparameters = hyperparameters
        self.notes = notes
        self.commandLine = commandLine
    }
}

/// The held-out pairs: where they came from and their class balance.
public struct DataSummary: Sendable {
    /// The file name as given (not the absolute path, so reports do not leak home folders).
    public var file: String
    /// SHA-256 hex of the file's bytes.
    public var digest: String
    public var pairs: Int
    public var positives: Int
    public var negatives: Int
    /// Distinct texts encoded per model.
    public var uniqueTexts: Int
    /// Whether the data carries graded similarity scores (STS).
    public var hasScores: Bool
    /// The training split's file name and size, when given.
    public var trainFile: String?
    public var trainPairs: Int?

    public init(file: String, digest: String, pairs: Int, positives: Int, negatives: Int, uniqueTexts: Int,
                hasScores: Bool, trainFile: String?, trainPairs: Int?) {
        self.file = file
        self.digest = digest
        self.pairs = pairs
        self.positives = positives
        self.negatives = negatives
        self.uniqueTexts = uniqueTexts
        self.hasScores = hasScores
        self.trainFile = trainFile
        self.trainPairs = trainPairs
    }
}

/// One evaluated pair, in data order.
public struct ScoredPair: Sendable {
    /// Position in the data, from 0.
    public var index: Int
    public var textA: String
    public var textB: String
    public var label: Bool
    public var score: Double?
    /// Cosine similarity under each model.
    public var baseline: Double
    public var finetuned: Double

    public init(index: Int, textA: String, textB: String, label: Bool, score: Double?,
                baseline: Double, finetuned: Double) {
        self.index = index
        self.textA = textA
        self.textB = textB
        self.label = label
        self.score = score
        self.baseline = baseline
        self.finetuned = finetuned
    }
}
