import Evaluation
import Foundation

/// What the report templates see: every value already formatted as text, every choice of wording
/// expressed as a flag the templates branch on. Built by `ReportView.init(result:charts:)`.
struct ReportView {
    // The run's frame (``ReportFrame``), flat: custom templates (`--templates`) name these at the top.
    var title: String
    var runName: String
    var created: String
    var createdISO: String
    var readingMinutes: Int
    var toolVersion: String
    var commandLine: String
    var seed: String
    var notes: String?
    var hyperparameters: [KeyValue]
    var training: TrainingView?
    var probes: ProbesView?
    var guards: GuardsView?
    var matryoshka: MatryoshkaView?
    var sentenceMatches: SentenceMatchView?
    var threshold: String
    /// How each model's embeddings were compared, for the setup table.
    var models: Models

    struct Models {
        var baseline: Similarity
        var finetuned: Similarity
        var differ: Bool { baseline.similarity != finetuned.similarity }
    }

    struct Similarity {
        var similarity: String
    }
    var b: ModelView
    var f: ModelView
    var outcome: Outcome
    var data: DataView
    var cmp: ComparisonView
    var charts: ChartsView
    var examples: ExamplesView
    var lexical: LexicalView
    var limit: LimitView
    var sts: STSView?
    var retrieval: RetrievalStory?
    var leakage: LeakageView?
    var uniformitySampled: Bool
    /// Fine-tuning made the space markedly less uniform (embeddings crowding together).
    var spaceContracted: Bool

    struct KeyValue {
        var key: String
        var value: String
    }

    /// Exactly one flag is set: the baseline's (or a model's) diagnosis.
    struct DiagnosisFlags {
        var backwards = false
        var random = false
        var weak = false
        var strong = false
        var collapsed = false
    }

    /// Exactly one of improved / unchanged / worse is set: whether the paired test says fine-tuning
    /// helped. `pastChance` says whether the fine-tuned model now ranks pairs better than chance (its
    /// diagnosis is weak or strong), so a backwards baseline is only "turned around" when it is.
    struct Outcome {
        var improved = false
        var unchanged = false
        var worse = false
        var pastChance = false
    }

    struct ModelView {
        var role: String
        var name: String
        var reference: String
        var digest: String
        var digestShort: String
        var dimension: String
        var auc: String
        var aucLo: String
        var aucHi: String
        var d: String
        var dLo: String
        var dHi: String
        var effect: String
        var margin: String
        var meanPos: String
        var meanNeg: String
        var meanAll: String
        var accuracy: String
        var precision: String
        var recall: String
        var f1: String
        var mcc: String
        var ap: String
        var diagnosis: String
        var diag: DiagnosisFlags
        var optimisticAccuracy: String
        var optimisticThreshold: String
        var crossFittedAccuracy: String
        var folds: String
        var alignment: String
        var uniformity: String
    }

    struct DataView {
        var file: String
        var digest: String
        var digestShort: String
        var pairs: String
        var positives: String
        var negatives: String
        var positiveShare: String
        var majorityShare: String
        var uniqueTexts: String
        var trainFile: String?
        var trainPairs: String?
    }

    struct ComparisonView {
        var deltaAUC: String
        var deltaAUCMagnitude: String
        var deltaAUCLo: String
        var deltaAUCHi: String
        var deltaD: String
        var deltaDLo: String
        var deltaDHi: String
        var samples: String
        var z: String
        var p: String
        /// Verdicts at the one fixed threshold, the same for both models.
        var fixed: String
        var broken: String
        var stillWrong: String
        var stillRight: String
        /// Verdicts at each model's own cross-fitted threshold: the headline counts.
        var own: VerdictsView
        /// Every measure shown for both models, with its paired test (Holm across the rows).
        var measures: [MeasureView]
        var measuresTested: String
    }

    /// One row of the tested-measures table; `cssClass` is "better" or "worse" only when the
    /// Holm-adjusted p is below 0.05 and the change does not round to zero as shown.
    struct MeasureView {
        var label: String
        var baseline: String
        var finetuned: String
        var delta: String
        var method: String
        var p: String
        var adjustedP: String
        var cssClass: String
    }

    struct VerdictsView {
        var fixed: String
        var broken: String
        var stillWrong: String
        var stillRight: String
        var folds: String
    }

    struct FigureView {
        var embed: Bool
        var svg: String
        var caption: String
        var summary: String
        var table: TableView
    }

    struct TableView {
        var header: [String]
        var rows: [Row]
        struct Row {
            var cells: [String]
        }
    }

    struct ChartsView {
        var roc: FigureView
        var distributions: FigureView
        var pca: FigureView?
    }

    /// A run of a text, highlighted when it is a word both texts of the pair use.
    struct Segment {
        var text: String
        var shared: Bool
    }

    struct ExampleView {
        var index: String
        var kind: String
        var tag: String
        var tagClass: String
        var a: [Segment]
        var b: [Segment]
        var baseline: String
        var finetuned: String
        var sharedWords: String
        var hasShared: Bool
        var matched: MatchedView?
    }

    /// The sentence pair each model matched best in an example; shown when a text has more than one
    /// sentence (with one each, the match is the whole pair).
    struct MatchedView {
        var baselineA: String
        var baselineB: String
        var baselineScore: String
        var finetunedA: String
        var finetunedB: String
        var finetunedScore: String
        /// Both models matched the same two sentences.
        var same: Bool

        init?(_ m: MatchedSentences) {
            guard max(m.baseline.sentencesA, m.baseline.sentencesB) > 1 else { return nil }
            (baselineA, baselineB) = (ReportEscaping.oneLine(m.baseline.sentenceA), ReportEscaping.oneLine(m.baseline.sentenceB))
            (finetunedA, finetunedB) = (ReportEscaping.oneLine(m.finetuned.sentenceA), ReportEscaping.oneLine(m.finetuned.sentenceB))
            baselineScore = ReportFormat.fixed(m.baseline.score, 2)
            finetunedScore = ReportFormat.fixed(m.finetuned.score, 2)
            same = m.baseline.sentenceA == m.finetuned.sentenceA && m.baseline.sentenceB == m.finetuned.sentenceB
        }
    }

    /// How often each model's best sentence match beats its median pair, over a sample.
    struct SentenceMatchView {
        var negatives: String
        var positives: String
        var baselineNegatives: String
        var finetunedNegatives: String
        var baselinePositives: String
        var finetunedPositives: String
        /// The baseline's best sentence matches clear its median on negatives at least as often as on positives.
        var topicTrap: Bool

        init(_ s: SentenceMatchSummary) {
            negatives = ReportFormat.count(s.negatives)
            positives = ReportFormat.count(s.positives)
            baselineNegatives = ReportFormat.percent(s.baselineNegativesAbove, 0)
            finetunedNegatives = ReportFormat.percent(s.finetunedNegativesAbove, 0)
            baselinePositives = ReportFormat.percent(s.baselinePositivesAbove, 0)
            finetunedPositives = ReportFormat.percent(s.finetunedPositivesAbove, 0)
            topicTrap = s.baselineNegativesAbove >= s.baselinePositivesAbove
        }
    }

    struct ExamplesView {
        var highNegatives: [ExampleView]
        var lowPositives: [ExampleView]
        var hasHighNegatives: Bool
        var hasLowPositives: Bool
    }

    struct LexicalView {
        var overlapAUC: String
        var baselineRho: String
        var finetunedRho: String
        var meanPos: String
        var meanNeg: String
        var overlapMisleads: Bool
        var overlapHelps: Bool
        var overlapNeutral: Bool
        var finetuneDecoupled: Bool
    }

    struct LimitView {
        var remaining: String
        var falsePositives: String
        var falseNegatives: String
        var lowInformation: String
        var lowInformationShare: String
        var lowInformationOverall: String
        var lowInformationOverrepresented: Bool
        /// The fine-tuned accuracy at the threshold is no better than always answering the larger class.
        var noBetterThanMajority: Bool
        var hasErrors: Bool
        var examples: [ExampleView]
        var hasExamples: Bool
    }

    struct TrainingView {
        var source: String
        var steps: String
        var firstLoss: String
        var lastLoss: String
        var plateaued: Bool
        var chart: FigureView?
    }

    struct STSView {
        var baselineSpearman: String
        var finetunedSpearman: String
        var baselinePearson: String
        var finetunedPearson: String
    }

    struct ProbesView {
        var passed: String
        var total: String
        var rows: [Row]
        struct Row {
            var a: String
            var b: String
            var expected: String
            var baseline: String
            var finetuned: String
            var passed: Bool
        }
    }

    struct LeakageView {
        var exactDuplicates: String
        var nearDuplicates: String
        var leakedPairs: String
        var clean: Bool
        var trainPairsMeasured: String
        var trainAUCBaseline: String
        var trainAUCFinetuned: String
        var heldOutAUCBaseline: String
        var heldOutAUCFinetuned: String
        var gap: String
        var overfit: Bool
    }
}
