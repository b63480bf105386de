import Core
import Foundation

/// Trains an adapter on frozen embeddings: seeded shuffling, mini-batches, Adam/AdamW with a linear
/// warm-up and decay, a validation loss every epoch, early stopping that keeps the best weights.
///
/// Each step stacks the batch's anchors and candidates into one 2B x D matrix, runs the adapter forward
/// once, takes the loss gradient with respect to its outputs, and back-propagates it (all products
/// through `cblas_sgemm`). The validation loss before any step (the base model's own, since the
/// adapter starts as the identity) is the yardstick that training must beat to be kept at all.
public struct AdapterTrainer: Sendable {
    public let configuration: TrainingConfiguration

    public init(configuration: TrainingConfiguration) {
        self.configuration = configuration
    }

    /// Splits off a seeded random `fraction` of the pairs (at least one, or two for ranking loss).
    public static func holdOut(_ pairs: [IndexedPair], fraction: Double, seed: UInt64,
                               minimum: Int = 1) -> (training: [IndexedPair], validation: [IndexedPair]) {
        var order = Array(pairs.indices)
        var rng = SplitMix64(seed: seed ^ 0x7661_6C69_6461_7465)
        rng.shuffle(&order)
        let count = min(pairs.count, max(minimum, Int((fraction * Double(pairs.count)).rounded())))
        let held = Set(order.prefix(count))
        return (pairs.indices.filter { !held.contains($0) }.map { pairs[$0] },
                order.prefix(count).sorted().map { pairs[$0] })
    }

    /// The adapter this configuration starts from (identity or near-identity, seeded).
    public func initialAdapter(dimension: Int) -> Adapter {
        switch configuration.adapter {
        case .linear:
            return .linear(dimension: dimension)
        case .mlp:
            return .mlp(dimension: dimension, hidden: configuration.hidden ?? 2 * dimension,
                        activation: configuration.activation, seed: configuration.seed)
        }
    }

    public func train(embeddings: [[Float]], training: [IndexedPair], validation: [IndexedPair],
                      progress: ((TrainingProgress) -> Void)? = nil) throws -> TrainingResult {
        try configuration.validate()
        let table = try Self.embeddingTable(embeddings)
        let minimumBatch = configuration.loss == .mnrl ? 2 : 1
        guard training.count >= minimumBatch else {
            throw FineTuningError.notEnoughData(file: "training data", detail: "needs at least \(minimumBatch) usable pairs, got \(training.count)")
        }
        guard validation.count >= minimumBatch else {
            throw FineTuningError.notEnoughData(file: "validation data", detail: "needs at least \(minimumBatch) usable pairs, got \(validation.count)")
        }
        for pair in training + validation where !(table.rows > max(pair.a, pair.b) && min(pair.a, pair.b) >= 0) {
            throw FineTuningError.invalidEmbedding(detail: "pair refers to text \(max(pair.a, pair.b)) of \(table.rows)")
        }
        let clock = ContinuousClock()
        let start = clock.now
        var adapter = initialAdapter(dimension: table.columns)
        var parameters = adapter.parameters
        var optimizer = AdamOptimizer(shapes: parameters.map(\.count),
                                      decays: parameters.indices.map { $0 % 2 == 0 },
                                      weightDecay: Float(configuration.weightDecay))
        let batchSize = configuration.batchSize
        var stepsPerEpoch = (training.count + batchSize - 1) / batchSize
        if training.count % batchSize < minimumBatch && training.count % batchSize != 0 { stepsPerEpoch -= 1 }
        let totalSteps = stepsPerEpoch * configuration.epochs
        let warmupSteps = Int((configuration.warmupRatio * Double(totalSteps)).rounded(.down))

        let initialValidation = validationLoss(adapter, table: table, pairs: validation)
        var best = (loss: initialValidation, epoch: 0, parameters: parameters)
        var epochsWithoutImprovement = 0
        var log: [TrainingLogEntry] = []
        var rng = SplitMix64(seed: configuration.seed)
        var order = Array(training.indices)
        var step = 0
        var windowLoss: Double = 0, windowSteps = 0
        var lastTrainingLoss = Double.nan, lastValidationLoss = initialValidation
        var epochsRun = 0

        for epoch in 1...configuration.epochs {
            rng.shuffle(&order)
            var epochLoss: Double = 0
            var epochValidationLoss: Double?
            for batchIndex in 0..<stepsPerEpoch {
                let members = order[(batchIndex * batchSize)..<min(order.count, (batchIndex + 1) * batchSize)]
                let lr = Self.learningRate(step: step, total: totalSteps, warmup: warmupSteps,
                                           peak: configuration.learningRate)
                adapter.parameters = parameters
                let (loss, gradients) = lossAndGradients(adapter, table: table, batch: members.map { training[$0] })
                optimizer.update(&parameters, gradients: gradients, learningRate: Float(lr))
                step += 1
                windowLoss += Double(loss); windowSteps += 1; epochLoss += Double(loss)
                let epochEnd = batchIndex == stepsPerEpoch - 1
                var validationLossNow: Double?
                if epochEnd {
                    adapter.parameters = parameters
                    validationLossNow = validationLoss(adapter, table: table, pairs: validation)
                    epochValidationLoss = validationLossNow
                }
                if step % configuration.logEvery == 0 || epochEnd {
                    log.append(TrainingLogEntry(step: step,
                                                epoch: Double(step) / Double(stepsPerEpoch),
                                                loss: windowLoss / Double(windowSteps),
                                                learningRate: lr,
                                                validationLoss: validationLossNow))
                    windowLoss = 0; windowSteps = 0
                }
                progress?(TrainingProgress(step: step, totalSteps: totalSteps, epoch: epoch,
                                           loss: Double(loss), validationLoss: validationLossNow))
            }
            epochsRun = epoch
            lastTrainingLoss = epochLoss / Double(stepsPerEpoch)
            // Measured on these very parameters at the epoch's last step.
            adapter.parameters = parameters
            lastValidationLoss = epochValidationLoss ?? validationLoss(adapter, table: table, pairs: validation)
            if lastValidationLoss < best.loss {
                best = (lastValidationLoss, epoch, parameters)
                epochsWithoutImprovement = 0
            } else {
                epochsWithoutImprovement += 1
                if epochsWithoutImprovement >= configuration.patience { break }
            }
        }
        adapter.parameters = best.parameters
        let elapsed = clock.now - start
        return TrainingResult(adapter: adapter, log: log, bestEpoch: best.epoch, epochsRun: epochsRun,
                              steps: step, initialValidationLoss: initialValidation,
                              bestValidationLoss: best.loss, finalTrainingLoss: lastTrainingLoss,
                              finalValidationLoss: lastValidationLoss,
                              stoppedEarly: epochsRun < configuration.epochs,
                              seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// Hugging Face's "linear" schedule: lr * step / warmup during warm-up, then
    /// lr * (total - step) / (total - warmup), floored at 0; `step` counts from 0.
    static func learningRate(step: Int, total: Int, warmup: Int, peak: Double) -> Double {
        if step < warmup { return peak * Double(step) / Double(warmup) }
        return peak * max(0, Double(total - step) / Double(max(1, total - warmup)))
    }

    /// Mean loss over `pairs` in fixed consecutive batches (no shuffling), weighted by batch size;
    /// a trailing batch of one is skipped for the ranking loss, which needs in-batch negatives.
    func validationLoss(_ adapter: Adapter, table: Matrix, pairs: [IndexedPair]) -> Double {
        let size = configuration.batchSize
        var total: Double = 0, counted = 0
        var start = 0
        while start < pairs.count {
            let batch = Array(pairs[start..<min(pairs.count, start + size)])
            start += size
            if configuration.loss == .mnrl && batch.count < 2 { continue }
            let (a, p) = Self.gather(batch, table: table)
            let pass = adapter.forward(Self.stack(a, p))
            let (ya, yp) = Self.split(pass.result, rows: batch.count)
            let value = configuration.loss.evaluate(anchors: ya, candidates: yp, targets: batch.map(\.target))
            total += Double(value.loss) * Double(batch.count)
            counted += batch.count
        }
        return counted > 0 ? total / Double(counted) : .nan
    }

    /// The batch loss and the gradient of every adapter parameter (order of `Adapter.parameters`).
    func lossAndGradients(_ adapter: Adapter, table: Matrix, batch: [IndexedPair]) -> (Float, [[Float]]) {
        let (a, p) = Self.gather(batch, table: table)
        let pass = adapter.forward(Self.stack(a, p))
        let (ya, yp) = Self.split(pass.result, rows: batch.count)
        let value = configuration.loss.evaluate(anchors: ya, candidates: yp, targets: batch.map(\.target))
        let outputGradient = Self.stack(value.anchorGradient, value.candidateGradient)
        return (value.loss, adapter.backward(pass, outputGradient: outputGradient))
    }

    static func embeddingTable(_ embeddings: [[Float]]) throws -> Matrix {
        guard let dimension = embeddings.first?.count, dimension > 0 else {
            throw FineTuningError.invalidEmbedding(detail: "no embeddings to train on")
        }
        for (i, row) in embeddings.enumerated() {
            guard row.count == dimension else {
                throw FineTuningError.invalidEmbedding(detail: "text \(i + 1) has dimension \(row.count), expected \(dimension)")
            }
            guard row.allSatisfy(\.isFinite) else {
                throw FineTuningError.invalidEmbedding(detail: "text \(i + 1) has a non-finite value")
            }
        }
        return Matrix(stacking: embeddings, columns: dimension)
    }

    static func gather(_ batch: [IndexedPair], table: Matrix) -> (Matrix, Matrix) {
        let d = table.columns
        var a = Matrix(zeros: batch.count, d), p = Matrix(zeros: batch.count, d)
        for (r, pair) in batch.enumerated() {
            a.values.replaceSubrange((r * d)..<((r + 1) * d), with: table.row(pair.a))
            p.values.replaceSubrange((r * d)..<((r + 1) * d), with: table.row(pair.b))
        }
        return (a, p)
    }

    static func stack(_ top: Matrix, _ bottom: Matrix) -> Matrix {
        Matrix(rows: top.rows + bottom.rows, columns: top.columns, values: top.values + bottom.values)
    }

    static func split(_ m: Matrix, rows: Int) -> (Matrix, Matrix) {
        let cut = rows * m.columns
        return (Matrix(rows: rows, columns: m.columns, values: Array(m.values[..<cut])),
                Matrix(rows: m.rows - rows, columns: m.columns, values: Array(m.values[cut...])))
    }
}

/// One step's news for a progress bar.
public struct TrainingProgress: Sendable {
    public var step: Int
    public var totalSteps: Int
    public var epoch: Int
    public var loss: Double
    /// Set on the last step of an epoch.
    public var validationLoss: Double?
}
