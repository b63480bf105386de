/// A pair-classification data set evaluated on both models: each model's numbers, the paired
/// comparison, every pair's scores, the failure examples, the word-overlap analysis, what is still
/// wrong, and (with a training split) leakage and the train-vs-held-out gap.
public struct PairOutcome: Sendable {
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
    /// Train/test leakage and the train-vs-held-out gap, when a training split is given.
    public var overfitting: OverfittingCheck?
    /// How often each model's best-matching sentences score above its median pair (a sample).
    public var sentenceMatches: SentenceMatchSummary?

    public init(data: DataSummary, baseline: ModelResult, finetuned: ModelResult, comparison: ComparisonResult,
                pairs: [ScoredPair], failures: [FailureExample], lexical: LexicalAnalysis,
                remainingErrors: RemainingErrors, overfitting: OverfittingCheck?) {
        self.data = data
        self.baseline = baseline
        self.finetuned = finetuned
        self.comparison = comparison
        self.pairs = pairs
        self.failures = failures
        self.lexical = lexical
        self.remainingErrors = remainingErrors
        self.overfitting = overfitting
    }
}
