import Embeddings
import Foundation
import LinearAlgebra
import Testing
@testable import Evaluation

/// "What the model matched": texts split into sentences, each encoded by the model being evaluated,
/// and the most similar pair across the two texts.
@Suite("Sentence matching in failure examples")
struct SentenceMatchingTests {
    static var modelFolder: URL {
        if let dir = ProcessInfo.processInfo.environment["TUNELENS_MODEL_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".cache/models/all-MiniLM-L6-v2")
    }

    @Test("sentences end at . ! ? … before white space and at line breaks; decimals and a lone text stay whole")
    func split() {
        #expect(Sentences.split("I'm a smoker. I love hiking!  Do you?") == ["I'm a smoker.", "I love hiking!", "Do you?"])
        #expect(Sentences.split("Pi is 3.14 exactly") == ["Pi is 3.14 exactly"])
        #expect(Sentences.split("Wait... what?! Fine") == ["Wait...", "what?!", "Fine"])
        #expect(Sentences.split("line one\nline two\n\n") == ["line one", "line two"])
        #expect(Sentences.split("He said \"no.\" Then left.") == ["He said \"no.\"", "Then left."])
        #expect(Sentences.split("   ").isEmpty)
    }

    @Test("the matched pair is the argmax of the model's own similarities over every sentence pair (all-MiniLM-L6-v2)")
    func matchesTheModelsArgmax() throws {
        let encoder = try EncoderLoader.load(Self.modelFolder.path)
        let model = EncodedModel(encoder: encoder, reference: "minilm", prompts: ModelPrompts(), similarity: .cosine,
                                 rows: EmbeddingMatrix(count: 0, dimension: encoder.dimension))
        let a = "I bake bread on Sundays. I'm a smoker and I'm not planning to quit. My dog is my best friend."
        let b = "Smoking is a hard no for me. I work as a nurse in the city."
        let matcher = try SentenceMatcher(texts: [a, b], baseline: model, finetuned: model)
        let match = try matcher.match(a, b)

        let left = Sentences.split(a), right = Sentences.split(b)
        let vectors = try encoder.encode(left + right, prompt: nil, progress: nil)
        var best = (score: -Double.infinity, i: 0, j: 0)
        for i in left.indices {
            for j in right.indices {
                let score = SimilarityFunction.cosine.score(vectors[i], vectors[left.count + j])
                if score > best.score { best = (score, i, j) }
            }
        }
        #expect(match.baseline.sentenceA == left[best.i] && match.baseline.sentenceB == right[best.j])
        #expect(abs(match.baseline.score - best.score) <= 1e-6)
        #expect(match.baseline.sentenceA.contains("smoker") && match.baseline.sentenceB.contains("Smoking"),
                "the model matches the two texts on smoking: \(match.baseline)")
        #expect(match.baseline.sentencesA == 3 && match.baseline.sentencesB == 2)
    }

    @Test("precomputed embeddings cannot encode sentences, so matching is skipped for them")
    func precomputedSkips() throws {
        let folder = StsRunTests.folder
        let encoder = try EncoderLoader.load(folder.appendingPathComponent("baseline.jsonl").path)
        #expect(!encoder.encodesAnyText)
        let model = EncodedModel(encoder: encoder, reference: "p", prompts: ModelPrompts(), similarity: .cosine,
                                 rows: EmbeddingMatrix(count: 0, dimension: encoder.dimension))
        #expect(!SentenceMatcher.applies(model, model))
    }
}
