import Foundation

/// Everything one evaluation run produced, as numbers and texts: what the report page, metrics.json
/// and pairs.jsonl are made from. No formatting happens here; `Reports` decides how a value reads.
public struct RunResult: Sendable {
    /// What was run and how.
    public var run: RunInfo
    /// The evaluation data: file, digest, sizes.
    public var data: DataSummary
    /// The two models, measured the same way on the same pairs.
    public var baseline: ModelResult
    public var finetuned: ModelResult
    /// The paired comparison of the two models on the same pairs.
    public var comparison: ComparisonResult
    /// Every evaluated pair in data order with both models' cosine similarities.
    public var pairs: [ScoredPair]
    /// The baseline's worst mistakes: highest-scored negatives and lowest-scored positives.
    public var failures: [FailureExample]
    /// How much of each model's score shared words explain.
    public var lexical: LexicalAnalysis
    /// What the fine-tuned model still gets wrong at the threshold.
    public var remainingErrors: RemainingErrors
    /// The training loss curve, when a log was found.
    public var training: TrainingSummary?
    /// Probe pairs the user expected to move closer or farther apart.
    public var probes: [ProbeOutcome]
    /// Retrieval metrics on a BEIR folder, when given.
    public var retrieval: RetrievalComparison?
    /// Train/test leakage and the train-vs-held-out gap, when a training split is given.
    public var overfitting: OverfittingCheck?

    public init(run: RunInfo, data: DataSummary, baseline: ModelResult, finetuned: ModelResult,
                comparison: ComparisonResult, pairs: [ScoredPair], failures: [FailureExample],
                lexical: LexicalAnalysis, remainingErrors: RemainingErrors, training: TrainingSummary?,
                probes: [ProbeOutcome], retrieval: RetrievalComparison?, overfitting: OverfittingCheck?) {
        self.run = run
        self.data = data
        self.baseline = baseline
        self.finetuned = finetuned
        self.comparison = comparison
        self.pairs = pairs
        self.failures = failures
        self.lexical = lexical
        self.remainingErrors = remainingErrors
        self.training = training
        self.probes = probes
        self.retrieval = retrieval
        self.overfitting = overfitting
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
