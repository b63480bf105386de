import Core
import Charts
import Evaluation
import Foundation
import Metrics

/// `metrics.json` (SPEC section 6, schema "tunelens.metrics/1") and `pairs.jsonl` for one run.
///
/// Beyond the contract's keys it writes the extensions the site pages read: `run.tool_version`,
/// `run.seed`, `run.title`, `data.file`, `data.digest`, `models.<m>.digest`, the ROC corner points,
/// `cohens_d_ci95`, the similarity histogram (40 equal bins over [-1, 1], `histogram.range` says so),
/// `mcc`, `comparison.delong_z`, `comparison.still_wrong` and `config`.
enum MetricsDocument {
    static let schema = "tunelens.metrics/1"

    static func json(for result: RunResult) -> MetricsJSON {
        var document: [String: MetricsJSON] = [
            "schema": .string(schema),
            "task": .string(result.task.rawValue),
            "run": .object([
                "name": .string(result.run.name),
                "title": .string(result.run.title),
                "created": .string(iso8601(result.run.created)),
                "tool_version": .string(result.run.toolVersion),
                "seed": .int(Int(truncatingIfNeeded: result.run.seed)),
            ]),
            "config": .object([
                "threshold": .number(result.run.threshold),
                "hyperparameters": .object(Dictionary(
                    result.run.hyperparameters.map { ($0.key, MetricsJSON.string($0.value)) },
                    uniquingKeysWith: { _, last in last })),
                "notes": result.run.notes.map(MetricsJSON.string) ?? .null,
                "command_line": .array(result.run.commandLine.map(MetricsJSON.string)),
            ]),
        ]
        var models = ["baseline": identity(result.models.baseline), "finetuned": identity(result.models.finetuned)]
        var comparison: [String: MetricsJSON] = [:]
        if let pairs = result.pairs {
            document["data"] = pairData(pairs)
            models["baseline"]!.merge(pairModel(pairs.baseline, histogram: ReportCharts.histograms(pairs, finetuned: false))) { _, new in new }
            models["finetuned"]!.merge(pairModel(pairs.finetuned, histogram: ReportCharts.histograms(pairs, finetuned: true))) { _, new in new }
            comparison.merge(pairComparison(pairs)) { _, new in new }
            if let check = pairs.overfitting {
                document["leakage"] = .object([
                    "exact_duplicate_texts": .int(check.exactDuplicates),
                    "near_duplicate_texts": .int(check.nearDuplicates),
                    "leaked_pairs": .int(check.leakedPairs),
                    "train_auc_baseline": .number(check.trainAUCBaseline),
                    "train_auc_finetuned": .number(check.trainAUCFinetuned),
                    "train_pairs_measured": .int(check.trainPairsMeasured),
                ])
            }
        }
        if let retrieval = result.retrieval {
            document["retrieval"] = retrievalData(retrieval)
            models["baseline"]!["retrieval"] = measures(retrieval.baseline, verdict: retrieval.diagnosis)
            models["finetuned"]!["retrieval"] = measures(retrieval.finetuned, verdict: retrieval.finetunedDiagnosis)
            comparison["retrieval"] = .object([
                "ndcg_at_10": paired(retrieval.ndcgChange),
                "recall_at_10": paired(retrieval.recallChange),
                "baseline_vs_bm25": paired(retrieval.baselineVsBM25),
                "finetuned_vs_bm25": paired(retrieval.finetunedVsBM25),
            ])
        }
        if let sts = result.sts {
            document["data"] = stsData(sts)
            models["baseline"]!["sts"] = stsModel(sts.baseline)
            models["finetuned"]!["sts"] = stsModel(sts.finetuned)
            comparison["sts"] = stsComparison(sts)
        }
        if !result.guards.isEmpty { document["guards"] = guards(result.guards) }
        if let curve = result.matryoshka { document["matryoshka"] = matryoshka(curve) }
        document["models"] = .object(models.mapValues { .object($0) })
        document["comparison"] = .object(comparison)
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
        return .object(document)
    }

    private static func identity(_ model: ModelIdentity) -> [String: MetricsJSON] {
        var entry: [String: MetricsJSON] = [
            "name": .string(model.name),
            "digest": .string(model.digest),
            "dimension": .int(model.dimension),
            "similarity": .string(model.similarity),
        ]
        let prompts = [("query", model.prompts.query), ("document", model.prompts.document), ("default", model.prompts.plain)]
            .compactMap { name, text in text.map { (name, MetricsJSON.string($0)) } }
        if !prompts.isEmpty { entry["prompts"] = .object(Dictionary(uniqueKeysWithValues: prompts)) }
        return entry
    }

    private static func pairData(_ pairs: PairOutcome) -> MetricsJSON {
        var data: [String: MetricsJSON] = [
            "pairs": .int(pairs.data.pairs),
            "positives": .int(pairs.data.positives),
            "negatives": .int(pairs.data.negatives),
            "file": .string(pairs.data.file),
            "digest": .string(pairs.data.digest),
            "unique_texts": .int(pairs.data.uniqueTexts),
        ]
        if let trainFile = pairs.data.trainFile { data["train_file"] = .string(trainFile) }
        if let trainPairs = pairs.data.trainPairs { data["train_pairs"] = .int(trainPairs) }
        return .object(data)
    }

    private static func pairComparison(_ pairs: PairOutcome) -> [String: MetricsJSON] {
        let c = pairs.comparison
        return [
            "delta_auc": .number(c.deltaAUC),
            "delta_auc_ci95": .interval(c.deltaAUCCI),
            "delta_cohens_d": .number(c.deltaD),
            "delta_cohens_d_ci95": .interval(c.deltaDCI),
            "bootstrap_samples": .int(c.bootstrapSamples),
            "delong_z": .number(c.delongZ),
            "delong_p": .number(c.delongP),
            "fixed": .int(c.fixed),
            "broken": .int(c.broken),
            "still_wrong": .int(c.stillWrong),
            "still_right": .int(c.bothRight),
            "fixed_own_threshold": .int(c.ownThreshold.fixed),
            "broken_own_threshold": .int(c.ownThreshold.broken),
            "still_wrong_own_threshold": .int(c.ownThreshold.stillWrong),
            "still_right_own_threshold": .int(c.ownThreshold.stillRight),
            "own_threshold_folds": .int(c.ownThreshold.folds),
            "lexical": .object([
                "overlap_auc": .number(pairs.lexical.overlapAUC),
                "overlap_spearman_baseline": .number(pairs.lexical.baselineCorrelation),
                "overlap_spearman_finetuned": .number(pairs.lexical.finetunedCorrelation),
            ]),
        ]
    }

    /// `retrieval`: the data set, and BM25's measures on it.
    private static func retrievalData(_ r: RetrievalOutcome) -> MetricsJSON {
        var entry: [String: MetricsJSON] = [
            "folder": .string(r.folder),
            "queries": .int(r.queries.count),
            "documents": .int(r.documents),
            "unjudged_queries": .int(r.unjudgedQueries),
            "skipped_queries": .int(r.skippedQueries),
            "digests": .object(r.digests.mapValues(MetricsJSON.string)),
        ]
        if case .object(let bm25) = measures(r.bm25) {
            entry["bm25"] = .object(bm25.merging(["k1": MetricsJSON.number(r.bm25Parameters.k1), "b": MetricsJSON.number(r.bm25Parameters.b)]) { _, new in new })
        }
        return .object(entry)
    }

    /// A ranking's means with their intervals (`ndcg_at_10`, `ndcg_at_10_ci95`, `recall_at_k`, ...), its
    /// recall@k for k = 1...100, and a model's verdict against BM25 (`bm25_verdict`).
    private static func measures(_ m: RankingMeasures, verdict: LexicalDiagnosis? = nil) -> MetricsJSON {
        var entry: [String: MetricsJSON] = [:]
        for measure in m.measures {
            entry[measure.key] = .number(measure.mean)
            entry[measure.key + "_ci95"] = .interval(measure.ci95)
        }
        entry["queries"] = .int(m.evaluatedQueries.count)
        entry["recall_curve"] = .array(m.recallCurve.map(MetricsJSON.number))
        if let verdict { entry["bm25_verdict"] = .string(verdict.rawValue) }
        return .object(entry)
    }

    /// A paired test over queries: `delta`, `ci95`, `p_paired_t`, `p_randomization`, and the counts.
    private static func paired(_ t: PairedTest) -> MetricsJSON {
        .object([
            "delta": .number(t.meanDifference),
            "ci95": .interval(t.meanDifferenceCI95),
            "t": .number(t.t),
            "p_paired_t": .number(t.tTestP),
            "p_randomization": .number(t.randomizationP),
            "randomization_samples": .int(t.randomizationSamples),
            "improved": .int(t.improved),
            "unchanged": .int(t.unchanged),
            "worsened": .int(t.worsened),
        ])
    }

    private static func pairModel(_ m: ModelResult, histogram: (positive: Histogram, negative: Histogram)) -> [String: MetricsJSON] {
        let c = m.classification
        var entry: [String: MetricsJSON] = [
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
        return entry
    }

    /// One compact JSON object per evaluated pair, in data order, keys sorted as `MetricsJSON` sorts
    /// them. Written straight into one string (no dictionary per row): at half a million pairs this
    /// file is the run folder's largest.
    static func pairsJSONL(for result: PairOutcome) -> String {
        var out = ""
        out.reserveCapacity(result.pairs.count * 160)
        for pair in result.pairs {
            out += "{\"baseline\":"
            out += MetricsJSON.format(pair.baseline)
            out += ",\"finetuned\":"
            out += MetricsJSON.format(pair.finetuned)
            out += ",\"i\":"
            out += String(pair.index)
            out += pair.label ? ",\"label\":1" : ",\"label\":0"
            if let score = pair.score {
                out += ",\"score\":"
                out += MetricsJSON.format(score)
            }
            out += ",\"text_a\":"
            JSONText.append(pair.textA, to: &out)
            out += ",\"text_b\":"
            JSONText.append(pair.textB, to: &out)
            out += "}\n"
        }
        return out
    }

    /// One compact JSON object per evaluated query, in file order: its id and text, each ranking's
    /// nDCG@10, recall@10 and rank of the first relevant document, so a diff can test two runs paired.
    static func queriesJSONL(for r: RetrievalOutcome) -> String {
        var out = ""
        let rankings = [("bm25", r.bm25, r.firstRelevantRank.bm25), ("baseline", r.baseline, r.firstRelevantRank.baseline),
                        ("finetuned", r.finetuned, r.firstRelevantRank.finetuned)]
        for (i, query) in r.queries.enumerated() {
            var line: [String: MetricsJSON] = ["i": .int(i), "id": .string(query.id), "query": .string(query.text)]
            for (name, measures, ranks) in rankings {
                line[name] = .object([
                    "ndcg_at_10": .number(measures.ndcgAt10.perQuery[i]),
                    "recall_at_10": .number(measures.recall(at: 10)?.perQuery[i]),
                    "first_relevant_rank": ranks[i].map(MetricsJSON.int) ?? .null,
                ])
            }
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
