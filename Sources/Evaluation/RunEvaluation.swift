import Datasets
import Embeddings
import Foundation
import Metrics

/// One evaluation run: both models through the one shared encoder entry point, every metric through
/// `Metrics`, the result as a `RunResult`. Nothing here formats or decides wording.
///
/// Order of work: read the data (and probes, training split, retrieval folder), load both models,
/// encode each distinct text once per model, take the cosine of each pair, then measure.
public struct RunEvaluation {
    /// Progress of long work: a stage label ("baseline", "fine-tuned"), texts done, texts in all.
    public typealias Progress = (_ stage: String, _ done: Int, _ total: Int) -> Void

    public var config: RunConfig
    public var commandLine: [String]
    public var toolVersion: String
    /// The generation time written into the report (`SOURCE_DATE_EPOCH` when set).
    public var created: Date
    /// Bootstrap resamples for the intervals.
    public var bootstrapSamples = 1000
    /// Failure examples shown per kind.
    public var examplesPerKind = 3
    /// Training pairs encoded for the train-vs-held-out gap (a seeded sample when there are more).
    public var trainPairsForGap = 500
    /// Where embeddings are kept between runs (keyed by model digest and text), so a second report that
    /// shares the baseline encodes only what changed; nil encodes everything.
    public var cache: EmbeddingStore?

    public init(config: RunConfig, commandLine: [String], toolVersion: String, created: Date) {
        self.config = config
        self.commandLine = commandLine
        self.toolVersion = toolVersion
        self.created = created
    }

    /// The generation time: `SOURCE_DATE_EPOCH` (seconds since 1970) when set and valid, else now.
    public static func creationDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    public func run(progress: Progress? = nil) throws -> RunResult {
        guard let baselineReference = config.baseline else { throw EvaluationError.missingInput("the baseline model (--baseline or baseline: in the config)") }
        guard let finetunedReference = config.finetuned else { throw EvaluationError.missingInput("the fine-tuned model (--finetuned or finetuned: in the config)") }
        guard let dataPath = config.data else { throw EvaluationError.missingInput("the evaluation data (--data or data: in the config)") }

        // Inputs first: a bad file should fail before minutes of encoding.
        let dataset = try PairDataset.read(URL(fileURLWithPath: dataPath), columns: columns)
        try dataset.validateForPairClassification()
        let probes = try config.probes.map { try ProbeSet.read(URL(fileURLWithPath: $0)) }
        let train = try config.train.map { try PairDataset.read(URL(fileURLWithPath: $0), columns: columns) }
        let retrieval = try config.retrieval.map { try RetrievalDataset.read(folder: URL(fileURLWithPath: $0)) }
        let trainingLog = try readTrainingLog(finetunedReference: finetunedReference)

        let baselineEncoder = try EncoderLoader.load(baselineReference, cache: cache)
        let finetunedEncoder = try EncoderLoader.load(finetunedReference, cache: cache)
        guard baselineEncoder.dimension > 0, finetunedEncoder.dimension > 0 else {
            throw EvaluationError.inconsistent("a model reports an embedding dimension of 0")
        }

        // Every text the run needs, once, in order of first appearance.
        var texts = TextIndex()
        let pairs = dataset.pairs
        let pairIDs = pairs.map { (texts.id($0.textA), texts.id($0.textB)) }
        let probeIDs = probes?.probes.map { (texts.id($0.a), texts.id($0.b)) } ?? []
        let trainSample = train.map { sampleTrainPairs($0.pairs) } ?? []
        let trainIDs = trainSample.map { (texts.id($0.textA), texts.id($0.textB)) }

        let baselineRows = try baselineEncoder.encode(texts.texts) { progress?("baseline", $0, $1) }
        let finetunedRows = try finetunedEncoder.encode(texts.texts) { progress?("fine-tuned", $0, $1) }
        try checkRows(baselineRows, count: texts.texts.count, encoder: baselineEncoder)
        try checkRows(finetunedRows, count: texts.texts.count, encoder: finetunedEncoder)

        let labels = pairs.map { $0.label == true }
        let baselineScores = try cosines(pairIDs, baselineRows, encoder: baselineEncoder)
        let finetunedScores = try cosines(pairIDs, finetunedRows, encoder: finetunedEncoder)

        let evalTextCount = texts.evalTextCount(pairIDs)
        let baseline = try measure(encoder: baselineEncoder, reference: baselineReference, rows: baselineRows,
                                   evalTexts: evalTextCount, pairIDs: pairIDs, scores: baselineScores, labels: labels, gold: gold(pairs))
        let finetuned = try measure(encoder: finetunedEncoder, reference: finetunedReference, rows: finetunedRows,
                                    evalTexts: evalTextCount, pairIDs: pairIDs, scores: finetunedScores, labels: labels, gold: gold(pairs))

        let paired = try PairedComparison(baseline: baselineScores, finetuned: finetunedScores, labels: labels,
                                          threshold: config.threshold, bootstrapSamples: bootstrapSamples, seed: config.seed)
        let lexical = try LexicalOverlap(left: pairs.map(\.textA), right: pairs.map(\.textB), labels: labels,
                                         baseline: baselineScores, finetuned: finetunedScores)

        let scored = pairs.enumerated().map { i, pair in
            ScoredPair(index: i, textA: pair.textA, textB: pair.textB, label: pair.label == true, score: pair.score,
                       baseline: baselineScores[i], finetuned: finetunedScores[i])
        }
        let examples = ExampleSelection(pairs: scored, lexical: lexical, verdicts: paired.verdicts, threshold: config.threshold,
                                        perKind: examplesPerKind)

        let hyperparameters = config.hyperparameters.isEmpty ? trainingRecordSettings(finetunedReference) : config.hyperparameters
        let runName = config.name ?? ""
        let result = RunResult(
            run: RunInfo(name: runName, title: config.title ?? "Fine-tuning evaluation", created: created, toolVersion: toolVersion,
                         seed: config.seed, threshold: config.threshold, hyperparameters: hyperparameters, notes: config.notes,
                         commandLine: commandLine),
            data: DataSummary(file: dataset.fileName, digest: dataset.digest, pairs: pairs.count, positives: dataset.positiveCount,
                              negatives: dataset.negativeCount, uniqueTexts: evalTextCount, hasScores: dataset.hasScores,
                              trainFile: train?.fileName, trainPairs: train?.pairs.count),
            baseline: baseline, finetuned: finetuned,
            comparison: ComparisonResult(
                deltaAUC: paired.deltaAUC, deltaAUCCI: paired.deltaAUCCI95, deltaD: paired.deltaD,
                deltaDCI: paired.deltaDCI95, bootstrapSamples: paired.bootstrapSamples,
                delongZ: paired.delongZ, delongP: paired.delongP, fixed: paired.fixed, broken: paired.broken,
                stillWrong: paired.stillWrong, bothRight: paired.stillRight),
            pairs: scored, failures: examples.baselineFailures,
            lexical: LexicalAnalysis(
                overlapAUC: lexical.overlapAUC, baselineCorrelation: lexical.baselineSpearman,
                finetunedCorrelation: lexical.finetunedSpearman,
                meanOverlapPositive: mean(zip(lexical.pairs, labels).filter(\.1).map(\.0.jaccard)),
                meanOverlapNegative: mean(zip(lexical.pairs, labels).filter { !$0.1 }.map(\.0.jaccard))),
            remainingErrors: examples.remainingErrors,
            training: trainingLog,
            probes: try probeOutcomes(probes, probeIDs, baselineRows, finetunedRows),
            retrieval: try retrievalComparison(retrieval, baselineEncoder, finetunedEncoder),
            overfitting: try overfittingCheck(train: train, sample: trainSample, trainIDs: trainIDs, evalPairs: pairs,
                                              evalTexts: Array(texts.texts.prefix(evalTextCount)),
                                              baselineRows: baselineRows, finetunedRows: finetunedRows,
                                              baselineEncoder: baselineEncoder, finetunedEncoder: finetunedEncoder))
        return result
    }

    var columns: PairColumns {
        PairColumns(textA: config.columns["text_a"] ?? "text_a", textB: config.columns["text_b"] ?? "text_b",
                    label: config.columns["label"] ?? "label", score: config.columns["score"] ?? "score")
    }

    private func gold(_ pairs: [LabeledPair]) -> [Double]? {
        let scores = pairs.compactMap(\.score)
        return scores.count == pairs.count ? scores : nil
    }

    /// One model's numbers on the pairs.
    private func measure(encoder: any TextEncoder, reference: String, rows: [[Float]], evalTexts: Int,
                         pairIDs: [(Int, Int)], scores: [Double], labels: [Bool], gold: [Double]?) throws -> ModelResult {
        let evalRows = Array(rows.prefix(evalTexts))
        let uniformity = try wrap(encoder) { try EmbeddingSpace.uniformity(evalRows, seed: config.seed) }
        let classification = try wrap(encoder) {
            try PairClassification(scores: scores, labels: labels, threshold: config.threshold,
                                   bootstrapSamples: bootstrapSamples, seed: config.seed, uniformity: uniformity.value)
        }
        let positives = zip(pairIDs, labels).filter(\.1).map(\.0)
        let alignment = try wrap(encoder) {
            try EmbeddingSpace.alignment(positives.map { rows[$0.0] }, positives.map { rows[$0.1] })
        }
        let sts = try gold.map { gold in
            STSResult(spearman: try wrap(encoder) { try Correlation.spearman(gold, scores) },
                      pearson: try wrap(encoder) { try Correlation.pearson(gold, scores) })
        }
        let projection = try wrap(encoder) { try projectionOf(evalRows, pairIDs: pairIDs, labels: labels) }
        let c = classification
        return ModelResult(
            name: encoder.name, reference: reference, digest: encoder.digest, dimension: encoder.dimension,
            classification: ClassificationResult(
                auc: c.auc, aucCI: c.aucCI95, cohensD: c.cohensD, cohensDCI: c.cohensDCI95,
                margin: c.margin, meanPositive: c.meanPositive, meanNegative: c.meanNegative, threshold: c.threshold,
                accuracy: c.atThreshold.accuracy, precision: c.atThreshold.precision, recall: c.atThreshold.recall,
                f1: c.atThreshold.f1, mcc: c.atThreshold.mcc, averagePrecision: c.averagePrecision,
                diagnosis: c.diagnosis,
                roc: c.roc,
                optimisticAccuracy: c.bestAccuracy.accuracy, optimisticThreshold: c.bestAccuracy.threshold,
                crossFittedAccuracy: c.crossFitted.metrics.accuracy, crossFittedFolds: c.crossFitted.folds,
                crossFittedThresholds: c.crossFitted.foldThresholds),
            sts: sts, alignment: alignment, uniformity: uniformity.value, uniformitySampled: uniformity.sampled,
            projection: projection)
    }

    /// The evaluation texts on two principal components; a text's class is that of the first pair using it.
    private func projectionOf(_ rows: [[Float]], pairIDs: [(Int, Int)], labels: [Bool]) throws -> Projection {
        var classOf = [Bool?](repeating: nil, count: rows.count)
        for ((a, b), label) in zip(pairIDs, labels) {
            if classOf[a] == nil { classOf[a] = label }
            if classOf[b] == nil { classOf[b] = label }
        }
        let coordinates = try EmbeddingSpace.pca2D(rows)
        return Projection(points: zip(coordinates, classOf).map { xy, label in
            Projection.Point(x: xy[0], y: xy.count > 1 ? xy[1] : 0, positive: label ?? false)
        }, explainedVariance: [])
    }

    private func cosines(_ ids: [(Int, Int)], _ rows: [[Float]], encoder: any TextEncoder) throws -> [Double] {
        try ids.map { a, b in try wrap(encoder) { try ProbeResult.cosine(rows[a], rows[b]) } }
    }

    private func checkRows(_ rows: [[Float]], count: Int, encoder: any TextEncoder) throws {
        guard rows.count == count else {
            throw EvaluationError.inconsistent("\(encoder.name): returned \(rows.count) embeddings for \(count) texts")
        }
        for row in rows where row.count != encoder.dimension {
            throw EvaluationError.inconsistent("\(encoder.name): an embedding has \(row.count) dimensions, expected \(encoder.dimension)")
        }
    }

    /// Runs a metric, naming the model in any error it raises.
    func wrap<T>(_ encoder: any TextEncoder, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MetricsError {
            throw EvaluationError.inconsistent("\(encoder.name): \(error)")
        }
    }

    func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

/// Distinct texts in order of first appearance; `id` gives each text's row.
struct TextIndex {
    private(set) var texts: [String] = []
    private var ids: [String: Int] = [:]

    mutating func id(_ text: String) -> Int {
        if let id = ids[text] { return id }
        ids[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// The evaluation pairs' texts come first, so they are the first `n` rows.
    func evalTextCount(_ pairIDs: [(Int, Int)]) -> Int {
        (pairIDs.map { max($0.0, $0.1) }.max() ?? -1) + 1
    }
}
