import Foundation

/// The training run's loss curve and settings, from `trainer_state.json` or tunelens' own log.
public struct TrainingSummary: Sendable {
    public struct Point: Sendable {
        public var step: Int
        public var epoch: Double?
        public var loss: Double
        public init(step: Int, epoch: Double?, loss: Double) {
            self.step = step
            self.epoch = epoch
            self.loss = loss
        }
    }
    /// Where the log was read from (file name only).
    public var source: String
    public var points: [Point]
    public init(source: String, points: [Point]) {
        self.source = source
        self.points = points
    }
}

/// One probe pair: did the model move it the way the user expected?
public struct ProbeOutcome: Sendable {
    public var textA: String
    public var textB: String
    /// True when the user expected the pair to move closer.
    public var expectCloser: Bool
    public var baseline: Double
    public var finetuned: Double
    public var passed: Bool
    public init(textA: String, textB: String, expectCloser: Bool, baseline: Double, finetuned: Double, passed: Bool) {
        self.textA = textA
        self.textB = textB
        self.expectCloser = expectCloser
        self.baseline = baseline
        self.finetuned = finetuned
        self.passed = passed
    }
}

/// Leakage between the training split and the held-out pairs, and the train-vs-held-out gap.
public struct OverfittingCheck: Sendable {
    /// Held-out texts that appear verbatim (after normalisation) in the training split.
    public var exactDuplicates: Int
    /// Held-out texts nearly identical to a training text.
    public var nearDuplicates: Int
    /// Held-out pairs that appear in the training split (either order).
    public var leakedPairs: Int
    /// AUC on (a sample of) the training pairs and on the held-out pairs, per model.
    public var trainAUCBaseline: Double
    public var trainAUCFinetuned: Double
    public var trainPairsMeasured: Int

    public init(exactDuplicates: Int, nearDuplicates: Int, leakedPairs: Int, trainAUCBaseline: Double,
                trainAUCFinetuned: Double, trainPairsMeasured: Int) {
        self.exactDuplicates = exactDuplicates
        self.nearDuplicates = nearDuplicates
        self.leakedPairs = leakedPairs
        self.trainAUCBaseline = trainAUCBaseline
        self.trainAUCFinetuned = trainAUCFinetuned
        self.trainPairsMeasured = trainPairsMeasured
    }
}
