import Testing
@testable import FineTuning

@Suite("Adapter training")
struct AdapterTrainerTests {
    static func configuration(_ loss: TrainingLoss, _ adapter: AdapterKind) -> TrainingConfiguration {
        var c = TrainingConfiguration()
        c.loss = loss
        c.adapter = adapter
        c.epochs = 15
        c.learningRate = 0.01
        c.batchSize = 16
        c.patience = 3
        c.seed = 11
        return c
    }

    @Test("loss falls on a separable problem: best validation loss under half the base model's",
          arguments: [(TrainingLoss.cosine, AdapterKind.linear), (.cosine, .mlp), (.mnrl, .linear), (.mnrl, .mlp)])
    func lossFalls(_ loss: TrainingLoss, _ adapter: AdapterKind) throws {
        let data = SyntheticPairs.make(pairs: 600, seed: 3)
        let usable = loss == .mnrl ? data.pairs.filter { $0.target == 1 } : data.pairs
        let split = AdapterTrainer.holdOut(usable, fraction: 0.2, seed: 5)
        let result = try AdapterTrainer(configuration: Self.configuration(loss, adapter))
            .train(embeddings: data.embeddings, training: split.training, validation: split.validation)
        #expect(result.bestEpoch >= 1)
        #expect(result.bestValidationLoss < 0.5 * result.initialValidationLoss,
                "validation loss \(result.initialValidationLoss) -> \(result.bestValidationLoss)")
        #expect(result.log.contains { $0.validationLoss != nil })
        #expect(result.log.map(\.step) == result.log.map(\.step).sorted())
    }

    @Test("a seeded run reproduces bit-identical weights; another seed does not")
    func reproducible() throws {
        let data = SyntheticPairs.make(pairs: 200, seed: 4)
        let split = AdapterTrainer.holdOut(data.pairs, fraction: 0.1, seed: 42)
        var c = Self.configuration(.cosine, .mlp)
        c.epochs = 3
        let first = try AdapterTrainer(configuration: c).train(embeddings: data.embeddings, training: split.training, validation: split.validation)
        let second = try AdapterTrainer(configuration: c).train(embeddings: data.embeddings, training: split.training, validation: split.validation)
        #expect(first.adapter == second.adapter)
        #expect(first.log == second.log)
        c.seed = 12
        let other = try AdapterTrainer(configuration: c).train(embeddings: data.embeddings, training: split.training, validation: split.validation)
        #expect(other.adapter != first.adapter)
    }

    @Test("early stopping keeps the best epoch's weights, not the last")
    func earlyStoppingKeepsBest() throws {
        // Validation targets are the base model's own cosines, so the untouched identity scores a
        // validation loss of (about) zero and every epoch that fits the training labels is worse.
        let data = SyntheticPairs.make(pairs: 200, seed: 8)
        let own = data.pairs.map { pair -> IndexedPair in
            let u = data.embeddings[pair.a], v = data.embeddings[pair.b]
            let dot = zip(u, v).map(*).reduce(0, +)
            let norms = (u.map { $0 * $0 }.reduce(0, +) * v.map { $0 * $0 }.reduce(0, +)).squareRoot()
            return IndexedPair(a: pair.a, b: pair.b, target: dot / norms)
        }
        var c = Self.configuration(.cosine, .linear)
        c.patience = 2
        let result = try AdapterTrainer(configuration: c).train(embeddings: data.embeddings, training: data.pairs, validation: own)
        #expect(result.bestEpoch == 0)
        #expect(result.epochsRun == 2)
        #expect(result.stoppedEarly)
        #expect(result.adapter == Adapter.linear(dimension: 16))
        #expect(result.bestValidationLoss < 1e-10)
        #expect(result.finalValidationLoss > 1e-4)
    }

    @Test("hold-out split is seeded, disjoint and covers every pair")
    func holdOut() {
        let pairs = (0..<50).map { IndexedPair(a: $0, b: $0 + 50, target: 1) }
        let a = AdapterTrainer.holdOut(pairs, fraction: 0.1, seed: 9)
        let b = AdapterTrainer.holdOut(pairs, fraction: 0.1, seed: 9)
        #expect(a.validation.count == 5 && a.training.count == 45)
        #expect(a.validation == b.validation)
        #expect(Set(a.validation.map(\.a)).isDisjoint(with: a.training.map(\.a)))
        #expect(AdapterTrainer.holdOut(pairs, fraction: 0.1, seed: 10).validation != a.validation)
    }

    @Test("bad embeddings and options are one-line errors")
    func errors() {
        let trainer = AdapterTrainer(configuration: TrainingConfiguration())
        let pairs = [IndexedPair(a: 0, b: 1, target: 1)]
        #expect(throws: FineTuningError.self) {
            try trainer.train(embeddings: [[1, 2], [1, .nan]], training: pairs, validation: pairs)
        }
        #expect(throws: FineTuningError.self) {
            try trainer.train(embeddings: [[1, 2], [1, 2, 3]], training: pairs, validation: pairs)
        }
        var c = TrainingConfiguration()
        c.learningRate = 0
        #expect(throws: FineTuningError.invalidOption(name: "lr", detail: "must be positive, got 0.0")) {
            try AdapterTrainer(configuration: c).train(embeddings: [[1, 2], [2, 1]], training: pairs, validation: pairs)
        }
    }
}
