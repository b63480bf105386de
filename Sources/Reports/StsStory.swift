import Charts
import Evaluation
import Metrics

/// What the graded-similarity templates see: both models' Spearman and Pearson with their intervals,
/// the diagnosis on Spearman, Williams' test of the difference, the predicted-vs-gold scatter, the
/// pairs farthest from their gold rank, and the word-overlap paragraph. Every value formatted, every
/// choice of wording a flag.
struct StsStory {
    var file: String
    var digest: String
    var pairs: String
    var uniqueTexts: String
    /// The prompt each model's texts got (its default prompt), for the setup table.
    var baselinePrompt: String
    var finetunedPrompt: String
    var goldLow: String
    var goldHigh: String
    var rows: [Row]
    var baselineSpearman: String
    var finetunedSpearman: String
    var b: Verdict
    var f: Verdict
    /// Williams' test on Spearman: delta, its paired bootstrap interval, p; exactly one outcome flag.
    var delta: String
    var deltaLo: String
    var deltaHi: String
    var p: String
    var modelsRho: String
    var outcome: ReportView.Outcome
    var deltaClass: String
    var bootstrapSamples: String
    var scatter: ReportView.FigureView
    var failures: [Example]
    var broken: [Example]
    var hasBroken: Bool
    var overlapGold: String
    var overlapBaseline: String
    var overlapFinetuned: String
    /// Word overlap ranks the pairs about as well as the baseline does (or better).
    var overlapRivalsBaseline: Bool

    struct Row {
        var metric: String
        var chance: String
        var baseline: String
        var baselineLo: String
        var baselineHi: String
        var finetuned: String
        var finetunedLo: String
        var finetunedHi: String
    }

    struct Verdict {
        var diagnosis: String
        var diag: ReportView.DiagnosisFlags
        var name: String
    }

    struct Example {
        var tag: String
        var tagClass: String
        var line: String
        var a: [ReportView.Segment]
        var b: [ReportView.Segment]
        var gold: String
        var goldRank: String
        var baseline: String
        var baselineRank: String
        var finetuned: String
        var finetunedRank: String
        var sharedWords: String
        var hasShared: Bool
        var matched: ReportView.MatchedView?
    }

    init(_ s: StsOutcome, models: (baseline: ModelIdentity, finetuned: ModelIdentity), embedCharts: Bool) {
        file = s.file
        digest = s.digest
        pairs = ReportFormat.count(s.pairs)
        uniqueTexts = ReportFormat.count(s.uniqueTexts)
        func prompt(_ text: String?) -> String { text.map { $0.isEmpty ? "none" : "“\($0)”" } ?? "none" }
        baselinePrompt = prompt(models.baseline.prompts.plain)
        finetunedPrompt = prompt(models.finetuned.prompts.plain)
        goldLow = ReportFormat.fixed(s.goldRange.lower, 2)
        goldHigh = ReportFormat.fixed(s.goldRange.upper, 2)
        func row(_ metric: String, _ before: Double, _ beforeCI: ClosedInterval?, _ after: Double,
                 _ afterCI: ClosedInterval?) -> Row {
            Row(metric: metric, chance: "0", baseline: ReportFormat.fixed(before, 3),
                baselineLo: ReportFormat.fixed(beforeCI?.lower, 3), baselineHi: ReportFormat.fixed(beforeCI?.upper, 3),
                finetuned: ReportFormat.fixed(after, 3),
                finetunedLo: ReportFormat.fixed(afterCI?.lower, 3), finetunedHi: ReportFormat.fixed(afterCI?.upper, 3))
        }
        rows = [
            row("Spearman's rho with the gold scores", s.baseline.spearman, s.baseline.spearmanCI95,
                s.finetuned.spearman, s.finetuned.spearmanCI95),
            row("Pearson's r with the gold scores", s.baseline.pearson, s.baseline.pearsonCI95,
                s.finetuned.pearson, s.finetuned.pearsonCI95),
        ]
        baselineSpearman = ReportFormat.fixed(s.baseline.spearman, 3)
        finetunedSpearman = ReportFormat.fixed(s.finetuned.spearman, 3)
        func verdict(_ m: StsModelResult, _ name: String) -> Verdict {
            Verdict(diagnosis: m.diagnosis.rawValue, diag: ReportView.DiagnosisFlags(m.diagnosis), name: name)
        }
        b = verdict(s.baseline, models.baseline.name)
        f = verdict(s.finetuned, models.finetuned.name)

        let w = s.comparison
        delta = ReportFormat.signed(w.deltaRho, 3)
        deltaLo = ReportFormat.signed(w.deltaRhoCI95?.lower, 3)
        deltaHi = ReportFormat.signed(w.deltaRhoCI95?.upper, 3)
        p = ReportFormat.pValue(w.p)
        modelsRho = ReportFormat.fixed(w.modelsRho, 2)
        let significant = (w.p ?? 1) < 0.05
        outcome = ReportView.Outcome(improved: significant && w.deltaRho > 0, unchanged: !significant,
                                     worse: significant && w.deltaRho < 0,
                                     pastChance: s.finetuned.diagnosis == .weak || s.finetuned.diagnosis == .strong)
        deltaClass = outcome.improved ? "better" : outcome.worse ? "worse" : "same"
        bootstrapSamples = ReportFormat.count(w.bootstrapSamples)
        scatter = ReportCharts.figure(Self.scatterChart(s), caption:
            "Each pair's similarity under each model (y) against its gold score (x). A model that agrees with the gold scores draws a rising band; Spearman's rho measures how well the order agrees.",
            embed: embedCharts)
        failures = s.failures.map(Example.init)
        broken = s.broken.map(Example.init)
        hasBroken = !broken.isEmpty
        overlapGold = ReportFormat.fixed(s.overlapWithGold, 2)
        overlapBaseline = ReportFormat.fixed(s.overlapWithBaseline, 2)
        overlapFinetuned = ReportFormat.fixed(s.overlapWithFinetuned, 2)
        overlapRivalsBaseline = (s.overlapWithGold ?? -1) >= s.baseline.spearman
    }

    static func scatterChart(_ s: StsOutcome) -> ScatterChart {
        func panel(_ title: String, _ score: (StsItem) -> Double) -> ScatterPanel {
            ScatterPanel(title: title, series: [
                ScatterSeries(name: "Pairs", points: s.items.map { ChartPoint($0.gold, score($0)) }, style: .positive),
            ])
        }
        return ScatterChart(title: "Predicted similarity against the gold score, before and after", panels: [
            panel("Baseline", \.baseline), panel("Fine-tuned", \.finetuned),
        ], xTitle: "Gold score", yTitle: "Similarity", maxPointsPerPanel: 2000)
    }
}

extension StsStory.Example {
    init(_ failure: StsFailure) {
        let item = failure.item
        switch failure.tag {
        case .fixed: (tag, tagClass) = ("fixed", "fixed")
        case .stillWrong: (tag, tagClass) = ("still wrong", "still-wrong")
        case .broken: (tag, tagClass) = ("broken by fine-tuning", "broken")
        }
        line = String(item.line)
        let shared = RetrievalStory.sharedKeys(item.textA, item.textB)
        a = ReportView.ExampleView.segments(item.textA, shared: shared, key: RetrievalStory.wordKey)
        b = ReportView.ExampleView.segments(item.textB, shared: shared, key: RetrievalStory.wordKey)
        func rank(_ share: Double) -> String { ReportFormat.percent(share, 0) }
        gold = ReportFormat.fixed(item.gold, 2)
        goldRank = rank(item.goldRank)
        baseline = ReportFormat.fixed(item.baseline, 2)
        baselineRank = rank(item.baselineRank)
        finetuned = ReportFormat.fixed(item.finetuned, 2)
        finetunedRank = rank(item.finetunedRank)
        sharedWords = item.shared.joined(separator: ", ")
        hasShared = !item.shared.isEmpty
        matched = failure.sentences.flatMap(ReportView.MatchedView.init)
    }
}

extension ReportView.DiagnosisFlags {
    /// The one flag of `diagnosis` set.
    init(_ diagnosis: Diagnosis) {
        self.init(backwards: diagnosis == .backwards, random: diagnosis == .random, weak: diagnosis == .weak,
                  strong: diagnosis == .strong, collapsed: diagnosis == .collapsed)
    }
}
