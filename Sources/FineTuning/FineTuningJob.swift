import Datasets
import Embeddings
import Foundation

/// One fine-tuning run end to end, as `tunelens finetune` and `tunelens demo` run it: read the training
/// (and validation) pairs, encode their distinct texts once with the frozen base model, train the adapter
/// on those embeddings, and write the sentence-transformers folder with its training log and record.
///
/// The base model's embeddings go through the shared embedding cache when one is given, keyed by the
/// model's digest and each text, so a second run on the same training texts encodes nothing.
public struct FineTuningJob {
    /// Progress of long work: a stage ("encoding", "training"), units done, units in all.
    public typealias Progress = (_ stage: String, _ done: Int, _ total: Int) -> Void

    /// The base model: a sentence-transformers folder or a model id in the local Hugging Face cache.
    public var base: String
    public var trainFile: URL
    /// Validation pairs; when nil, `validationFraction` of the training pairs is held out (seeded).
    public var validationFile: URL?
    public var validationFraction = 0.1
    public var configuration: TrainingConfiguration
    public var output: URL
    /// Replace a non-empty output folder.
    public var force = false
    /// Where embeddings are kept between runs; nil encodes everything.
    public var cache: EmbeddingStore?
    /// The tool and version written into the record ("tunelens 0.1.0").
    public var tool: String

    public init(base: String, trainFile: URL, configuration: TrainingConfiguration, output: URL, tool: String) {
        self.base = base
        self.trainFile = trainFile
        self.configuration = configuration
        self.output = output
        self.tool = tool
    }

    /// What a finished run did.
    public struct Outcome {
        public var result: TrainingResult
        public var record: TrainingRecord
        /// Seconds spent getting the base embeddings (encoding, or reading them from the cache).
        public var encodeSeconds: Double
        /// Whether every base embedding came from the cache.
        public var embeddingsCached: Bool
    }

    public func run(progress: Progress? = nil) throws -> Outcome {
        try configuration.validate()
        guard validationFile != nil || (validationFraction > 0 && validationFraction < 1) else {
            throw FineTuningError.invalidOption(name: "validation-fraction", detail: "must be in (0, 1), got \(validationFraction)")
        }
        let baseFolder = try BaseModelFolder.resolve(base)
        let out = output.standardizedFileURL
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: out.path), !existing.isEmpty, !force {
            throw FineTuningError.outputExists(path: out.path)
        }

        // Inputs first: a bad file should fail before minutes of encoding.
        let trainSet = try PairDataset.read(trainFile)
        var table = try IndexedPairs.prepare(trainSet.pairs.map(Self.trainingPair), loss: configuration.loss, file: trainFile.path)
        var trainingPairs = table.pairs
        let validationPairs: [IndexedPair]
        var validationReference: TrainingRecord.FileReference?
        if let validationFile {
            let validationSet = try PairDataset.read(validationFile)
            let prepared = try IndexedPairs.prepare(validationSet.pairs.map(Self.trainingPair),
                                                    loss: configuration.loss, file: validationFile.path)
            validationPairs = table.absorb(prepared)
            validationReference = .init(name: validationFile.relativePath, digest: validationSet.digest)
        } else {
            let split = AdapterTrainer.holdOut(table.pairs, fraction: validationFraction, seed: configuration.seed,
                                               minimum: configuration.loss == .mnrl ? 2 : 1)
            trainingPairs = split.training
            validationPairs = split.validation
        }

        let encoder = try EncoderLoader.load(baseFolder.path, cache: cache)
        let clock = ContinuousClock()
        let encodeStart = clock.now
        let embeddings = try encoder.encode(table.texts) { progress?("encoding", $0, $1) }
        let encodeSeconds = Self.seconds(clock.now - encodeStart)
        let cached = (encoder as? CachedEncoder).map { $0.lastMisses == 0 } ?? false

        let result = try AdapterTrainer(configuration: configuration).train(
            embeddings: embeddings, training: trainingPairs, validation: validationPairs
        ) { progress?("training", $0.step, $0.totalSteps) }

        let record = TrainingRecord(
            tool: tool, baseModel: .init(name: base, digest: encoder.digest),
            trainFile: .init(name: trainFile.relativePath, digest: trainSet.digest),
            validationFile: validationReference,
            validationFraction: validationFile == nil ? validationFraction : nil,
            trainingPairs: trainingPairs.count, validationPairs: validationPairs.count,
            distinctTexts: table.texts.count, configuration: configuration, result: result,
            encodeSeconds: encodeSeconds, embeddingsCached: cached)
        try AdapterModelWriter.write(adapter: result.adapter, baseFolder: baseFolder, log: result.log,
                                     record: record, to: out, force: force)
        return Outcome(result: result, record: record, encodeSeconds: encodeSeconds, embeddingsCached: cached)
    }

    static func trainingPair(_ pair: LabeledPair) -> TrainingPair {
        TrainingPair(textA: pair.textA, textB: pair.textB, label: pair.label, score: pair.score, line: pair.line)
    }

    /// A duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
