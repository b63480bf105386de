import FineTuning
import Foundation

/// What `tunelens demo` does: the size of the built-in dating data, the fine-tuning runs it trains on
/// it, and the two runs it diffs. The runs differ in one setting at a time, so the index shows where
/// more training stops paying: the write-up's four epochs, a longer run at a higher learning rate, and a
/// two-layer adapter on that schedule.
struct DemoPlan: Sendable, Equatable {
    /// One fine-tuning run: the `tunelens finetune` settings and the report's run name.
    struct Run: Sendable, Equatable {
        /// The run's folder name in the reports folder and in the work folder's `models/`.
        var name: String
        var adapter: AdapterKind
        var loss: TrainingLoss
        var epochs: Int
        var learningRate: Double
        /// Why the run is in the demo, shown as the report's notes.
        var purpose: String

        init(name: String, adapter: AdapterKind, loss: TrainingLoss, epochs: Int, learningRate: Double, purpose: String) {
            self.name = name
            self.adapter = adapter
            self.loss = loss
            self.epochs = epochs
            self.learningRate = learningRate
            self.purpose = purpose
        }

        /// The training settings of this run: the defaults of `tunelens finetune` but for these.
        func configuration(seed: UInt64) -> TrainingConfiguration {
            var configuration = TrainingConfiguration()
            configuration.adapter = adapter
            configuration.loss = loss
            configuration.epochs = epochs
            configuration.learningRate = learningRate
            configuration.seed = seed
            return configuration
        }
    }

    var seed: UInt64
    var trainPairs: Int
    var testPairs: Int
    var runs: [Run]
    /// The names of the two runs whose diff page is written (A, then B; deltas are B - A).
    var diff: (a: String, b: String)

    static func == (lhs: DemoPlan, rhs: DemoPlan) -> Bool {
        lhs.seed == rhs.seed && lhs.trainPairs == rhs.trainPairs && lhs.testPairs == rhs.testPairs
            && lhs.runs == rhs.runs && lhs.diff == rhs.diff
    }

    /// The full demo: the write-up's data sizes and three runs.
    static func standard(seed: UInt64 = 7, trainPairs: Int = 6000, testPairs: Int = 1469) -> DemoPlan {
        DemoPlan(seed: seed, trainPairs: trainPairs, testPairs: testPairs, runs: [
            Run(name: "linear-4-epochs", adapter: .linear, loss: .cosine, epochs: 4, learningRate: 1e-3,
                purpose: "The write-up's recipe, CosineSimilarityLoss for four epochs, here on a linear adapter."),
            Run(name: "linear-10-epochs", adapter: .linear, loss: .cosine, epochs: 10, learningRate: 3e-3,
                purpose: "Longer and faster: up to ten epochs at three times the learning rate, with early stopping."),
            Run(name: "mlp-10-epochs", adapter: .mlp, loss: .cosine, epochs: 10, learningRate: 3e-3,
                purpose: "A two-layer adapter, more capacity than the linear one, on the same schedule."),
        ], diff: (a: "linear-10-epochs", b: "mlp-10-epochs"))
    }

    /// A small, fast configuration for tests and a first look: 300 training and 200 held-out pairs, two runs.
    static func quick(seed: UInt64 = 7, trainPairs: Int = 300, testPairs: Int = 200) -> DemoPlan {
        let standard = standard(seed: seed)
        return DemoPlan(seed: seed, trainPairs: trainPairs, testPairs: testPairs,
                        runs: [standard.runs[0], standard.runs[1]],
                        diff: (a: standard.runs[0].name, b: standard.runs[1].name))
    }

    init(seed: UInt64, trainPairs: Int, testPairs: Int, runs: [Run], diff: (a: String, b: String)) {
        precondition(runs.contains { $0.name == diff.a } && runs.contains { $0.name == diff.b },
                     "the diffed runs must be among the plan's runs")
        self.seed = seed
        self.trainPairs = trainPairs
        self.testPairs = testPairs
        self.runs = runs
        self.diff = diff
    }
}
