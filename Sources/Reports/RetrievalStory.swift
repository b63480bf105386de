/// What the retrieval templates see: the retrieval task's story (BM25 as the lexical reference, both
/// models with intervals, the paired tests over queries, the failure queries), every value formatted,
/// every choice of wording a flag. Built by `RetrievalStory.init(_:models:seed:embedCharts:)`.
struct RetrievalStory {
    /// A section below another task's story: its headings go one level down.
    var nested = false
    var folder: String
    /// SHA-256 of each file of the folder, for the footer.
    var digests: [FileDigest]
    var queries: String
    var documents: String
    var unjudged: String?
    var skipped: String?
    var baselinePrompts: String
    var finetunedPrompts: String
    /// Metric / BM25 / Baseline / Fine-tuned, each with its 95% interval.
    var rows: [Row]
    /// nDCG@10 of each ranking, for sentences.
    /// BM25's k1 and b, as used.
    var bm25K1: String
    var bm25B: String
    var bm25NDCG: String
    var baselineNDCG: String
    var finetunedNDCG: String
    var baselineRecall10: String
    var finetunedRecall10: String
    /// The diagnosis of each model against BM25.
    var b: Verdict
    var f: Verdict
    /// Fine-tuned minus baseline, paired over queries.
    var change: [Change]
    var ndcg: Change
    var outcome: Outcome
    var improvedQueries: String
    var unchangedQueries: String
    var worsenedQueries: String
    var charts: Charts
    var failures: [QueryExample]
    var broken: [QueryExample]
    var hasFailures: Bool
    var hasBroken: Bool
    /// On how many queries BM25's nDCG@10 is higher than each model's.
    var bm25BeatsBaseline: String
    var bm25BeatsFinetuned: String
    var bm25BeatsBaselineShare: String
    var bm25BeatsFinetunedShare: String
    var randomizationSamples: String
    var bootstrapSamples: String

    struct FileDigest {
        var name: String
        var digest: String
    }

    struct Row {
        var metric: String
        var bm25: Cell
        var baseline: Cell
        var finetuned: Cell
    }

    struct Cell {
        var value: String
        var lo: String
        var hi: String
    }

    /// Exactly one flag is set.
    struct Verdict {
        var beats = false
        var ties = false
        var loses = false
        /// Model minus BM25 on nDCG@10, and the paired t-test's p.
        var delta: String
        var p: String
        var name: String
    }

    /// A paired comparison of one measure; `better`/`worse` only when Holm's adjusted p < 0.05.
    struct Change {
        var metric: String
        var baseline: String
        var finetuned: String
        var delta: String
        var lo: String
        var hi: String
        var pT: String
        var pRandomization: String
        var pAdjusted: String
        var better: Bool
        var worse: Bool
        var cssClass: String
    }

    /// Exactly one of improved / unchanged / worse, from nDCG@10's adjusted p.
    struct Outcome {
        var improved = false
        var unchanged = false
        var worse = false
    }

    struct Charts {
        var recall: ReportView.FigureView
        var perQuery: ReportView.FigureView
    }

    struct QueryExample {
        var tag: String
        var tagClass: String
        var queryID: String
        var query: [ReportView.Segment]
        var relevantID: String
        var relevant: [ReportView.Segment]
        var baselineTopID: String
        var baselineTop: [ReportView.Segment]
        var baselineTopIsRelevant: Bool
        var rankBefore: String
        var rankAfter: String
        var ndcgBefore: String
        var ndcgAfter: String
        var sharedWords: String
        var hasShared: Bool
    }
}
