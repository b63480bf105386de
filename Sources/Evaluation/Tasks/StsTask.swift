import Datasets
import Metrics

/// Graded similarity (STS) as a task: each model's similarity of the two texts of every pair against
/// the gold score, as sentence-transformers' `EmbeddingSimilarityEvaluator` measures it (Spearman and
/// Pearson, scipy's definitions), with bootstrap intervals, the diagnosis on Spearman, and Williams'
/// test of the difference between the two models (REFERENCE.md).
struct StsTask {
    let dataset: PairDataset
    var seed: UInt64
    var bootstrapSamples = 1000
    /// Failure examples shown per kind.
    var examplesPerKind = 3
    /// Whether the examples show the sentences each model matched (off for guards).
    var matchSentences = true
    private var pairRows: [(Int, Int)] = []
    private var distinctTexts = 0

    /// - Throws: `DatasetError` when a pair has no score (the file is not graded similarity).
    init(dataset: PairDataset, seed: UInt64, requests: inout TextRequests) throws {
        try dataset.validateForSimilarity()
        self.dataset = dataset
        self.seed = seed
        pairRows = dataset.pairs.map { (requests.row($0.textA), requests.row($0.textB)) }
        distinctTexts = Set(pairRows.flatMap { [$0.0, $0.1] }).count
    }

    /// The task's main measure alone: Spearman's rho of the model's similarities with the gold scores.
    func mainMeasure(_ model: EncodedModel) throws -> Double {
        let scores = try model.scores(pairRows)
        return try metric(model.encoder) { try Correlation.spearman(dataset.pairs.map { $0.score! }, scores) }
    }

    func evaluate(baseline: EncodedModel, finetuned: EncodedModel) throws -> StsOutcome {
        let gold = dataset.pairs.map { $0.score! }
        let before = try baseline.scores(pairRows)
        let after = try finetuned.scores(pairRows)
        let overlaps = dataset.pairs.map { LexicalOverlap.overlap($0.textA, $0.textB) }
        let jaccard = overlaps.map(\.jaccard)

        func ranks(_ values: [Double]) -> [Double] { Ranks.midranks(values).map { $0 / Double(values.count) } }
        let goldRanks = ranks(gold), beforeRanks = ranks(before), afterRanks = ranks(after)
        let items = dataset.pairs.indices.map { i in
            StsItem(index: i, line: dataset.pairs[i].line, textA: dataset.pairs[i].textA, textB: dataset.pairs[i].textB,
                    gold: gold[i], baseline: before[i], finetuned: after[i], goldRank: goldRanks[i],
                    baselineRank: beforeRanks[i], finetunedRank: afterRanks[i], shared: overlaps[i].shared)
        }
        var failures = worst(items), broken = broken(items)
        if matchSentences, SentenceMatcher.applies(baseline, finetuned) {
            let texts = (failures + broken).flatMap { [$0.item.textA, $0.item.textB] }
            let matcher = try SentenceMatcher(texts: texts, baseline: baseline, finetuned: finetuned)
            for i in failures.indices { failures[i].sentences = try matcher.match(failures[i].item.textA, failures[i].item.textB) }
            for i in broken.indices { broken[i].sentences = try matcher.match(broken[i].item.textA, broken[i].item.textB) }
        }
        return StsOutcome(
            file: dataset.fileName, digest: dataset.digest, uniqueTexts: distinctTexts,
            goldRange: ClosedInterval(lower: gold.min()!, upper: gold.max()!),
            baseline: try measure(baseline, gold: gold, scores: before),
            finetuned: try measure(finetuned, gold: gold, scores: after),
            comparison: try comparison(gold: gold, baseline: before, finetuned: after),
            items: items, failures: failures, broken: broken,
            overlapWithGold: try? Correlation.spearman(jaccard, gold),
            overlapWithBaseline: try? Correlation.spearman(jaccard, before),
            overlapWithFinetuned: try? Correlation.spearman(jaccard, after))
    }

    private func comparison(gold: [Double], baseline: [Double], finetuned: [Double]) throws -> WilliamsTest {
        do {
            return try WilliamsTest(gold: gold, baseline: baseline, finetuned: finetuned,
                                    bootstrapSamples: bootstrapSamples, seed: seed)
        } catch let error as MetricsError {
            throw EvaluationError.inconsistent("\(dataset.fileName): comparing the two models' Spearman: \(error)")
        }
    }

    private func measure(_ model: EncodedModel, gold: [Double], scores: [Double]) throws -> StsModelResult {
        try metric(model.encoder) {
            let spearman = try Correlation.spearman(gold, scores)
            let spearmanCI = try Correlation.spearmanInterval(gold, scores, samples: bootstrapSamples, seed: seed)
            let mean = scores.reduce(0, +) / Double(scores.count)
            let sd = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(scores.count - 1, 1))).squareRoot()
            return StsModelResult(
                spearman: spearman, spearmanCI95: spearmanCI,
                pearson: try Correlation.pearson(gold, scores),
                pearsonCI95: try Correlation.pearsonInterval(gold, scores, samples: bootstrapSamples, seed: seed),
                diagnosis: DiagnosisRule.diagnose(spearman: spearman, ci95: spearmanCI, scoreSD: sd))
        }
    }

    /// The pairs the baseline ranked farthest from their gold rank, largest gap first (ties in file order).
    private func worst(_ items: [StsItem]) -> [StsFailure] {
        let count = 2 * examplesPerKind
        return items.sorted { ($0.baselineGap, -$0.index) > ($1.baselineGap, -$1.index) }.prefix(count).map { item in
            StsFailure(item: item, tag: item.finetunedGap <= item.baselineGap / 2 ? .fixed
                       : item.finetunedGap > item.baselineGap ? .broken : .stillWrong)
        }
    }

    /// The pairs whose rank gap fine-tuning widened most, among those the baseline placed within a
    /// tenth of the range of their gold rank.
    private func broken(_ items: [StsItem]) -> [StsFailure] {
        items.filter { $0.baselineGap <= 0.1 && $0.finetunedGap > $0.baselineGap }
            .sorted { ($0.finetunedGap - $0.baselineGap, -$0.index) > ($1.finetunedGap - $1.baselineGap, -$1.index) }
            .prefix(examplesPerKind).map { StsFailure(item: $0, tag: .broken) }
    }
}
