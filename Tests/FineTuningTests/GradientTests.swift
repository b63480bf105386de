import Core
import Testing
@testable import FineTuning

/// Every analytic gradient against central finite differences of an independent Double forward pass.
@Suite("Analytic gradients match finite differences")
struct GradientTests {
    struct Case: CustomStringConvertible, Sendable {
        var loss: TrainingLoss
        var adapter: AdapterKind
        var activation: Activation
        var description: String { "\(loss.rawValue) \(adapter.rawValue) \(activation.rawValue)" }
    }

    static let cases: [Case] = [
        Case(loss: .cosine, adapter: .linear, activation: .identity),
        Case(loss: .cosine, adapter: .mlp, activation: .relu),
        Case(loss: .cosine, adapter: .mlp, activation: .tanh),
        Case(loss: .mnrl, adapter: .linear, activation: .identity),
        Case(loss: .mnrl, adapter: .mlp, activation: .relu),
        Case(loss: .mnrl, adapter: .mlp, activation: .tanh),
    ]

    @Test("gradient of every weight and bias", arguments: cases)
    func gradients(_ c: Case) throws {
        let d = 5, h = 13, b = 4
        var rng = SplitMix64(seed: 7)
        var configuration = TrainingConfiguration()
        configuration.loss = c.loss
        configuration.adapter = c.adapter
        configuration.activation = c.activation
        configuration.hidden = h
        let trainer = AdapterTrainer(configuration: configuration)
        var adapter = trainer.initialAdapter(dimension: d)
        // Move away from the identity start so no gradient term vanishes by symmetry.
        adapter.parameters = adapter.parameters.map { $0.map { $0 + rng.uniform(0.3) } }
        let table = Matrix(rows: 2 * b, columns: d, values: (0..<(2 * b * d)).map { _ in rng.uniform(1) })
        let batch = (0..<b).map { IndexedPair(a: $0, b: b + $0, target: $0 % 2 == 0 ? 1 : 0.25) }

        let (_, analytic) = trainer.lossAndGradients(adapter, table: table, batch: batch)

        let base = adapter.parameters.map { $0.map(Double.init) }
        let rows = (0..<(2 * b)).map { r in Array(table.row(r)).map(Double.init) }
        let anchors = Array(rows[..<b]), candidates = Array(rows[b...])
        let targets = batch.map { Double($0.target) }
        let eps = 1e-6
        for t in base.indices {
            var worst = 0.0, scale = 0.0
            for i in base[t].indices {
                var plus = base, minus = base
                plus[t][i] += eps
                minus[t][i] -= eps
                let lp = ReferenceMath.loss(c.loss, layers: adapter.layers, parameters: plus,
                                            anchors: anchors, candidates: candidates, targets: targets)
                let lm = ReferenceMath.loss(c.loss, layers: adapter.layers, parameters: minus,
                                            anchors: anchors, candidates: candidates, targets: targets)
                let numeric = (lp - lm) / (2 * eps)
                worst = max(worst, abs(numeric - Double(analytic[t][i])))
                scale = max(scale, abs(numeric))
            }
            #expect(scale > 1e-4, "tensor \(t) has a vanishing gradient, the check would be empty")
            // Float32 analytic vs Double numeric: agreement to 1e-3 of the largest entry.
            #expect(worst <= 1e-3 * scale, "tensor \(t): max |analytic - numeric| = \(worst), scale \(scale)")
        }
    }

    @Test("the linear adapter starts as the identity and the MLP starts at (or near) it")
    func identityStart() {
        let x: [[Float]] = [[0.3, -0.7, 0.1, 0.9], [-0.2, 0.05, -0.6, 0.4]]
        let linear = Adapter.linear(dimension: 4).apply(x)
        #expect(linear == x)
        let relu = Adapter.mlp(dimension: 4, hidden: 11, activation: .relu, seed: 1).apply(x)
        for (row, expected) in zip(relu, x) {
            for (value, e) in zip(row, expected) { #expect(abs(value - e) < 1e-6) }
        }
        let tanh = Adapter.mlp(dimension: 4, hidden: 4, activation: .tanh, seed: 1).apply(x)
        for (row, expected) in zip(tanh, x) {
            for (value, e) in zip(row, expected) { #expect(abs(value - e) < 0.004 * max(abs(e), 0.1)) }
        }
    }
}
