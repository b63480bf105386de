import Datasets
import Foundation

/// A data set read and recognised as its task, its texts registered with the run's requests: the
/// one place a path becomes pairs, graded similarity or retrieval (SPEC section 2: "the task is
/// recognised from the data"). A folder is a BEIR retrieval set; a file with a binary label on every
/// pair is pair classification; a file with scores and no labels is graded similarity.
enum TaskData {
    case pairs(PairTask)
    case sts(StsTask)
    case retrieval(RetrievalTask)

    /// How the run's settings reach a task.
    struct Settings {
        var columns: PairColumns
        var threshold: Double
        var seed: UInt64
        var bootstrapSamples: Int
        var examplesPerKind: Int
        /// The training split, for pair data (leakage and the train-vs-held-out gap).
        var train: PairDataset?
        /// Whether failure examples show the sentences each model matched (the primary data's, not guards').
        var matchSentences = true
    }

    static func read(_ path: String, settings: Settings, requests: inout TextRequests) throws -> TaskData {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            var task = RetrievalTask(data: try RetrievalDataset.read(folder: url), requests: &requests)
            task.bootstrapSamples = settings.bootstrapSamples
            task.seed = settings.seed
            return .retrieval(task)
        }
        let dataset = try PairDataset.read(url, columns: settings.columns)
        if dataset.isGradedSimilarity {
            var task = try StsTask(dataset: dataset, seed: settings.seed, requests: &requests)
            task.bootstrapSamples = settings.bootstrapSamples
            task.examplesPerKind = settings.examplesPerKind
            task.matchSentences = settings.matchSentences
            return .sts(task)
        }
        try dataset.validateForPairClassification()
        var task = PairTask(dataset: dataset, train: settings.train, threshold: settings.threshold, seed: settings.seed,
                            requests: &requests)
        task.bootstrapSamples = settings.bootstrapSamples
        task.examplesPerKind = settings.examplesPerKind
        task.matchSentences = settings.matchSentences
        return .pairs(task)
    }

    var kind: TaskKind {
        switch self {
        case .pairs: return .pairs
        case .sts: return .sts
        case .retrieval: return .retrieval
        }
    }

    /// Registers the texts the task needs after every data set's own (the pair task's training sample).
    mutating func requestLateTexts(_ requests: inout TextRequests) {
        if case .pairs(var task) = self {
            task.requestTrainingTexts(&requests)
            self = .pairs(task)
        }
    }

    func evaluate(baseline: EncodedModel, finetuned: EncodedModel) throws -> TaskOutcome {
        switch self {
        case .pairs(let task): return .pairs(try task.evaluate(baseline: baseline, finetuned: finetuned))
        case .sts(let task): return .sts(try task.evaluate(baseline: baseline, finetuned: finetuned))
        case .retrieval(let task): return .retrieval(try task.evaluate(baseline: baseline, finetuned: finetuned))
        }
    }
}

/// What a task measured, whatever the task.
enum TaskOutcome {
    case pairs(PairOutcome)
    case sts(StsOutcome)
    case retrieval(RetrievalOutcome)
}
