import Metrics

/// A retrieval data set evaluated on both models and on BM25: per-query measures with intervals,
/// the paired tests over queries, the diagnosis against BM25, and the failure queries.
public struct RetrievalOutcome: Sendable {
    /// The BEIR folder's name, its files' digests, and its size.
    public var folder: String
    public var digests: [String: String]
    public var documents: Int
    /// Judged queries that have at least one relevant document in the corpus, in file order.
    public var queries: [QueryText]
    /// Queries without qrels, and judged queries whose relevant documents are not in the corpus.
    public var unjudgedQueries: Int
    public var skippedQueries: Int
    /// The prompts each model's queries and documents were encoded with.
    public var prompts: (baseline: ModelPrompts, finetuned: ModelPrompts)

    /// The measures (nDCG@10, recall@k, MRR@10, MAP@100) per ranking, per query, with bootstrap
    /// intervals over queries.
    public var bm25: RankingMeasures
    /// BM25's parameters, as the search used them.
    public var bm25Parameters: (k1: Double, b: Double)
    public var baseline: RankingMeasures
    public var finetuned: RankingMeasures

    /// Fine-tuned minus baseline, paired over queries: nDCG@10 and recall@10.
    public var ndcgChange: PairedTest
    public var recallChange: PairedTest
    /// Each model minus BM25 on nDCG@10: what the diagnosis rests on.
    public var baselineVsBM25: PairedTest
    public var finetunedVsBM25: PairedTest
    public var diagnosis: LexicalDiagnosis
    public var finetunedDiagnosis: LexicalDiagnosis

    /// Per evaluated query: the rank (1-based, within the first 100) of its first relevant document.
    public var firstRelevantRank: (bm25: [Int?], baseline: [Int?], finetuned: [Int?])
    /// The queries whose relevant document the baseline ranked worst, and those fine-tuning broke most.
    public var failures: [FailureQuery]
    public var broken: [FailureQuery]

    public struct QueryText: Sendable {
        public var id: String
        public var text: String
    }
}

/// How a model's search compares with BM25 on the same corpus, decided by the paired tests over
/// queries (two-sided p < 0.05 on nDCG@10): the retrieval form of a strong, random or backwards baseline.
public enum LexicalDiagnosis: String, Sendable {
    /// Significantly better than BM25.
    case beatsBM25 = "beats BM25"
    /// No significant difference: no better than word matching.
    case tiesBM25 = "ties BM25"
    /// Significantly worse than BM25.
    case losesToBM25 = "loses to BM25"

    init(_ test: PairedTest) {
        guard let p = test.tTestP, p < 0.05, test.meanDifference != 0 else {
            self = .tiesBM25
            return
        }
        self = test.meanDifference > 0 ? .beatsBM25 : .losesToBM25
    }
}

/// A query the report shows: what was asked, what should have come first, what the baseline put
/// first, and where the relevant document went before and after fine-tuning.
public struct FailureQuery: Sendable {
    public enum Tag: String, Sendable {
        /// The baseline missed the top 10, the fine-tuned model gets a relevant document into it.
        case fixed
        /// Both miss the top 10.
        case stillWrong = "still wrong"
        /// The baseline had a relevant document in the top 10, the fine-tuned model does not.
        case broken
    }

    public struct Document: Sendable {
        public var id: String
        public var text: String
    }

    public var queryID: String
    public var query: String
    /// The most relevant judged document (highest grade, first in the corpus among equals).
    public var relevant: Document
    /// The document each model ranked first.
    public var baselineTop: Document
    public var finetunedTop: Document
    /// Ranks of the first relevant document (nil: not in the first 100).
    public var baselineRank: Int?
    public var finetunedRank: Int?
    /// nDCG@10 of the query before and after.
    public var baselineNDCG: Double
    public var finetunedNDCG: Double
    public var tag: Tag
}
