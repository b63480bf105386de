import Metrics

/// A graded-similarity (STS) data set evaluated on both models: each model's Spearman and Pearson
/// correlation with the gold scores (with bootstrap intervals) and its diagnosis, Williams' test of
/// the Spearman difference with a paired bootstrap interval, every pair's scores, the pairs that most
/// disagree with the gold scores, and how much word overlap explains.
public struct StsOutcome: Sendable {
    /// The file as given (its name, not the path), its SHA-256, sizes and the gold scores' range.
    public var file: String
    public var digest: String
    public var uniqueTexts: Int
    public var goldRange: ClosedInterval
    public var baseline: StsModelResult
    public var finetuned: StsModelResult
    /// Williams' test on Spearman's rho and the paired bootstrap interval of the difference.
    public var comparison: WilliamsTest
    /// Every pair in data order: gold score and both models' similarities.
    public var items: [StsItem]
    /// The pairs the baseline ranked farthest from their gold rank, and those fine-tuning moved farthest away.
    public var failures: [StsFailure]
    public var broken: [StsFailure]
    /// Spearman's rho of Jaccard word overlap with the gold scores and with each model's similarity.
    public var overlapWithGold: Double?
    public var overlapWithBaseline: Double?
    public var overlapWithFinetuned: Double?

    public var pairs: Int { items.count }
}

/// One model on graded pairs.
public struct StsModelResult: Sendable {
    public var spearman: Double
    public var spearmanCI95: ClosedInterval?
    public var pearson: Double
    public var pearsonCI95: ClosedInterval?
    public var diagnosis: Diagnosis
}

/// One graded pair with both models' similarities.
public struct StsItem: Sendable {
    /// Position in the data, from 0, and the file's line.
    public var index: Int
    public var line: Int
    public var textA: String
    public var textB: String
    public var gold: Double
    public var baseline: Double
    public var finetuned: Double
    /// Each score's rank among the data's, as a share of the pairs (midranks / n, in (0, 1]).
    public var goldRank: Double
    public var baselineRank: Double
    public var finetunedRank: Double
    /// Content words the two texts share (the word-overlap analysis's).
    public var shared: [String]

    /// How far each model puts the pair from where the gold scores put it: |rank - gold rank|.
    public var baselineGap: Double { abs(baselineRank - goldRank) }
    public var finetunedGap: Double { abs(finetunedRank - goldRank) }
}

/// A pair the report shows in its "why" section.
public struct StsFailure: Sendable {
    public enum Tag: String, Sendable {
        /// Fine-tuning halved the pair's rank gap or better.
        case fixed
        case stillWrong = "still wrong"
        /// Fine-tuning moved the pair farther from its gold rank.
        case broken
    }

    public var item: StsItem
    public var tag: Tag
    /// The sentence pair each model matched best (nil when sentence matching did not run).
    public var sentences: MatchedSentences?
}
