import Foundation
import Metrics

/// The baseline and the fine-tuned model compared on the same pairs.
public struct ComparisonResult: Sendable {
    /// AUC(fine-tuned) - AUC(baseline).
    public var deltaAUC: Double
    /// Paired bootstrap 95% interval of the AUC difference.
    public var deltaAUCCI: ClosedInterval?
    /// Cohen's d(fine-tuned) - d(baseline), with its paired bootstrap 95% interval; nil when a d is undefined.
    public var deltaD: Double?
    public var deltaDCI: ClosedInterval?
    public var bootstrapSamples: Int
    /// DeLong's test for two correlated AUCs; nil when its variance is zero.
    public var delongZ: Double?
    public var delongP: Double?
    /// Pairs wrong at the fixed threshold under the baseline and right under the fine-tuned model,
    /// and so on: the same threshold for both models, so a shift of every score moves these.
    public var fixed: Int
    public var broken: Int
    public var stillWrong: Int
    public var bothRight: Int
    /// The same verdicts at each model's own cross-fitted threshold: the counts to quote.
    public var ownThreshold: VerdictCounts
    /// Every measure shown for both models with its paired test, Holm-adjusted across them.
    public var measures: [MeasureComparison]

    public init(deltaAUC: Double, deltaAUCCI: ClosedInterval?, deltaD: Double?, deltaDCI: ClosedInterval?,
                bootstrapSamples: Int, delongZ: Double?, delongP: Double?, fixed: Int, broken: Int,
                stillWrong: Int, bothRight: Int, ownThreshold: VerdictCounts, measures: [MeasureComparison] = []) {
        self.deltaAUC = deltaAUC
        self.deltaAUCCI = deltaAUCCI
        self.deltaD = deltaD
        self.deltaDCI = deltaDCI
        self.bootstrapSamples = bootstrapSamples
        self.delongZ = delongZ
        self.delongP = delongP
        self.fixed = fixed
        self.broken = broken
        self.stillWrong = stillWrong
        self.bothRight = bothRight
        self.ownThreshold = ownThreshold
        self.measures = measures
    }
}

/// How many pairs each model got right or wrong, judged at each model's own cross-fitted
/// threshold (`Metrics.OwnThresholdVerdicts`).
public struct VerdictCounts: Sendable, Equatable {
    public var fixed: Int
    public var broken: Int
    public var stillWrong: Int
    public var stillRight: Int
    /// Cross-fitting folds, the same seeded folds for both models.
    public var folds: Int

    public init(fixed: Int, broken: Int, stillWrong: Int, stillRight: Int, folds: Int) {
        self.fixed = fixed
        self.broken = broken
        self.stillWrong = stillWrong
        self.stillRight = stillRight
        self.folds = folds
    }

    public init(_ verdicts: OwnThresholdVerdicts) {
        self.init(fixed: verdicts.fixed, broken: verdicts.broken, stillWrong: verdicts.stillWrong,
                  stillRight: verdicts.stillRight, folds: verdicts.folds)
    }
}

/// What a pair's verdict did between the two models, at the threshold.
public enum VerdictChange: String, Sendable {
    case fixed = "fixed"
    case stillWrong = "still wrong"
    case broken = "broken"
    case stillRight = "still right"

    /// Classifies a pair from whether each model called it right.
    public init(baselineRight: Bool, finetunedRight: Bool) {
        switch (baselineRight, finetunedRight) {
        case (false, true): self = .fixed
        case (false, false): self = .stillWrong
        case (true, false): self = .broken
        case (true, true): self = .stillRight
        }
    }
}

/// A pair the baseline got badly wrong, annotated for the "why" section.
public struct FailureExample: Sendable {
    public enum Kind: String, Sendable {
        /// A negative pair the baseline scored among the highest.
        case highNegative
        /// A positive pair the baseline scored among the lowest.
        case lowPositive
    }
    public var pair: ScoredPair
    public var kind: Kind
    /// Lower-cased words (stop words removed) that both texts contain.
    public var sharedWords: [String]
    public var change: VerdictChange
    /// The sentence pair each model matched best (nil when sentence matching did not run).
    public var sentences: MatchedSentences?

    public init(pair: ScoredPair, kind: Kind, sharedWords: [String], change: VerdictChange) {
        self.pair = pair
        self.kind = kind
        self.sharedWords = sharedWords
        self.change = change
    }
}

/// How much of the similarity is explained by word overlap alone.
public struct LexicalAnalysis: Sendable {
    /// AUC of Jaccard word overlap used as the score.
    public var overlapAUC: Double
    /// Spearman correlation of overlap with each model's similarity; nil when undefined.
    public var baselineCorrelation: Double?
    public var finetunedCorrelation: Double?
    /// Mean overlap of positive and of negative pairs.
    public var meanOverlapPositive: Double
    public var meanOverlapNegative: Double

    public init(overlapAUC: Double, baselineCorrelation: Double?, finetunedCorrelation: Double?,
                meanOverlapPositive: Double, meanOverlapNegative: Double) {
        self.overlapAUC = overlapAUC
        self.baselineCorrelation = baselineCorrelation
        self.finetunedCorrelation = finetunedCorrelation
        self.meanOverlapPositive = meanOverlapPositive
        self.meanOverlapNegative = meanOverlapNegative
    }
}

/// The fine-tuned model's remaining mistakes at the threshold.
public struct RemainingErrors: Sendable {
    public var falsePositives: Int
    public var falseNegatives: Int
    /// The worst remaining mistakes (farthest on the wrong side of the threshold).
    public var examples: [FailureExample]
    /// Remaining mistakes where at least one text is low-information (short or generic).
    public var lowInformation: Int
    /// Share of low-information texts among all pairs, for comparison.
    public var lowInformationShareOverall: Double

    public init(falsePositives: Int, falseNegatives: Int, examples: [FailureExample], lowInformation: Int,
                lowInformationShareOverall: Double) {
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.examples = examples
        self.lowInformation = lowInformation
        self.lowInformationShareOverall = lowInformationShareOverall
    }
}
