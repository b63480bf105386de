import Charts
import Evaluation
import Foundation

/// `metrics.json` (SPEC section 6, schema "tunelens.metrics/1") and `pairs.jsonl` for one run.
///
/// Beyond the contract's keys it writes the extensions the site pages read: `run.tool_version`,
/// `run.seed`, `run.title`, `data.file`, `data.digest`, `models.<m>.digest`, the ROC corner points,
/// `cohens_d_ci95`, the similarity histogram (40 equal bins over [-1, 1], `histogram.range` says so),
/// `mcc`, `comparison.delong_z`, `comparison.still_wrong` and `config`.
enum MetricsDocument {
    static let schema = "tunelens.metrics/1"

    static func json(for result: RunResult) -> MetricsJSON {
        var comparison: [String: MetricsJSON] = [
            "delta_auc": .number(result.comparison.deltaAUC),
            "delta_auc_ci95": .interval(result.comparison.deltaAUCCI),
            "delta_cohens_d": .number(result.comparison.deltaD),
            "delta_cohens_d_ci95": .interval(result.comparison.deltaDCI),
            "bootstrap_samples": .int(result.comparison.bootstrapSamples),
            "delong_z": .number(result.comparison.delongZ),
            "delong_p": .number(result.comparison.delongP),
            "fixed": .int(result.comparison.fixed),
            "broken": .int(result.comparison.broken),
            "still_wrong": .int(result.comparison.stillWrong),
            "still_right": .int(result.comparison.bothRight),
        ]
        comparison["lexical"] = .object([
            "overlap_auc": .number(result.lexical.overlapAUC),
            "overlap_spearman_baseline": .number(result.lexical.baselineCorrelation),
            "overlap_spearman_finetuned": .number(result.lexical.finetunedCorrelation),
        ])
        var data: [String: MetricsJSON] = [
            "pairs": .int(result.data.pairs),
            "positives": .int(result.data.positives),
            "negatives": .int(result.data.negatives),
            "file": .string(result.data.file),
            "digest": .string(result.data.digest),
            "unique_texts": .int(result.data.uniqueTexts),
        ]
        if let trainFile = result.data.trainFile { data["train_file"] = .string(trainFile) }
        if let trainPairs = result.data.trainPairs { data["train_pairs"] = .int(trainPairs) }

        var document: [String: MetricsJSON] = [
            "schema": .string(schema),
            "run": .object([
                "name": .string(result.run.name),
                "title": .string(result.run.title),
                "created": .string(iso8601(result.run.created)),
                "tool_version": .string(result.run.toolVersion),
                "seed": .int(Int(truncatingIfNeeded: result.run.seed)),
            ]),
            "data": .object(data),
            "models": .object([
                "baseline": model(result.baseline, histogram: ReportCharts.histograms(result, finetuned: false)),
                "finetuned": model(result.finetuned, histogram: ReportCharts.histograms(result, finetuned: true)),
            ]),
            "comparison": .object(comparison),
            "config": .object([
                "threshold": .number(result.run.threshold),
                "hyperparameters": .object(Dictionary(
                    result.run.hyperparameters.map { ($0.key, MetricsJSON.string($0.value)) },
                    uniquingKeysWith: { _, last in last })),
                "notes": result.run.notes.map(MetricsJSON.string) ?? .null,
                "command_line": .array(result.run.commandLine.map(MetricsJSON.string)),
            ]),
        ]
        if let training = result.training {
            document["training"] = .object([
                "source": .string(training.source),
                "steps": .int(training.points.last?.step ?? 0),
                "final_loss": .number(training.points.last?.loss),
            ])
        }
        if !result.probes.isEmpty {
            document["probes"] = .object([
                "count": .int(result.probes.count),
                "passed": .int(result.probes.filter(\.passed).count),
            ])
        }
        if let retrieval = result.retrieval {
            document["retrieval"] = .object([
                "queries": .int(retrieval.queries),
                "documents": .int(retrieval.documents),
                "baseline": .object(Dictionary(retrieval.rows.map { ($0.metric, MetricsJSON.number($0.baseline)) },
                                               uniquingKeysWith: { a, _ in a })),
                "finetuned": .object(Dictionary(retrieval.rows.map { ($0.metric, MetricsJSON.number($0.finetuned)) },
                                                uniquingKeysWith: { a, _ in a })),
            ])
        }
        if let check = result.overfitting {
            document["leakage"] = .object([
                "exact_duplicate_texts": .int(check.exactDuplicates),
                "near_duplicate_texts": .int(check.nearDuplicates),
                "leaked_pairs": .int(check.leakedPairs),
                "train_auc_baseline": .number(check.trainAUCBaseline),
                "train_auc_finetuned": .number(check.trainAUCFinetuned),
                "train_pairs_measured": .int(check.trainPairsMeasured),
            ])
        }
        return .object(document)
    }

    private static func model(_ m: ModelResult, histogram: (positive: Histogram, negative: Histogram)) -> MetricsJSON {
        let c = m.classification
        var entry: [String: MetricsJSON] = [
            "name": .string(m.name),
            "digest": .string(m.digest),
            "dimension": .int(m.dimension),
            "pair_classification": .object([
                "auc": .number(c.auc),
                "auc_ci95": .interval(c.aucCI),
                "cohens_d": .number(c.cohensD),
                "cohens_d_ci95": .interval(c.cohensDCI),
                "margin": .number(c.margin),
                "mean_positive": .number(c.meanPositive),
                "mean_negative": .number(c.meanNegative),
                "threshold": .number(c.threshold),
                "accuracy": .number(c.accuracy),
                "precision": .number(c.precision),
                "recall": .number(c.recall),
                "f1": .number(c.f1),
                "mcc": .number(c.mcc),
                "average_precision": .number(c.averagePrecision),
                "diagnosis": .string(c.diagnosis.rawValue),
                "roc": .array(c.roc.map { .array([.number($0.fpr), .number($0.tpr)]) }),
                "histogram": .object([
                    "range": .string("fixed [-1, 1]"),
                    "edges": .array(histogram.positive.edges.map { MetricsJSON.number(($0 * 1e9).rounded() / 1e9) }),
                    "positive": .array(histogram.positive.counts.map(MetricsJSON.int)),
                    "negative": .array(histogram.negative.counts.map(MetricsJSON.int)),
                ]),
                "best_accuracy_optimistic": .number(c.optimisticAccuracy),
                "best_threshold_optimistic": .number(c.optimisticThreshold),
                "cross_fitted_accuracy": .number(c.crossFittedAccuracy),
                "cross_fitted_folds": .int(c.crossFittedFolds),
            ]),
            "space": .object([
                "alignment": .number(m.alignment),
                "uniformity": .number(m.uniformity),
            ]),
        ]
        if let sts = m.sts {
            entry["sts"] = .object(["spearman": .number(sts.spearman), "pearson": .number(sts.pearson)])
        }
        return .object(entry)
    }

    /// One compact JSON object per evaluated pair, in data order.
    static func pairsJSONL(for result: RunResult) -> String {
        var out = ""
        for pair in result.pairs {
            var line: [String: MetricsJSON] = [
                "i": .int(pair.index),
                "text_a": .string(pair.textA),
                "text_b": .string(pair.textB),
                "label": .int(pair.label ? 1 : 0),
                "baseline": .number(pair.baseline),
                "finetuned": .number(pair.finetuned),
            ]
            if let score = pair.score { line["score"] = .number(score) }
            out += MetricsJSON.object(line).serialized(pretty: false)
            out += "\n"
        }
        return out
    }

    /// `2026-11-23T04:30:00Z`: UTC, whole seconds.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
