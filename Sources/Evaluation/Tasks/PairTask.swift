import Core
import Datasets
import Embeddings
import Foundation
import LinearAlgebra
import Metrics

/// Pair classification as a task: each model's similarity (cosine unless the model or `--similarity`
/// says otherwise) of the two texts of every held-out pair is its score for "is this a positive pair"; AUC, Cohen's d and the rest per model, DeLong's test and the
/// paired bootstrap between them, verdicts fixed and broken, the word-overlap analysis, the failure
/// examples, and (with a training split) leakage and the train-vs-held-out gap.
struct PairTask {
    let dataset: PairDataset
    let train: PairDataset?
    var threshold: Double
    var seed: UInt64
    var bootstrapSamples = 1000
    /// Failure examples shown per kind.
    var examplesPerKind = 3
    /// Training pairs encoded for the train-vs-held-out gap (a seeded sample when there are more).
    var trainPairsForGap = 500
    /// Whether the failure examples show the sentences each model matched (off for guards), and the
    /// negatives and positives sampled for the sentence-match shares.
    var matchSentences = true
    var sentenceSample = 100

    /// Rows of each pair's two texts, and of the sampled training pairs' texts.
    private var pairRows: [(Int, Int)] = []
    private var trainSample: [LabeledPair] = []
    private var trainRows: [(Int, Int)] = []
    /// The rows of the held-out pairs' distinct texts, in order of first appearance (the first rows
    /// requested when the pairs are the primary data, elsewhere when they are a guard), and each pair's
    /// two texts as positions in that list.
    private var textRows: [Int] = []
    private var localPairs: [(Int, Int)] = []
    private var evalTextCount: Int { textRows.count }

    init(dataset: PairDataset, train: PairDataset?, threshold: Double, seed: UInt64, requests: inout TextRequests) {
        self.dataset = dataset
        self.train = train
        self.threshold = threshold
        self.seed = seed
        pairRows = dataset.pairs.map { (requests.row($0.textA), requests.row($0.textB)) }
        var local: [Int: Int] = [:]
        for row in pairRows.flatMap({ [$0.0, $0.1] }) where local[row] == nil {
            local[row] = textRows.count
            textRows.append(row)
        }
        localPairs = pairRows.map { (local[$0.0]!, local[$0.1]!) }
    }

    /// Registers the sampled training pairs' texts (for the train-vs-held-out gap), after the run's
    /// other requests so the held-out texts keep the first rows.
    mutating func requestTrainingTexts(_ requests: inout TextRequests) {
        trainSample = train.map { sampleTrainPairs($0.pairs) } ?? []
        trainRows = trainSample.map { (requests.row($0.textA), requests.row($0.textB)) }
    }

    /// The task's main measure alone: AUC of the model's similarities against the labels.
    func mainMeasure(_ model: EncodedModel) throws -> Double {
        ROC.auc(scores: try model.scores(pairRows), labels: dataset.pairs.map { $0.label == true })
    }

    func evaluate(baseline baselineModel: EncodedModel, finetuned finetunedModel: EncodedModel) throws -> PairOutcome {
        let pairs = dataset.pairs
        let labels = pairs.map { $0.label == true }
        let baselineScores = try baselineModel.scores(pairRows)
        let finetunedScores = try finetunedModel.scores(pairRows)
        // The paired bootstrap first: its replicates also give each model's Cohen's d interval.
        let paired = try PairedComparison(baseline: baselineScores, finetuned: finetunedScores, labels: labels,
                                          threshold: threshold, bootstrapSamples: bootstrapSamples, seed: seed)
        let measureTests = try PairedMeasureTests(labels: labels, a: baselineScores, b: finetunedScores, thresholdA: threshold,
                                                  thresholdB: threshold, seedA: seed, seedB: seed,
                                                  bootstrapSamples: bootstrapSamples, seed: seed)
        let baseline = try measure(encoder: baselineModel.encoder, reference: baselineModel.reference, rows: baselineModel.rows,
                                   pairIDs: pairRows, scores: baselineScores, labels: labels,
                                   gold: gold(pairs), cohensDCI: paired.baselineCohensDCI95)
        let finetuned = try measure(encoder: finetunedModel.encoder, reference: finetunedModel.reference, rows: finetunedModel.rows,
                                    pairIDs: pairRows, scores: finetunedScores, labels: labels,
                                    gold: gold(pairs), cohensDCI: paired.finetunedCohensDCI95)

        let lexical = try LexicalOverlap(left: pairs.map(\.textA), right: pairs.map(\.textB), labels: labels,
                                         baseline: baselineScores, finetuned: finetunedScores)
        let scored = pairs.enumerated().map { i, pair in
            ScoredPair(index: i, textA: pair.textA, textB: pair.textB, label: pair.label == true, score: pair.score,
                       baseline: baselineScores[i], finetuned: finetunedScores[i])
        }
        let examples = ExampleSelection(pairs: scored, lexical: lexical, verdicts: paired.verdicts, threshold: threshold,
                                        perKind: examplesPerKind)
        var failures = examples.baselineFailures, remaining = examples.remainingErrors
        var sentenceMatches: SentenceMatchSummary?
        if matchSentences, SentenceMatcher.applies(baselineModel, finetunedModel) {
            let sample = SentenceMatcher.sample(scored, perClass: sentenceSample, seed: seed)
            let texts = (failures + remaining.examples).flatMap { [$0.pair.textA, $0.pair.textB] }
                + (sample.negatives + sample.positives).flatMap { [$0.textA, $0.textB] }
            let matcher = try SentenceMatcher(texts: texts, baseline: baselineModel, finetuned: finetunedModel)
            for i in failures.indices { failures[i].sentences = try matcher.match(failures[i].pair.textA, failures[i].pair.textB) }
            for i in remaining.examples.indices {
                remaining.examples[i].sentences = try matcher.match(remaining.examples[i].pair.textA, remaining.examples[i].pair.textB)
            }
            sentenceMatches = try matcher.summary(negatives: sample.negatives, positives: sample.positives, pairs: scored)
        }
        var outcome = PairOutcome(
            data: DataSummary(file: dataset.fileName, digest: dataset.digest, pairs: pairs.count, positives: dataset.positiveCount,
                              negatives: dataset.negativeCount, uniqueTexts: evalTextCount, hasScores: dataset.hasScores,
                              trainFile: train?.fileName, trainPairs: train?.pairs.count),
            baseline: baseline, finetuned: finetuned,
            comparison: ComparisonResult(
                deltaAUC: paired.deltaAUC, deltaAUCCI: paired.deltaAUCCI95, deltaD: paired.deltaD,
                deltaDCI: paired.deltaDCI95, bootstrapSamples: paired.bootstrapSamples,
                delongZ: paired.delongZ, delongP: paired.delongP, fixed: paired.fixed, broken: paired.broken,
                stillWrong: paired.stillWrong, bothRight: paired.stillRight,
                ownThreshold: VerdictCounts(paired.ownThreshold), measures: MeasureComparison.table(measureTests)),
            pairs: scored, failures: failures,
            lexical: LexicalAnalysis(
                overlapAUC: lexical.overlapAUC, baselineCorrelation: lexical.baselineSpearman,
                finetunedCorrelation: lexical.finetunedSpearman,
                meanOverlapPositive: mean(zip(lexical.pairs, labels).filter(\.1).map(\.0.jaccard)),
                meanOverlapNegative: mean(zip(lexical.pairs, labels).filter { !$0.1 }.map(\.0.jaccard))),
            remainingErrors: remaining,
            overfitting: try overfittingCheck(train: train, sample: trainSample, trainIDs: trainRows, evalPairs: pairs,
                                              evalTexts: evalTexts(), baseline: baselineModel, finetuned: finetunedModel))
        outcome.sentenceMatches = sentenceMatches
        return outcome
    }

    /// The held-out pairs' distinct texts, in order of first appearance.
    private func evalTexts() -> [String] {
        var seen = Set<String>(), texts: [String] = []
        for pair in dataset.pairs {
            for text in [pair.textA, pair.textB] where seen.insert(text).inserted { texts.append(text) }
        }
        return texts
    }

    private func gold(_ pairs: [LabeledPair]) -> [Double]? {
        let scores = pairs.compactMap(\.score)
        return scores.count == pairs.count ? scores : nil
    }

    /// Up to `trainPairsForGap` labelled training pairs, a seeded sample when there are more.
    private func sampleTrainPairs(_ pairs: [LabeledPair]) -> [LabeledPair] {
        let labelled = pairs.filter { $0.label != nil }
        guard labelled.count > trainPairsForGap else { return labelled }
        var generator = SplitMix64(seed: seed)
        var indices = Array(labelled.indices)
        generator.shuffle(&indices)
        return indices.prefix(trainPairsForGap).sorted().map { labelled[$0] }
    }

    /// One model's numbers on the pairs.
    private func measure(encoder: any TextEncoder, reference: String, rows: EmbeddingMatrix,
                         pairIDs: [(Int, Int)], scores: [Double], labels: [Bool], gold: [Double]?,
                         cohensDCI: ClosedInterval?) throws -> ModelResult {
        // The held-out texts' rows: the matrix's first rows when the pairs are the primary data (no
        // copy), else (a guard) a matrix of their own.
        let isPrefix = textRows.enumerated().allSatisfy { $0.offset == $0.element }
        let evalRows = isPrefix ? rows : rows.selecting(textRows)
        let uniformity = try metric(encoder) { try EmbeddingSpace.uniformity(evalRows, count: evalTextCount, seed: seed) }
        let classification = try metric(encoder) {
            // No bootstrap of its own: the paired one gave the d interval from the same draws.
            try PairClassification(scores: scores, labels: labels, threshold: threshold,
                                   bootstrapSamples: 0, seed: seed, uniformity: uniformity.value)
        }
        let positives = zip(pairIDs, labels).filter(\.1).map(\.0)
        let alignment = try metric(encoder) {
            try EmbeddingSpace.alignment(rows, pairs: positives)
        }
        let sts = try gold.map { gold in
            STSResult(spearman: try metric(encoder) { try Correlation.spearman(gold, scores) },
                      pearson: try metric(encoder) { try Correlation.pearson(gold, scores) })
        }
        let projection = try metric(encoder) { try projectionOf(evalRows, count: evalTextCount, pairIDs: localPairs, labels: labels) }
        let c = classification
        return ModelResult(
            name: encoder.name, reference: reference, digest: encoder.digest, dimension: encoder.dimension,
            classification: ClassificationResult(
                auc: c.auc, aucCI: c.aucCI95, cohensD: c.cohensD, cohensDCI: cohensDCI,
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
    private func projectionOf(_ rows: EmbeddingMatrix, count: Int, pairIDs: [(Int, Int)], labels: [Bool]) throws -> Projection {
        var classOf = [Bool?](repeating: nil, count: count)
        for ((a, b), label) in zip(pairIDs, labels) {
            if classOf[a] == nil { classOf[a] = label }
            if classOf[b] == nil { classOf[b] = label }
        }
        let coordinates = try EmbeddingSpace.pca2D(rows, count: count)
        return Projection(points: zip(coordinates, classOf).map { xy, label in
            Projection.Point(x: xy[0], y: xy.count > 1 ? xy[1] : 0, positive: label ?? false)
        }, explainedVariance: [])
    }

    private func overfittingCheck(train: PairDataset?, sample: [LabeledPair], trainIDs: [(Int, Int)], evalPairs: [LabeledPair],
                                  evalTexts: [String], baseline: EncodedModel, finetuned: EncodedModel) throws -> OverfittingCheck? {
        guard let train else { return nil }
        let trainTexts = train.pairs.flatMap { [$0.textA, $0.textB] }
        let leakage = Leakage(evalTexts: evalTexts, trainTexts: trainTexts)
        func key(_ a: String, _ b: String) -> String {
            let (x, y) = (Leakage.normalize(a), Leakage.normalize(b))
            return x < y ? x + "\u{0}" + y : y + "\u{0}" + x
        }
        let trainPairKeys = Set(train.pairs.map { key($0.textA, $0.textB) })
        let leakedPairs = evalPairs.filter { trainPairKeys.contains(key($0.textA, $0.textB)) }.count

        let labels = sample.map { $0.label == true }
        var trainAUC: (Double, Double) = (.nan, .nan)
        if labels.contains(true) && labels.contains(false) {
            func auc(_ model: EncodedModel) throws -> Double {
                let scores = try model.scores(trainIDs)
                return try metric(model.encoder) {
                    try PairClassification(scores: scores, labels: labels, threshold: threshold,
                                           bootstrapSamples: 0, seed: seed).auc
                }
            }
            trainAUC = (try auc(baseline), try auc(finetuned))
        }
        return OverfittingCheck(exactDuplicates: leakage.exact, nearDuplicates: leakage.normalized - leakage.exact,
                                leakedPairs: leakedPairs, trainAUCBaseline: trainAUC.0, trainAUCFinetuned: trainAUC.1,
                                trainPairsMeasured: sample.count)
    }

    func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

/// Runs a metric, naming the model in any error it raises.
func metric<T>(_ encoder: any TextEncoder, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as MetricsError {
        throw EvaluationError.inconsistent("\(encoder.name): \(error)")
    }
}
