import Core
import Foundation

/// The loss curve of a training run, read from a Hugging Face `trainer_state.json` or from the
/// `training_log.jsonl` that `tunelens finetune` writes.
///
/// `trainer_state.json` keeps a `log_history` list: entries with `loss` are training points, entries
/// with `eval_*` keys are evaluations (`eval_loss` becomes a validation point), and the last entry
/// usually holds `train_runtime` and `train_loss`. `training_log.jsonl` holds one object per line with
/// `step`, `epoch`, `loss`, `learning_rate` and optionally `validation_loss`.
public struct TrainingLog: Sendable {
    /// Where the log came from.
    public enum Source: String, Sendable { case huggingFaceTrainerState, tunelensJSONL }

    /// One logged training loss.
    public struct Point: Sendable, Equatable {
        public var step: Int
        public var epoch: Double
        public var loss: Double
        /// nil when the entry did not log it.
        public var learningRate: Double?

        public init(step: Int, epoch: Double, loss: Double, learningRate: Double?) {
            self.step = step
            self.epoch = epoch
            self.loss = loss
            self.learningRate = learningRate
        }
    }

    /// One held-out (validation) loss.
    public struct ValidationPoint: Sendable, Equatable {
        public var step: Int
        public var epoch: Double
        public var loss: Double

        public init(step: Int, epoch: Double, loss: Double) {
            self.step = step
            self.epoch = epoch
            self.loss = loss
        }
    }

    /// Every numeric `eval_*` value of one evaluation (e.g. `eval_sts-dev_spearman_cosine`).
    public struct Evaluation: Sendable, Equatable {
        public var step: Int
        public var epoch: Double
        public var metrics: [String: Double]

        public init(step: Int, epoch: Double, metrics: [String: Double]) {
            self.step = step
            self.epoch = epoch
            self.metrics = metrics
        }
    }

    public let url: URL
    public let source: Source
    public let points: [Point]
    public let validation: [ValidationPoint]
    public let evaluations: [Evaluation]
    /// The run's mean training loss, when the log states it (`train_loss`).
    public let trainLoss: Double?
    /// Training wall time in seconds, when the log states it (`train_runtime`).
    public let trainRuntime: Double?

    public init(url: URL, source: Source, points: [Point], validation: [ValidationPoint],
                evaluations: [Evaluation] = [], trainLoss: Double? = nil, trainRuntime: Double? = nil) {
        self.url = url
        self.source = source
        self.points = points
        self.validation = validation
        self.evaluations = evaluations
        self.trainLoss = trainLoss
        self.trainRuntime = trainRuntime
    }

    /// Reads either format: `.json` is a trainer state, `.jsonl` a tunelens log.
    public static func read(_ url: URL) throws -> TrainingLog {
        switch url.pathExtension.lowercased() {
        case "json": return try readTrainerState(url)
        case "jsonl", "ndjson": return try readTunelensLog(url)
        default:
            throw DatasetError.unsupportedFormat(file: url.lastPathComponent,
                                                 expected: "trainer_state.json or training_log.jsonl")
        }
    }

    private static func readTunelensLog(_ url: URL) throws -> TrainingLog {
        let reader = try TableReader(url: url)
        var points: [Point] = []
        var validation: [ValidationPoint] = []
        var lines = 0
        while let record = try reader.next() {
            lines += 1
            let step = try record.count("step")
            let epoch = try record.number("epoch")
            guard record.has("loss") || record.has("validation_loss") else {
                throw DatasetError.missingColumn(file: reader.file, line: record.line, column: "loss")
            }
            if record.has("loss") {
                let rate = record.has("learning_rate") ? try record.number("learning_rate") : nil
                points.append(Point(step: step, epoch: epoch, loss: try record.number("loss"), learningRate: rate))
            }
            if record.has("validation_loss") {
                validation.append(ValidationPoint(step: step, epoch: epoch, loss: try record.number("validation_loss")))
            }
        }
        guard lines > 0 else { throw DatasetError.emptyData(file: reader.file) }
        return TrainingLog(url: url, source: .tunelensJSONL, points: points, validation: validation)
    }

    private static func readTrainerState(_ url: URL) throws -> TrainingLog {
        let file = url.lastPathComponent
        // A trainer state may be written on one line; it is parsed whole anyway.
        let stream = try LineStream(url: url, file: file, maximumLineBytes: Int.max)
        var bytes: [UInt8] = []
        var lineStarts: [Int] = []
        while let line = try stream.nextLine() {
            _ = try stream.decode(line)
            lineStarts.append(bytes.count)
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
        guard !bytes.allSatisfy({ [0x20, 0x09, 0x0A].contains($0) }) else { throw DatasetError.emptyData(file: file) }
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes, rejectDuplicateKeys: true)
        } catch {
            let line = lineStarts.lastIndex(where: { $0 <= error.offset }) ?? 0
            throw DatasetError.malformedJSON(file: file, line: line + 1,
                                             detail: "\(error.reason) at column \(error.offset - lineStarts[line] + 1)")
        }
        guard case .object = document else {
            throw DatasetError.malformedJSON(file: file, line: 1, detail: "expected an object, got \(document.typeName)")
        }
        guard let history = document["log_history"] else {
            throw DatasetError.missingColumn(file: file, line: 1, column: "log_history")
        }
        guard case let .array(entries) = history else {
            throw DatasetError.wrongType(file: file, line: 1, column: "log_history", expected: "a list", got: history.typeName)
        }
        var points: [Point] = []
        var validation: [ValidationPoint] = []
        var evaluations: [Evaluation] = []
        var trainLoss: Double?
        var trainRuntime: Double?
        for (index, entry) in entries.enumerated() {
            guard case let .object(fields) = entry else {
                throw DatasetError.wrongType(file: file, line: 1, column: "log_history[\(index)]",
                                             expected: "an object", got: entry.typeName)
            }
            let record = TableRecord(file: "\(file): log_history[\(index)]", line: 0, fields: TableRecord.fields(fields))
            if record.has("train_runtime") { trainRuntime = try record.number("train_runtime") }
            if record.has("train_loss") { trainLoss = try record.number("train_loss") }
            let step = try record.count("step")
            let epoch = record.has("epoch") ? try record.number("epoch") : 0
            if record.has("loss") {
                let rate = record.has("learning_rate") ? try record.number("learning_rate") : nil
                points.append(Point(step: step, epoch: epoch, loss: try record.number("loss"), learningRate: rate))
            }
            var metrics: [String: Double] = [:]
            for (key, value) in fields where key.hasPrefix("eval_") {
                if case let .number(number) = value, number.isFinite { metrics[key] = number }
            }
            if !metrics.isEmpty {
                evaluations.append(Evaluation(step: step, epoch: epoch, metrics: metrics))
                if let loss = metrics["eval_loss"] { validation.append(ValidationPoint(step: step, epoch: epoch, loss: loss)) }
            }
        }
        return TrainingLog(url: url, source: .huggingFaceTrainerState, points: points, validation: validation,
                           evaluations: evaluations, trainLoss: trainLoss, trainRuntime: trainRuntime)
    }
}
