/// The hyperparameters of one adapter training run.
///
/// Defaults (10 epochs at most, peak lr 3e-3, patience 3, batch 32) were chosen on the validation split
/// of the generated dating training pairs only (never the test pairs): among lr 3e-4 to 1e-2 and 4 or 10
/// epochs they reached the lowest validation loss for both adapters, within noise of one another.
public struct TrainingConfiguration: Equatable, Sendable {
    public var loss: TrainingLoss = .cosine
    public var adapter: AdapterKind = .linear
    /// Hidden width of the MLP adapter; nil means 2 x the embedding dimension (exact identity start).
    public var hidden: Int?
    public var activation: Activation = .relu
    public var epochs = 10
    public var learningRate = 3e-3
    public var batchSize = 32
    public var seed: UInt64 = 42
    /// Decoupled weight decay (AdamW); 0 is plain Adam.
    public var weightDecay = 0.0
    /// Fraction of all steps spent warming the learning rate up linearly from 0; it then decays
    /// linearly to 0 (the Hugging Face "linear" schedule).
    public var warmupRatio = 0.1
    /// Epochs without a lower validation loss before training stops (best weights are kept).
    public var patience = 3
    /// A training-log line every this many steps (and at every epoch end).
    public var logEvery = 10

    public init() {}

    /// Rejects values no run could use; the name is the CLI flag's.
    public func validate() throws {
        func bad(_ name: String, _ detail: String) -> FineTuningError { .invalidOption(name: name, detail: detail) }
        guard epochs >= 1 else { throw bad("epochs", "must be at least 1, got \(epochs)") }
        guard learningRate > 0, learningRate.isFinite else { throw bad("lr", "must be positive, got \(learningRate)") }
        guard batchSize >= (loss == .mnrl ? 2 : 1) else {
            throw bad("batch-size", "must be at least \(loss == .mnrl ? 2 : 1), got \(batchSize)")
        }
        guard weightDecay >= 0, weightDecay.isFinite else { throw bad("weight-decay", "must be >= 0, got \(weightDecay)") }
        guard (0..<1).contains(warmupRatio) else { throw bad("warmup-ratio", "must be in [0, 1), got \(warmupRatio)") }
        guard patience >= 1 else { throw bad("patience", "must be at least 1, got \(patience)") }
        guard logEvery >= 1 else { throw bad("log-every", "must be at least 1, got \(logEvery)") }
        if let hidden, hidden < 1 { throw bad("hidden", "must be at least 1, got \(hidden)") }
    }
}
