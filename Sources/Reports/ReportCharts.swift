import Charts
import Evaluation
import Foundation

/// The report's charts, drawn by the Charts module from a run's numbers, each with its text alternative.
enum ReportCharts {
    /// 40 equal bins over [-1, 1], the histogram metrics.json carries.
    static let histogramBins = 40
    static let histogramRange: ClosedRange<Double> = -1...1

    /// Positive and negative similarities of one model in the fixed bins of metrics.json.
    static func histograms(_ result: RunResult, finetuned: Bool, range: ClosedRange<Double> = histogramRange)
        -> (positive: Histogram, negative: Histogram) {
        let scores = result.pairs.map { finetuned ? $0.finetuned : $0.baseline }
        let positive = zip(result.pairs, scores).filter { $0.0.label }.map(\.1)
        let negative = zip(result.pairs, scores).filter { !$0.0.label }.map(\.1)
        return (Histogram(values: positive, bins: histogramBins, range: range),
                Histogram(values: negative, bins: histogramBins, range: range))
    }

    static func roc(_ result: RunResult) -> any SVGChart {
        ROCChart(title: "ROC curves, baseline and fine-tuned", curves: [
            ROCCurve(name: "Baseline", points: result.baseline.classification.roc.map { ChartPoint($0.fpr, $0.tpr) },
                     auc: result.baseline.classification.auc),
            ROCCurve(name: "Fine-tuned", points: result.finetuned.classification.roc.map { ChartPoint($0.fpr, $0.tpr) },
                     auc: result.finetuned.classification.auc),
        ])
    }

    /// Before and after side by side on the data's range (rounded out to tenths), the threshold marked.
    static func distributions(_ result: RunResult) -> any SVGChart {
        let all = result.pairs.flatMap { [$0.baseline, $0.finetuned] }.filter(\.isFinite) + [result.run.threshold]
        let lower = max(-1, ((all.min() ?? -1) * 10).rounded(.down) / 10)
        let upper = min(1, ((all.max() ?? 1) * 10).rounded(.up) / 10)
        let range = lower < upper ? lower...upper : histogramRange
        let before = histograms(result, finetuned: false, range: range)
        let after = histograms(result, finetuned: true, range: range)
        return DistributionChart(title: "Cosine similarity by class, before and after fine-tuning", panels: [
            DistributionPanel(title: "Baseline", positive: before.positive, negative: before.negative,
                              threshold: result.run.threshold),
            DistributionPanel(title: "Fine-tuned", positive: after.positive, negative: after.negative,
                              threshold: result.run.threshold),
        ])
    }

    static func pca(_ result: RunResult) -> (any SVGChart)? {
        guard !result.baseline.projection.points.isEmpty, !result.finetuned.projection.points.isEmpty else { return nil }
        func panel(_ title: String, _ projection: Projection) -> ScatterPanel {
            ScatterPanel(title: title, series: [
                ScatterSeries(name: "Texts of positive pairs",
                              points: projection.points.filter(\.positive).map { ChartPoint($0.x, $0.y) }, style: .positive),
                ScatterSeries(name: "Texts of negative pairs",
                              points: projection.points.filter { !$0.positive }.map { ChartPoint($0.x, $0.y) }, style: .negative),
            ])
        }
        return ScatterChart(title: "Embeddings projected on their first two principal components", panels: [
            panel("Baseline", result.baseline.projection),
            panel("Fine-tuned", result.finetuned.projection),
        ], maxPointsPerPanel: 1200)
    }

    static func loss(_ training: TrainingSummary) -> (any SVGChart)? {
        guard training.points.count >= 2 else { return nil }
        return LineChart(title: "Training loss", series: [
            LineSeries(name: "Loss", points: training.points.map { ChartPoint(Double($0.step), $0.loss) }),
        ], xTitle: "Step", yTitle: "Loss")
    }

    /// A chart as the figure partial sees it. The SVG loses its line breaks: a blank line inside it
    /// would end cmark's HTML block.
    static func figure(_ chart: any SVGChart, caption: String, embed: Bool) -> ReportView.FigureView {
        let table = chart.table
        return ReportView.FigureView(
            embed: embed,
            svg: chart.svg.split(whereSeparator: \.isNewline).joined(separator: " "),
            caption: caption,
            summary: chart.summary,
            table: ReportView.TableView(header: table.header, rows: table.rows.map { .init(cells: $0) }))
    }
}
