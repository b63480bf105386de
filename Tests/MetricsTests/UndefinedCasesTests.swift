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
