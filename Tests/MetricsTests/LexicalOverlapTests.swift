import Testing
@testable import Metrics

@Suite("Lexical overlap: how much of the separation is shared words")
struct LexicalOverlapTests {
    static let fixture: Fixtures.LexicalCase = try! Fixtures.load("lexical", as: Fixtures.LexicalFile.self).case

    @Test("Per-pair Jaccard and shared words match the Python tokenisation with the committed stopwords")
    func perPair() throws {
        let c = Self.fixture
        let result = try LexicalOverlap(left: c.left, right: c.right, labels: c.labels, baseline: c.baseline, finetuned: c.finetuned)
        #expect(result.pairs.map(\.shared) == c.expected.shared)
        for (actual, expected) in zip(result.pairs.map(\.jaccard), c.expected.jaccard) {
            #expect(close(actual, expected))
        }
    }

    @Test("Overlap AUC, Spearman and the residual analysis match sklearn, scipy and numpy.polyfit")
    func summary() throws {
        let c = Self.fixture
        let result = try LexicalOverlap(left: c.left, right: c.right, labels: c.labels, baseline: c.baseline, finetuned: c.finetuned)
        #expect(close(result.overlapAUC, c.expected.overlap_auc))
        #expect(close(result.baselineSpearman, c.expected.baseline_spearman))
        #expect(close(result.finetunedSpearman, c.expected.finetuned_spearman))
        let pairs = [(result.baselineControlled, c.expected.baseline_controlled),
                     (try #require(result.finetunedControlled), c.expected.finetuned_controlled)]
        for (actual, expected) in pairs {
            #expect(close(actual.auc, expected.auc))
            #expect(close(actual.residualAUC, expected.residual_auc))
            #expect(close(actual.slope, expected.slope) && close(actual.intercept, expected.intercept))
            #expect(close(actual.cohensD, expected.cohens_d) && close(actual.residualCohensD, expected.residual_cohens_d))
            #expect(close(actual.separationExplained, expected.separation_explained))
        }
        // The fixture's baseline is built from overlap, the fine-tuned model from the labels:
        // controlling overlap removes most of the first's separation and little of the second's.
        #expect(try #require(result.baselineControlled.separationExplained) > 0.5)
        #expect(try #require(result.finetunedControlled?.separationExplained) < 0.3)
    }

    @Test("Stopwords and punctuation do not count; shared words keep the first text's order")
    func tokenisation() {
        let overlap = LexicalOverlap.overlap("The Battery of my phone, it's dying!", "Is my phone's battery dying?")
        #expect(overlap.shared == ["battery", "phone", "dying"])
        #expect(overlap.jaccard == 1)
        #expect(LexicalOverlap.contentWords("What is THE best?") == ["best"])
        #expect(LexicalOverlap.overlap("the of and", "a an the").jaccard == 0)
    }
}
