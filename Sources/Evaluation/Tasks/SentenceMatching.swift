import Core
import Foundation
import LinearAlgebra
import Metrics

/// Which parts of two texts a model matched: each text split into sentences, every sentence encoded
/// by the model itself (with the prompt its pair texts get), and the pair of sentences across the two
/// texts with the highest similarity under the model's own similarity. The write-up's "both mention
/// smoking", made visible per example and counted over a sample.
public struct SentenceMatch: Sendable {
    public var sentenceA: String
    public var sentenceB: String
    public var score: Double
    /// How many sentences each text has; with one each, the match is the whole pair.
    public var sentencesA: Int
    public var sentencesB: Int
}

/// The best-matching sentence pair of one example under each model.
public struct MatchedSentences: Sendable {
    public var baseline: SentenceMatch
    public var finetuned: SentenceMatch
}

/// Over a seeded sample of negative and of positive pairs: the share whose best-matching sentence
/// pair scores above the model's median whole-pair similarity, for each model.
public struct SentenceMatchSummary: Sendable {
    public var negatives: Int
    public var positives: Int
    public var baselineNegativesAbove: Double
    public var finetunedNegativesAbove: Double
    public var baselinePositivesAbove: Double
    public var finetunedPositivesAbove: Double
    /// Each model's median similarity over all pairs, the bar a sentence match is held to.
    public var baselineMedian: Double
    public var finetunedMedian: Double
}

enum Sentences {
    /// Sentences of a text: cut after ".", "!", "?" or "…" (and runs of them) followed by white space,
    /// and at line breaks; trimmed, empty pieces dropped. A text without such a cut is one sentence.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = [], current = ""
        var afterEnd = false
        func close() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { sentences.append(trimmed) }
            current = ""
        }
        for character in text {
            if character.isNewline {
                close()
                afterEnd = false
                continue
            }
            if afterEnd && character.isWhitespace { close() }
            afterEnd = ".!?…".contains(character) || (afterEnd && character == "\"")
            current.append(character)
        }
        close()
        return sentences
    }
}

/// Encodes the sentences of the given texts with both models, each distinct sentence once per model,
/// and answers which sentence pair each model matched best.
struct SentenceMatcher {
    /// Whether both models can encode sentences they were not given (not precomputed embeddings).
    static func applies(_ baseline: EncodedModel, _ finetuned: EncodedModel) -> Bool {
        baseline.encoder.encodesAnyText && finetuned.encoder.encodesAnyText
    }

    private var rows: [String: Int] = [:]
    private let baseline: EncodedModel
    private let finetuned: EncodedModel

    init(texts: [String], baseline baselineModel: EncodedModel, finetuned finetunedModel: EncodedModel) throws {
        var sentences: [String] = []
        for text in texts {
            for sentence in Sentences.split(text) where rows[sentence] == nil {
                rows[sentence] = sentences.count
                sentences.append(sentence)
            }
        }
        func encoded(_ model: EncodedModel) throws -> EncodedModel {
            let vectors = sentences.isEmpty ? [] : try model.encoder.encode(sentences, prompt: model.prompts.prompt(for: .plain),
                                                                             progress: nil)
            guard vectors.count == sentences.count else {
                throw EvaluationError.inconsistent("\(model.encoder.name): returned \(vectors.count) embeddings for \(sentences.count) sentences")
            }
            return EncodedModel(encoder: model.encoder, reference: model.reference, prompts: model.prompts,
                                similarity: model.similarity, rows: EmbeddingMatrix(rows: vectors, dimension: model.dimension))
        }
        baseline = try encoded(baselineModel)
        finetuned = try encoded(finetunedModel)
    }

    func match(_ a: String, _ b: String) throws -> MatchedSentences {
        MatchedSentences(baseline: try best(a, b, baseline), finetuned: try best(a, b, finetuned))
    }

    /// The highest-scoring sentence pair across a and b (the first in reading order among ties).
    private func best(_ a: String, _ b: String, _ model: EncodedModel) throws -> SentenceMatch {
        let left = Sentences.split(a), right = Sentences.split(b)
        var winner = SentenceMatch(sentenceA: a, sentenceB: b, score: -.infinity, sentencesA: left.count, sentencesB: right.count)
        let candidates = left.flatMap { x in right.map { y in (x, y) } }
        let scores = try model.scores(candidates.map { (rows[$0.0]!, rows[$0.1]!) })
        for ((x, y), score) in zip(candidates, scores) where score > winner.score {
            (winner.sentenceA, winner.sentenceB, winner.score) = (x, y, score)
        }
        return winner
    }

    /// Up to `perClass` negatives and positives drawn with the seed, for `summary`.
    static func sample(_ pairs: [ScoredPair], perClass: Int, seed: UInt64) -> (negatives: [ScoredPair], positives: [ScoredPair]) {
        var generator = SplitMix64(seed: seed, stream: 0x5e47)
        func sample(_ label: Bool) -> [ScoredPair] {
            var chosen = pairs.filter { $0.label == label }
            generator.shuffle(&chosen)
            return Array(chosen.prefix(perClass))
        }
        return (sample(false), sample(true))
    }

    /// The sentence-match shares over a sample (whose texts this matcher encoded), against each
    /// model's median similarity over all `pairs`.
    func summary(negatives: [ScoredPair], positives: [ScoredPair], pairs: [ScoredPair]) throws -> SentenceMatchSummary? {
        guard !negatives.isEmpty, !positives.isEmpty else { return nil }
        let medians = (Median.of(pairs.map(\.baseline)), Median.of(pairs.map(\.finetuned)))
        func shares(_ group: [ScoredPair]) throws -> (Double, Double) {
            let matches = try group.map { try match($0.textA, $0.textB) }
            let count = Double(group.count)
            return (Double(matches.filter { $0.baseline.score > medians.0 }.count) / count,
                    Double(matches.filter { $0.finetuned.score > medians.1 }.count) / count)
        }
        let (baselineNegatives, finetunedNegatives) = try shares(negatives)
        let (baselinePositives, finetunedPositives) = try shares(positives)
        return SentenceMatchSummary(
            negatives: negatives.count, positives: positives.count,
            baselineNegativesAbove: baselineNegatives, finetunedNegativesAbove: finetunedNegatives,
            baselinePositivesAbove: baselinePositives, finetunedPositivesAbove: finetunedPositives,
            baselineMedian: medians.0, finetunedMedian: medians.1)
    }
}
