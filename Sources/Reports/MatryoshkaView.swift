import Charts
import Evaluation

/// The Matryoshka section (`--dims`): the primary task's main measure at each truncation for both
/// models, with the full width for reference, as a chart and a table. Every report includes it
/// (`{{> matryoshka}}`).
struct MatryoshkaView {
    var measure: String
    var chart: ReportView.FigureView
    var rows: [Row]
    var smallest: String
    /// The fine-tuned model's measure at the smallest dimension as a share of its full-width value.
    var keptShare: String

    struct Row {
        var dimension: String
        var baseline: String
        var finetuned: String
    }

    init?(_ r: RunResult, embedCharts: Bool) {
        guard let curve = r.matryoshka, let smallestPoint = curve.points.last else { return nil }
        let full: (Double, Double)?
        switch r.task {
        case .pairs: full = r.pairs.map { ($0.baseline.classification.auc, $0.finetuned.classification.auc) }
        case .sts: full = r.sts.map { ($0.baseline.spearman, $0.finetuned.spearman) }
        case .retrieval: full = r.retrieval.map { ($0.baseline.ndcgAt10.mean, $0.finetuned.ndcgAt10.mean) }
        }
        let width = min(r.models.baseline.dimension, r.models.finetuned.dimension)
        var points = curve.points.map { ($0.dimension, $0.baseline, $0.finetuned) }
        if let full, !points.contains(where: { $0.0 == width }) { points.insert((width, full.0, full.1), at: 0) }
        measure = ["auc": "AUC", "spearman": "Spearman's rho", "ndcg_at_10": "nDCG@10"][curve.measure] ?? curve.measure
        rows = points.map { Row(dimension: String($0.0), baseline: ReportFormat.fixed($0.1, 3), finetuned: ReportFormat.fixed($0.2, 3)) }
        smallest = String(smallestPoint.dimension)
        let fullFinetuned = points.first { $0.0 == width }?.2
        keptShare = fullFinetuned.map { $0 != 0 ? ReportFormat.percent(smallestPoint.finetuned / $0, 0) : "n/a" } ?? "n/a"
        let chart = LineChart(title: "\(measure) by embedding dimension", series: [
            LineSeries(name: "Baseline", points: points.map { ChartPoint(Double($0.0), $0.1) }, style: .series(0)),
            LineSeries(name: "Fine-tuned", points: points.map { ChartPoint(Double($0.0), $0.2) }, style: .series(1)),
        ], xTitle: "Dimensions kept", yTitle: measure)
        self.chart = ReportCharts.figure(chart, caption:
            "The main measure with each model's embeddings cut to their first d components (the similarity recomputed on what is kept).",
            embed: embedCharts)
    }
}
