import Testing
@testable import FineTuning

@Suite("Preparing labelled pairs for a loss")
struct IndexedPairsTests {
    @Test("texts are deduplicated in order of first appearance; cosine targets are score, else label")
    func deduplicates() throws {
        let input = [
            TrainingPair(textA: "a", textB: "b", label: true, score: nil),
            TrainingPair(textA: "b", textB: "c", label: false, score: nil),
            TrainingPair(textA: "a", textB: "c", label: nil, score: 0.4),
        ]
        let prepared = try IndexedPairs.prepare(input, loss: .cosine, file: "t.jsonl")
        #expect(prepared.texts == ["a", "b", "c"])
        #expect(prepared.pairs.map(\.target) == [1, 0, 0.4])
        #expect(prepared.pairs.map(\.a) == [0, 1, 0])
    }

    @Test("cosine loss on a pair with neither label nor score names the file and line")
    func cosineNeedsLabels() {
        let input = [TrainingPair(textA: "a", textB: "b", label: nil, score: nil, line: 7)]
        #expect(throws: FineTuningError.self) { try IndexedPairs.prepare(input, loss: .cosine, file: "t.jsonl") }
        do {
            _ = try IndexedPairs.prepare(input, loss: .cosine, file: "t.jsonl")
        } catch {
            #expect("\(error)" == "t.jsonl:7: CosineSimilarityLoss needs a label (0/1) or a score on every pair")
        }
    }

    @Test("ranking loss keeps positives only and refuses data without any")
    func rankingNeedsPositives() throws {
        let mixed = [
            TrainingPair(textA: "a", textB: "b", label: true, score: nil),
            TrainingPair(textA: "c", textB: "d", label: false, score: nil),
        ]
        #expect(try IndexedPairs.prepare(mixed, loss: .mnrl, file: "t").pairs.count == 1)
        let negatives = [TrainingPair(textA: "c", textB: "d", label: false, score: nil)]
        #expect(throws: FineTuningError.noPositivePairs(file: "t")) {
            try IndexedPairs.prepare(negatives, loss: .mnrl, file: "t")
        }
    }
}
