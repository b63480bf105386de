import Foundation
import Testing
@testable import Evaluation

/// A report whose fine-tuned model is an adapter folder over the baseline (its Transformer computed
/// once, for both) gives the fine-tuned model the numbers it gets when its Transformer runs on its own.
@Suite("A report of an adapter over its baseline")
struct SharedTransformerRunTests {
    static let tiny = GoldenRun.repositoryRoot.appendingPathComponent("Tests/EmbeddingsTests/Resources/encoder/tiny")
    /// Written by `tunelens finetune` over the tiny model (scripts/fixtures/make_adapter_fixtures.py).
    static let adapter = GoldenRun.repositoryRoot.appendingPathComponent("Tests/FineTuningTests/Resources/adapters/mlp")

    @Test("the fine-tuned scores are the same bit for bit whether the baseline shares its Transformer or not")
    func sameScores() throws {
        var shared = GoldenRun.config(baseline: Self.tiny.path)
        shared.finetuned = Self.adapter.path
        var alone = GoldenRun.config()  // the baseline is precomputed embeddings: nothing to share
        alone.finetuned = Self.adapter.path
        let sharedPairs = try #require(try GoldenRun.evaluate(shared).pairs)
        let alonePairs = try #require(try GoldenRun.evaluate(alone).pairs)

        #expect(sharedPairs.pairs.map(\.finetuned) == alonePairs.pairs.map(\.finetuned))
        #expect(sharedPairs.finetuned.classification.auc == alonePairs.finetuned.classification.auc)
        #expect(sharedPairs.pairs.map(\.baseline) != sharedPairs.pairs.map(\.finetuned), "two models, two sets of scores")
    }
}
