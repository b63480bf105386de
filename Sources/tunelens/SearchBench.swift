import ArgumentParser
import Core
import FineTuning
import Foundation
import Metrics

/// `tunelens bench search`: the cost of a retrieval report's search on synthetic data of a real size:
/// exact cosine top-100 of every query over the whole corpus (blocked sgemm), and BM25's index and
/// top-100 over the same number of documents.
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time exact cosine search and BM25 on a synthetic corpus."
    )

    @Option(help: "Documents in the corpus.")
    var documents = 100_000

    @Option(help: "Queries.")
    var queries = 1_000

    @Option(help: "Embedding dimension.")
    var dimension = 384

    @Option(help: "Words per synthetic document (BM25).")
    var words = 60

    func run() throws {
        var generator = SplitMix64(seed: 2026)
        func vector() -> [Float] { (0..<dimension).map { _ in Float(generator.unit() * 2 - 1) } }
        let corpus = (0..<documents).map { _ in vector() }
        let queryVectors = (0..<queries).map { _ in vector() }
        let clock = ContinuousClock()
        var start = clock.now
        let hits = CosineTopK.search(queries: queryVectors, corpus: corpus, dimension: dimension, k: 100)
        let cosineSeconds = FineTuningJob.seconds(clock.now - start)
        precondition(hits.allSatisfy { $0.count == min(100, documents) })

        // A Zipf-like vocabulary of 50,000 words, so posting lists have realistic lengths.
        let vocabulary = (0..<50_000).map { "w\($0)" }
        func word() -> String { vocabulary[min(vocabulary.count - 1, Int(pow(generator.unit(), 3) * Double(vocabulary.count)))] }
        let texts = (0..<documents).map { _ in (0..<words).map { _ in word() }.joined(separator: " ") }
        let queryTexts = (0..<queries).map { _ in (0..<8).map { _ in word() }.joined(separator: " ") }
        start = clock.now
        let index = try BM25(documents: texts)
        let indexSeconds = FineTuningJob.seconds(clock.now - start)
        start = clock.now
        _ = index.search(queries: queryTexts, k: 100)
        let bm25Seconds = FineTuningJob.seconds(clock.now - start)
        let flops = 2.0 * Double(queries) * Double(documents) * Double(dimension)
        print(String(format: "search: %d queries x %d documents x %d dims: exact cosine top-100 %.2f s (%.1f GFLOP/s); "
                     + "BM25 index %.2f s, top-100 %.2f s", queries, documents, dimension, cosineSeconds,
                     flops / cosineSeconds / 1e9, indexSeconds, bm25Seconds))
    }
}
