/// What a training run produced: the best adapter and the record `tunelens report` plots.
public struct TrainingResult: Sendable {
    /// The weights of the epoch with the lowest validation loss (the identity if none beat the base).
    public var adapter: Adapter
    public var log: [TrainingLogEntry]
    /// 0 when no epoch lowered the validation loss below the base model's.
    public var bestEpoch: Int
    public var epochsRun: Int
    public var steps: Int
    /// Validation loss of the untrained adapter, i.e. of the base model itself.
    public var initialValidationLoss: Double
    public var bestValidationLoss: Double
    /// Mean training loss over the last epoch run.
    public var finalTrainingLoss: Double
    /// Validation loss after the last epoch run.
    public var finalValidationLoss: Double
    public var stoppedEarly: Bool
    /// Wall time of the optimisation alone (embeddings already computed).
    public var seconds: Double
}

/// One line of `training_log.jsonl`: the mean training loss since the previous line, and at epoch
/// ends the validation loss; field names follow Hugging Face's `log_history` (`step`, `epoch`, `loss`,
/// `learning_rate`), `epoch` fractional as there.
public struct TrainingLogEntry: Codable, Equatable, Sendable {
    public var step: Int
    public var epoch: Double
    public var loss: Double
    public var learningRate: Double
    public var validationLoss: Double?

    enum CodingKeys: String, CodingKey {
        case step, epoch, loss
        case learningRate = "learning_rate"
        case validationLoss = "validation_loss"
    }
}
