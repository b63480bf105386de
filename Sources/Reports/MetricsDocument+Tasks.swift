import Evaluation
import Metrics

/// metrics.json's graded-similarity keys (`models.<m>.sts`, `comparison.sts`, `data` of an STS run),
/// its `guards` list, and the per-pair file of an STS run (`pairs.jsonl` with gold scores and no labels).
extension MetricsDocument {
    static func stsModel(_ m: StsModelResult) -> MetricsJSON {
        .object([
            "spearman": .number(m.spearman),
            "spearman_ci95": .interval(m.spearmanCI95),
            "pearson": .number(m.pearson),
            "pearson_ci95": .interval(m.pearsonCI95),
            "diagnosis": .string(m.diagnosis.rawValue),
        ])
    }

    static func stsData(_ s: StsOutcome) -> MetricsJSON {
        .object([
            "pairs": .int(s.pairs),
            "file": .string(s.file),
            "digest": .string(s.digest),
            "unique_texts": .int(s.uniqueTexts),
            "score_range": .interval(s.goldRange),
        ])
    }

    /// `comparison.sts`: Williams' test on Spearman's rho and the paired bootstrap interval.
    static func stsComparison(_ s: StsOutcome) -> MetricsJSON {
        let w = s.comparison
        return .object([
            "spearman": .object([
                "delta": .number(w.deltaRho),
                "ci95": .interval(w.deltaRhoCI95),
                "p": .number(w.p),
                "t": .number(w.t),
                "test": .string("williams"),
                "models_spearman": .number(w.modelsRho),
            ]),
            "bootstrap_samples": .int(w.bootstrapSamples),
            "lexical": .object([
                "overlap_spearman_gold": .number(s.overlapWithGold),
                "overlap_spearman_baseline": .number(s.overlapWithBaseline),
                "overlap_spearman_finetuned": .number(s.overlapWithFinetuned),
            ]),
        ])
    }

    /// `guards`: one entry per guard data set, in the order given.
    static func guards(_ guards: [GuardOutcome]) -> MetricsJSON {
        .array(guards.map { g in
            .object([
                "name": .string(g.name),
                "task": .string(g.task.rawValue),
                "measure": .string(g.measure),
                "items": .int(g.items),
                "baseline": .number(g.baseline),
                "finetuned": .number(g.finetuned),
                "delta": .number(g.delta),
                "ci95": .interval(g.deltaCI95),
                "p": .number(g.p),
                "p_holm": .number(g.pAdjusted),
                "test": .string(g.test),
            ])
        })
    }

    /// `matryoshka`: the main measure per dimension, largest first.
    static func matryoshka(_ curve: MatryoshkaCurve) -> MetricsJSON {
        .array(curve.points.map { point in
            .object([
                "dim": .int(point.dimension),
                "measure": .string(curve.measure),
                "baseline": .number(point.baseline),
                "finetuned": .number(point.finetuned),
            ])
        })
    }

    /// One compact JSON object per graded pair, in data order: texts, gold score, both similarities;
    /// no label, which tells the site the pairs are graded.
    static func pairsJSONL(for s: StsOutcome) -> String {
        var out = ""
        for item in s.items {
            out += MetricsJSON.object([
                "i": .int(item.index),
                "text_a": .string(item.textA),
                "text_b": .string(item.textB),
                "score": .number(item.gold),
                "baseline": .number(item.baseline),
                "finetuned": .number(item.finetuned),
            ]).serialized(pretty: false)
            out += "\n"
        }
        return out
    }
}
