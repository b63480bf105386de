import Foundation

/// Stratified, seeded bootstrap of AUC and Cohen's d for one or more models scored on the same
/// pairs, computed from multiplicities so no resample is ever materialised.
///
/// Each replicate draws `m` positives and `n` negatives with replacement (class sizes fixed, as
/// pROC's default stratified bootstrap, so no replicate loses a class) and the same draw is used
/// for every model (a paired bootstrap). With the pairs sorted once per model, a replicate's AUC is
/// one pass over the sorted order weighted by the draw counts:
///   2U = sum over tie groups g of pos_g (2 neg_below_g + neg_g),  AUC = U / (m n).
/// Replicate r uses its own `SplitMix64`, seeded from (seed, r), so the result does not depend on
/// how replicates are spread over threads.
/// - Complexity: O(n log n) once, then O(n) per replicate and model.
struct Bootstrap {
    /// One model's pairs in ascending score order, as codes: positive i is i, negative j is m + j.
    private struct SortedModel {
        var order: [Int32]
        /// Whether position k closes a group of tied scores.
        var closesGroup: [Bool]
        /// Scores by code.
        var scores: [Double]
    }

    let positives: Int
    let negatives: Int
    private let models: [SortedModel]

    /// Replicate statistics, `[model][replicate]`; a d that is undefined in a replicate is NaN.
    struct Replicates {
        var auc: [[Double]]
        var cohensD: [[Double]]
    }

    /// `models` are score vectors aligned with `labels`; the caller has validated them.
    init(models: [[Double]], labels: [Bool]) {
        let positiveIndices = labels.indices.filter { labels[$0] }
        let negativeIndices = labels.indices.filter { !labels[$0] }
        positives = positiveIndices.count
        negatives = negativeIndices.count
        self.models = models.map { scores in
            let byCode = positiveIndices.map { scores[$0] } + negativeIndices.map { scores[$0] }
            let order = Ranks.ascendingOrder(byCode)
            var closes = [Bool](repeating: true, count: order.count)
            for k in 0..<max(order.count - 1, 0) where byCode[order[k]] == byCode[order[k + 1]] {
                closes[k] = false
            }
            return SortedModel(order: order.map { Int32($0) }, closesGroup: closes, scores: byCode)
        }
    }

    func run(samples: Int, seed: UInt64) -> Replicates {
        let modelCount = models.count
        var auc = [Double](repeating: .nan, count: modelCount * samples)
        var d = [Double](repeating: .nan, count: modelCount * samples)
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, samples))
        auc.withUnsafeMutableBufferPointer { aucOut in
            d.withUnsafeMutableBufferPointer { dOut in
                let aucBase = aucOut.baseAddress!, dBase = dOut.baseAddress!
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var counts = [Int32](repeating: 0, count: positives + negatives)
                    let start = samples * chunk / chunks, end = samples * (chunk + 1) / chunks
                    for replicate in start..<end {
                        draw(into: &counts, replicate: replicate, seed: seed)
                        for (m, model) in models.enumerated() {
                            aucBase[m * samples + replicate] = weightedAUC(model, counts)
                            dBase[m * samples + replicate] = weightedCohensD(model, counts)
                        }
                    }
                }
            }
        }
        return Replicates(
            auc: (0..<modelCount).map { Array(auc[($0 * samples)..<(($0 + 1) * samples)]) },
            cohensD: (0..<modelCount).map { Array(d[($0 * samples)..<(($0 + 1) * samples)]) })
    }

    /// The multiplicity of each pair in replicate `replicate`.
    private func draw(into counts: inout [Int32], replicate: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed ^ (UInt64(replicate) &* 0xD1B5_4A32_D192_ED03))
        _ = generator.next()
        counts.withUnsafeMutableBufferPointer { c in
            c.update(repeating: 0)
            for _ in 0..<positives { c[generator.index(below: positives)] += 1 }
            for _ in 0..<negatives { c[positives + generator.index(below: negatives)] += 1 }
        }
    }

    private func weightedAUC(_ model: SortedModel, _ counts: [Int32]) -> Double {
        var twiceU = 0, below = 0, groupPositive = 0, groupNegative = 0
        let m = Int32(positives)
        model.order.withUnsafeBufferPointer { order in
            model.closesGroup.withUnsafeBufferPointer { closes in
                counts.withUnsafeBufferPointer { c in
                    for k in 0..<order.count {
                        let code = order[k]
                        let weight = Int(c[Int(code)])
                        if code < m { groupPositive += weight } else { groupNegative += weight }
                        if closes[k] {
                            twiceU += groupPositive * (2 * below + groupNegative)
                            below += groupNegative
                            groupPositive = 0
                            groupNegative = 0
                        }
                    }
                }
            }
        }
        return Double(twiceU) / 2 / (Double(positives) * Double(negatives))
    }

    private func weightedCohensD(_ model: SortedModel, _ counts: [Int32]) -> Double {
        let n1 = Double(positives), n2 = Double(negatives)
        guard n1 + n2 > 2 else { return .nan }
        return model.scores.withUnsafeBufferPointer { s in
            counts.withUnsafeBufferPointer { c in
                var sum1 = 0.0, sum2 = 0.0
                for i in 0..<positives { sum1 += Double(c[i]) * s[i] }
                for j in positives..<(positives + negatives) { sum2 += Double(c[j]) * s[j] }
                let mean1 = sum1 / n1, mean2 = sum2 / n2
                var squares = 0.0
                for i in 0..<positives { squares += Double(c[i]) * (s[i] - mean1) * (s[i] - mean1) }
                for j in positives..<(positives + negatives) { squares += Double(c[j]) * (s[j] - mean2) * (s[j] - mean2) }
                let pooled = (squares / (n1 + n2 - 2)).squareRoot()
                return pooled > 0 ? (mean1 - mean2) / pooled : .nan
            }
        }
    }

    /// The 2.5th and 97.5th percentiles of the finite values, with numpy's default linear
    /// interpolation (`np.percentile`); nil when no replicate gave a finite value.
    static func percentileInterval(_ values: [Double]) -> ClosedInterval? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        return ClosedInterval(lower: percentile(sorted, 2.5), upper: percentile(sorted, 97.5))
    }

    /// Linear-interpolation percentile of sorted values (numpy "linear", Hyndman & Fan type 7).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p / 100 * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        let fraction = position - Double(low)
        return sorted[low] + (sorted[high] - sorted[low]) * fraction
    }
}
