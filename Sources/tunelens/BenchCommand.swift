import Core
import ArgumentParser
import Foundation
import Metrics

/// `tunelens bench metrics` and `bench search`: time the metrics core and the search on synthetic data
/// (hidden; scripts/bench.sh runs them).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time parts of tunelens on synthetic data (for scripts/bench.sh).",
        shouldDisplay: false,
        subcommands: [MetricsBench.self, SearchBench.self]
    )
}

/// Times AUC + DeLong + a 1,000-sample bootstrap on synthetic scores, the SPEC's metrics target.
struct MetricsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Time AUC, DeLong and the bootstrap on synthetic pairs."
    )

    @Option(help: "Number of pairs (half positive).")
    var pairs = 100_000

    @Option(help: "Bootstrap replicates.")
    var bootstrap = 1_000

    @Option(help: "Repetitions; the median is reported.")
    var repeats = 3

    func run() throws {
        // Two correlated models on the same pairs: the baseline weakly separates, the fine-tuned strongly.
        var generator = SplitMix64(seed: 2026)
        let labels = (0..<pairs).map { $0 % 2 == 0 }
        var baseline: [Double] = [], finetuned: [Double] = []
        for label in labels {
            let shared = gaussian(&generator) * 0.1
            baseline.append(0.5 + (label ? 0.03 : -0.03) + shared + gaussian(&generator) * 0.1)
            finetuned.append(0.5 + (label ? 0.15 : -0.15) + shared + gaussian(&generator) * 0.1)
        }
        print("metrics: \(pairs) pairs, \(bootstrap) bootstrap replicates, median of \(repeats)")
        print("  task                                                      wall s   cpu s")
        try time("AUC + DeLong variance/CI (one model, no bootstrap)") {
            _ = try PairClassification.aucWithDeLong(scores: baseline, labels: labels)
        }
        try time("AUC + DeLong + bootstrap AUC interval (one model)") {
            _ = try PairClassification.aucWithDeLong(scores: baseline, labels: labels)
            _ = try PairClassification.bootstrapAUCInterval(scores: baseline, labels: labels, samples: bootstrap)
        }
        try time("PairedComparison: 2 AUCs, DeLong test, paired bootstrap") {
            _ = try PairedComparison(baseline: baseline, finetuned: finetuned, labels: labels, bootstrapSamples: bootstrap)
        }
        try time("PairClassification: every metric incl. d bootstrap") {
            _ = try PairClassification(scores: baseline, labels: labels, bootstrapSamples: bootstrap)
        }

        // Embedding-space work at the demo's size: 1,469 held-out pairs of 384-d embeddings.
        let rows = (0..<(2 * 1_469)).map { _ in (0..<384).map { _ in Float(gaussian(&generator)) } }
        print("embeddings: \(rows.count) x 384")
        try time("uniformity (exact up to 2,000 rows, else 200,000 pairs)") { _ = try EmbeddingSpace.uniformity(rows) }
        try time("PCA to 2-D") { _ = try EmbeddingSpace.pca2D(rows) }
        try time("retrieval: 1,469 queries x 1,469 documents, top 100") {
            _ = try Retrieval(queries: Array(rows[..<1_469]), corpus: Array(rows[1_469...]),
                              relevant: (0..<1_469).map { [$0] })
        }
    }

    private func time(_ name: String, _ body: () throws -> Void) throws {
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = cpuSeconds()
            try body()
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(cpuSeconds() - startCPU)
        }
        let medianWall = wall.sorted()[wall.count / 2], medianCPU = cpu.sorted()[cpu.count / 2]
        print("  \(name.padding(toLength: 56, withPad: " ", startingAt: 0))  \(String(format: "%6.3f  %6.3f", medianWall, medianCPU))")
    }

    /// User + system CPU time of the process (all threads), which a loaded machine inflates less than wall time.
    private func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private func gaussian(_ generator: inout SplitMix64) -> Double {
        // Box-Muller from two uniforms in (0, 1].
        let u = 1 - Double(generator.next() >> 11) * 0x1.0p-53, v = Double(generator.next() >> 11) * 0x1.0p-53
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
