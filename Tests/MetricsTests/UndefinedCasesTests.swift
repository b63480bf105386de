import Testing
@testable import Metrics

@Suite("Undefined and invalid input")
struct UndefinedCasesTests {
    @Test("One class only is an error that says AUC is undefined, never 0.5")
    func oneClass() {
        #expect(throws: MetricsError.oneClass(positives: 3, negatives: 0)) {
            try PairClassification(scores: [0.1, 0.2, 0.3], labels: [true, true, true])
        }
        let message = MetricsError.oneClass(positives: 0, negatives: 4).description
        #expect(message.contains("undefined"))
        #expect(message.contains("only negative"))
    }

    @Test("NaN and infinite scores are rejected with their index")
    func nonFinite() {
        #expect(throws: MetricsError.nonFinite(what: "scores", index: 2, value: .infinity)) {
            try PairClassification(scores: [0.1, 0.9, .infinity], labels: [false, true, true])
        }
        do {
            _ = try PairClassification(scores: [0.1, .nan, 0.3], labels: [false, true, true])
            Issue.record("NaN accepted")
        } catch let error as MetricsError {
            #expect(error.description.contains("scores[1]"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("Empty input and mismatched lengths are errors")
    func emptyAndMismatch() {
        #expect(throws: MetricsError.empty(what: "labels")) {
            try PairClassification(scores: [], labels: [])
        }
        #expect(throws: MetricsError.lengthMismatch(what: "scores vs labels", expected: 3, got: 2)) {
            try PairClassification(scores: [0.1, 0.2], labels: [true, false, true])
        }
    }
}

@Suite("Undefined statistics are reported as undefined")
struct UndefinedStatisticsTests {
    @Test("All-equal scores: AUC is 0.5, Cohen's d is undefined (nil), the diagnosis is collapsed")
    func allEqual() throws {
        let result = try PairClassification(scores: [0.7, 0.7, 0.7, 0.7], labels: [true, false, true, false])
        #expect(result.auc == 0.5)
        #expect(result.cohensD == nil && result.cohensDCI95 == nil)
        #expect(result.diagnosis == .collapsed)
        #expect(throws: MetricsError.zeroVariance(what: "pooled standard deviation of the scores")) {
            try EffectSize.cohensD(positive: [0.7, 0.7], negative: [0.7])
        }
    }

    @Test("One pair per class: the DeLong variance is undefined and the interval is [0, 1]")
    func onePerClass() throws {
        let result = try PairClassification(scores: [0.9, 0.1], labels: [true, false])
        #expect(result.auc == 1)
        #expect(result.aucVariance == nil)
        #expect(result.aucCI95 == ClosedInterval(lower: 0, upper: 1))
        let comparison = try PairedComparison(baseline: [0.9, 0.1], finetuned: [0.1, 0.9], labels: [true, false])
        #expect(comparison.delongP == nil && comparison.delongZ == nil)
    }

    @Test("A non-finite embedding value is reported with its row and column")
    func embeddingNaN() {
        do {
            _ = try EmbeddingSpace.uniformity([[1, 0], [0, .nan]])
            Issue.record("NaN embedding accepted")
        } catch {
            #expect("\(error)" == "embeddings[1][1] is nan: every value must be a finite number")
        }
    }
}
