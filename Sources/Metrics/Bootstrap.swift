import Core
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
        /// Scores by code, minus the mean of their class in the original sample (for a stable
        /// one-pass weighted variance).
        var centred: [Double]
        var positiveMean: Double
        var negativeMean: Double
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
            let m = positiveIndices.count
            let positiveMean = byCode[..<m].reduce(0, +) / Double(max(m, 1))
            let negativeMean = byCode[m...].reduce(0, +) / Double(max(byCode.count - m, 1))
            let centred = byCode.indices.map { byCode[$0] - ($0 < m ? positiveMean : negativeMean) }
            return SortedModel(order: order.map { Int32($0) }, closesGroup: closes, centred: centred,
                               positiveMean: positiveMean, negativeMean: negativeMean)
        }
    }

    /// Runs `samples` replicates; a statistic not wanted is skipped (left NaN).
    func run(samples: Int, seed: UInt64, auc wantAUC: Bool = true, cohensD wantD: Bool = true) -> Replicates {
        let modelCount = models.count
        guard samples > 0 else {
            return Replicates(auc: Array(repeating: [], count: modelCount), cohensD: Array(repeating: [], count: modelCount))
        }
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
                            if wantAUC { aucBase[m * samples + replicate] = weightedAUC(model, counts) }
                            if wantD { dBase[m * samples + replicate] = weightedCohensD(model, counts) }
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
    func draw(into counts: inout [Int32], replicate: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed ^ (UInt64(replicate) &* 0xD1B5_4A32_D192_ED03))
        _ = generator.next()
        counts.withUnsafeMutableBufferPointer { c in
            c.update(repeating: 0)
            Self.drawUniform(positives, offset: 0, into: c, &generator)
            Self.drawUniform(negatives, offset: positives, into: c, &generator)
        }
    }

    /// Adds `size` uniform draws from `offset..<offset + size` to `counts`. Two draws per 64-bit
    /// output, each mapped to the range by Lemire's multiply-shift with rejection (no modulo bias).
    @inline(__always)
    private static func drawUniform(_ size: Int, offset: Int, into counts: UnsafeMutableBufferPointer<Int32>,
                                    _ generator: inout SplitMix64) {
        guard size > 0 else { return }
        guard size <= Int(UInt32.max) else {
            for _ in 0..<size { counts[offset + generator.index(below: size)] &+= 1 }
            return
        }
        let bound = UInt64(size)
        let threshold = UInt64((0 &- UInt32(size)) % UInt32(size))
        var remaining = size
        while remaining > 0 {
            let bits = generator.next()
            let low = (bits & 0xFFFF_FFFF) &* bound
            if low & 0xFFFF_FFFF >= threshold {
                counts[offset &+ Int(low >> 32)] &+= 1
                remaining &-= 1
            }
            let high = (bits >> 32) &* bound
            if remaining > 0 && high & 0xFFFF_FFFF >= threshold {
                counts[offset &+ Int(high >> 32)] &+= 1
                remaining &-= 1
            }
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
                        // All ones for a positive, zero for a negative: no unpredictable branch.
                        let positiveMask = Int((code &- m) >> 31)
                        groupPositive &+= weight & positiveMask
                        groupNegative &+= weight & ~positiveMask
                        if closes[k] {
                            twiceU &+= groupPositive &* (2 &* below &+ groupNegative)
                            below &+= groupNegative
                            groupPositive = 0
                            groupNegative = 0
                        }
                    }
                }
            }
        }
        return Double(twiceU) / 2 / (Double(positives) * Double(negatives))
    }

    /// Weighted Cohen's d in one pass per class: with x the class-centred scores and weights c,
    /// the replicate mean is mu + sum c x / n and the sum of squares sum c x^2 - (sum c x)^2 / n.
    private func weightedCohensD(_ model: SortedModel, _ counts: [Int32]) -> Double {
        let n1 = Double(positives), n2 = Double(negatives)
        guard n1 + n2 > 2 else { return .nan }
        return model.centred.withUnsafeBufferPointer { x in
            counts.withUnsafeBufferPointer { c in
                var sum1 = 0.0, squares1 = 0.0, sum2 = 0.0, squares2 = 0.0
                for i in 0..<positives {
                    let w = Double(c[i]), v = x[i]
                    sum1 += w * v
                    squares1 += w * v * v
                }
                for j in positives..<(positives + negatives) {
                    let w = Double(c[j]), v = x[j]
                    sum2 += w * v
                    squares2 += w * v * v
                }
                let squares = max(squares1 - sum1 * sum1 / n1, 0) + max(squares2 - sum2 * sum2 / n2, 0)
                let pooled = (squares / (n1 + n2 - 2)).squareRoot()
                let difference = (model.positiveMean + sum1 / n1) - (model.negativeMean + sum2 / n2)
                // Below 1e-12 the spread is rounding noise of a constant resample: d is undefined there.
                return pooled > 1e-12 ? difference / pooled : .nan
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
