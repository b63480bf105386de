import Core
import Foundation

/// The seeded bootstrap over items (queries, sentence pairs) behind every interval of the paired
/// tests, Williams' test and the retrieval measures.
///
/// Replicate r draws `count` items with replacement from its own `SplitMix64`, seeded with
/// seed ^ (r * 0xD1B5_4A32_D192_ED03) and advanced once, each draw `index(below: count)` (Lemire's
/// unbiased multiply-shift). A statistic sees the draw as multiplicities (how often each item was
/// drawn), so no resample is materialised. Because each replicate has its own generator, the result
/// does not depend on how replicates are spread over threads, and the draw is easy to reproduce
/// elsewhere (scripts/fixtures/make_stats_fixtures.py ports it to check the intervals against numpy).
/// Intervals are percentile intervals (2.5th, 97.5th, numpy's linear interpolation) of the finite
/// replicate values, as `Bootstrap.percentileInterval`.
/// - Complexity: O(samples * (count + cost of the statistic)).
struct ItemBootstrap {
    let count: Int
    let samples: Int
    let seed: UInt64

    /// The generator of replicate `replicate`.
    static func generator(seed: UInt64, replicate: Int) -> SplitMix64 {
        var generator = SplitMix64(seed: seed ^ (UInt64(replicate) &* 0xD1B5_4A32_D192_ED03))
        _ = generator.next()
        return generator
    }

    /// How often each item is drawn in replicate `replicate`.
    func multiplicities(replicate: Int, into counts: inout [Int]) {
        var generator = Self.generator(seed: seed, replicate: replicate)
        for i in counts.indices { counts[i] = 0 }
        for _ in 0..<count { counts[generator.index(below: count)] += 1 }
    }

    /// Runs `statistic` on every replicate: it gets the multiplicities and fills `width` values
    /// (NaN where undefined). Returns `[statistic][replicate]`.
    func replicates(width: Int, _ statistic: (_ counts: [Int], _ values: inout [Double]) -> Void) -> [[Double]] {
        guard count > 0, samples > 0, width > 0 else { return Array(repeating: [], count: max(width, 0)) }
        var flat = [Double](repeating: .nan, count: width * samples)
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, samples))
        flat.withUnsafeMutableBufferPointer { output in
            let base = output.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var counts = [Int](repeating: 0, count: count)
                var values = [Double](repeating: .nan, count: width)
                for replicate in (samples * chunk / chunks)..<(samples * (chunk + 1) / chunks) {
                    multiplicities(replicate: replicate, into: &counts)
                    for j in 0..<width { values[j] = .nan }
                    statistic(counts, &values)
                    for j in 0..<width { base[j * samples + replicate] = values[j] }
                }
            }
        }
        return (0..<width).map { Array(flat[($0 * samples)..<(($0 + 1) * samples)]) }
    }

    /// Percentile intervals of the weighted means of each column of `values` (`values[statistic][item]`);
    /// nil for every statistic when there are no samples.
    func meanIntervals(_ values: [[Double]]) -> [ClosedInterval?] {
        let width = values.count
        let replicates = replicates(width: width) { counts, out in
            for j in 0..<width {
                var sum = 0.0
                for (i, c) in counts.enumerated() where c != 0 { sum += Double(c) * values[j][i] }
                out[j] = sum / Double(count)
            }
        }
        return replicates.map { Bootstrap.percentileInterval($0) }
    }
}
