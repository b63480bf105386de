import Testing
@testable import Metrics

@Suite("Probes and leakage")
struct ProbeAndLeakageTests {
    @Test("A probe passes only when the cosine moves the expected way")
    func probes() throws {
        let closer = try ProbeResult(name: "synonyms", first: "car", second: "automobile", expect: .closer, before: 0.4, after: 0.7)
        #expect(closer.passed && abs(closer.change - 0.3) < 1e-12)
        let farther = try ProbeResult(name: "antonyms", first: "hot", second: "cold", expect: .farther, before: 0.4, after: 0.7)
        #expect(!farther.passed)
        let unchanged = try ProbeResult(name: "same", first: "a", second: "b", expect: .closer, before: 0.5, after: 0.5)
        #expect(!unchanged.passed)
        #expect(throws: MetricsError.self) {
            try ProbeResult(name: "bad", first: "a", second: "b", expect: .closer, before: .nan, after: 0.5)
        }
    }

    @Test("Probes from embeddings use cosine similarity")
    func probeFromEmbeddings() throws {
        let probe = try ProbeResult(name: "p", first: "a", second: "b", expect: .closer,
                                    baseline: ([1, 0], [0, 1]), finetuned: ([1, 0], [3, 4]))
        #expect(abs(probe.before) < 1e-12 && abs(probe.after - 0.6) < 1e-12 && probe.passed)
        #expect(throws: MetricsError.self) { try ProbeResult.cosine([0, 0], [1, 0]) }
        #expect(throws: MetricsError.self) { try ProbeResult.cosine([1, 0], [1, 0, 0]) }
    }

    @Test("Leakage counts exact matches and matches after normalising case, whitespace and punctuation")
    func leakage() {
        let train = ["How do I reset my password?", "Best pizza in town", "unrelated"]
        let eval = ["How do I reset my password?", "how do i   reset my password", "BEST pizza, in town!", "new text", "", "   "]
        let leakage = Leakage(evalTexts: eval, trainTexts: train, exampleLimit: 2)
        #expect(leakage.checked == 4)
        #expect(leakage.exact == 1)
        #expect(leakage.normalized == 3)
        #expect(leakage.examples.map(\.evalIndex) == [0, 1])
        #expect(leakage.examples.map(\.exact) == [true, false])
        #expect(leakage.examples[1].trainIndex == 0)
        #expect(Leakage.normalize("  Hello,\tWORLD!! ") == "hello world")
    }
}
