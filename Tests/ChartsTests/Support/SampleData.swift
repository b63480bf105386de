import Charts
import Core

extension SplitMix64 {
    /// Approximately normal: the Irwin-Hall sum of 12 uniforms, pure arithmetic so the numbers (and
    /// hence the snapshots) are identical on every platform's libm.
    mutating func normal(mean: Double, sd: Double) -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return mean + (sum - 6) * sd
    }
}

/// Deterministic data shaped like a real run: similarities of positive and negative pairs for a
/// weak baseline and a stronger fine-tuned model.
enum SampleData {
    static func similarities(seed: UInt64, count: Int, mean: Double, sd: Double) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in min(max(rng.normal(mean: mean, sd: sd), -1), 1) }
    }

    /// ROC points (fpr, tpr) and AUC from scores, by sweeping the threshold down the sorted scores.
    static func roc(positives: [Double], negatives: [Double]) -> (points: [ChartPoint], auc: Double) {
        let scored = positives.map { ($0, true) } + negatives.map { ($0, false) }
        let sorted = scored.sorted { $0.0 > $1.0 }
        var tp = 0.0, fp = 0.0, auc = 0.0
        var points = [ChartPoint(0, 0)]
        let p = Double(positives.count), n = Double(negatives.count)
        var index = 0
        while index < sorted.count {
            let score = sorted[index].0
            let previousFP = fp, previousTP = tp
            while index < sorted.count, sorted[index].0 == score {
                if sorted[index].1 { tp += 1 } else { fp += 1 }
                index += 1
            }
            auc += (fp - previousFP) * (tp + previousTP) / 2
            points.append(ChartPoint(fp / n, tp / p))
        }
        return (points, auc / (p * n))
    }

    static let baselinePositive = similarities(seed: 1, count: 750, mean: 0.62, sd: 0.12)
    static let baselineNegative = similarities(seed: 2, count: 750, mean: 0.55, sd: 0.12)
    static let tunedPositive = similarities(seed: 3, count: 750, mean: 0.74, sd: 0.10)
    static let tunedNegative = similarities(seed: 4, count: 750, mean: 0.38, sd: 0.15)

    static var rocChart: ROCChart {
        let baseline = roc(positives: baselinePositive, negatives: baselineNegative)
        let tuned = roc(positives: tunedPositive, negatives: tunedNegative)
        return ROCChart(title: "ROC curves, baseline vs fine-tuned", curves: [
            ROCCurve(name: "Baseline", points: baseline.points, auc: baseline.auc),
            ROCCurve(name: "Fine-tuned", points: tuned.points, auc: tuned.auc),
        ])
    }

    static func histogram(_ values: [Double]) -> Histogram {
        Histogram(values: values, bins: 40, range: -1...1)
    }

    static var distributionChart: DistributionChart {
        DistributionChart(title: "Similarity of positive and negative pairs", panels: [
            DistributionPanel(title: "Before (baseline)", positive: histogram(baselinePositive),
                              negative: histogram(baselineNegative), threshold: 0.6),
            DistributionPanel(title: "After (fine-tuned)", positive: histogram(tunedPositive),
                              negative: histogram(tunedNegative), threshold: 0.6),
        ])
    }

    static var overlayChart: DistributionChart {
        DistributionChart.overlay(title: "Distributions of run A and run B", runs: [
            .init(name: "run-a", positive: histogram(baselinePositive), negative: histogram(baselineNegative), threshold: 0.58),
            .init(name: "run-b", positive: histogram(tunedPositive), negative: histogram(tunedNegative), threshold: 0.6),
        ])
    }

    static var lossChart: LineChart {
        var rng = SplitMix64(seed: 7)
        let train = (0...300).map { step -> ChartPoint in
            let x = Double(step) * 4
            return ChartPoint(x, 0.25 + 0.6 / (1 + x / 150) + rng.normal(mean: 0, sd: 0.015))
        }
        let validation = (0...12).map { epoch -> ChartPoint in
            let x = Double(epoch) * 100
            return ChartPoint(x, 0.3 + 0.55 / (1 + x / 180))
        }
        return LineChart(title: "Training loss", series: [
            LineSeries(name: "Training loss", points: train),
            LineSeries(name: "Validation loss", points: validation),
        ])
    }

    static func cloud(seed: UInt64, count: Int, x: Double, y: Double, sd: Double) -> [ChartPoint] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in ChartPoint(rng.normal(mean: x, sd: sd), rng.normal(mean: y, sd: sd * 0.7)) }
    }

    static var scatterChart: ScatterChart {
        ScatterChart(title: "PCA of pair embeddings", panels: [
            ScatterPanel(title: "Before", series: [
                ScatterSeries(name: "Positive pairs", points: cloud(seed: 11, count: 1200, x: 0.1, y: 0, sd: 0.3), style: .positive),
                ScatterSeries(name: "Negative pairs", points: cloud(seed: 12, count: 1200, x: -0.1, y: 0.05, sd: 0.3), style: .negative),
            ]),
            ScatterPanel(title: "After", series: [
                ScatterSeries(name: "Positive pairs", points: cloud(seed: 13, count: 1200, x: 0.6, y: 0, sd: 0.25), style: .positive),
                ScatterSeries(name: "Negative pairs", points: cloud(seed: 14, count: 1200, x: -0.5, y: 0.1, sd: 0.3), style: .negative),
            ]),
        ])
    }

    static var trendChart: TrendChart {
        let runs = ["2026-01-04 lr3e-5", "2026-01-05 lr5e-5", "2026-01-06 e2", "2026-01-08 e4", "2026-01-09 margin", "2026-01-11 hard-neg", "2026-01-12 final"]
        let auc: [Double] = [0.861, 0.872, 0.869, 0.881, 0.877, 0.884, 0.879]
        let accuracy: [Double] = [0.78, 0.79, 0.785, 0.80, 0.795, 0.805, 0.80]
        return TrendChart(
            title: "Fine-tuned AUC and accuracy across runs",
            categories: runs,
            series: [
                TrendSeries(name: "Fine-tuned AUC", values: auc.map { TrendValue($0, lower: $0 - 0.018, upper: $0 + 0.016) }),
                TrendSeries(name: "Accuracy at threshold", values: accuracy.enumerated().map { $0.offset == 2 ? nil : TrendValue($0.element, lower: $0.element - 0.02, upper: $0.element + 0.02) }),
            ],
            references: [ReferenceLine(label: "Baseline AUC", value: 0.734)],
            yTitle: "AUC / accuracy")
    }
}
