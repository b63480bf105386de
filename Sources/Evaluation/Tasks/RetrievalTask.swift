import Datasets
import Metrics

/// Search as a task: each model embeds the queries (with its query prompt) and the corpus (with its
/// document prompt), every query is ranked against the whole corpus by exact cosine (the first 100
/// kept), and the rankings are measured as trec_eval does, beside BM25 on the same corpus.
///
/// - Complexity: O(q c d) multiply-adds per model for the search (blocked sgemm), O(q 100) memory
///   for the rankings; BM25 is O(tokens) to index and O(postings of the query's terms) per query.
struct RetrievalTask {
    let data: RetrievalDataset
    /// Rows of each query and document, registered with the run's text requests.
    private(set) var queryRows: [Int] = []
    private(set) var documentRows: [Int] = []
    var bootstrapSamples = 1000
    var randomizationSamples = 10_000
    var seed: UInt64 = 42
    /// Failure queries shown per kind.
    var examples = 4

    static let depth = RankingMeasures.depth

    init(data: RetrievalDataset, requests: inout TextRequests) {
        self.data = data
        queryRows = data.queries.map { requests.row($0.text, .query) }
        documentRows = data.corpus.map { requests.row($0.text, .document) }
    }

    /// Each query's judged documents as corpus positions and grades (at least 1).
    private func judgements() -> [[Int: Int]] {
        let documentIndex = Dictionary(data.corpus.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return data.queries.map { query in
            var grades: [Int: Int] = [:]
            for (id, score) in data.relevance[query.id] ?? [:] {
                if let index = documentIndex[id] { grades[index] = max(1, Int(score.rounded())) }
            }
            return grades
        }
    }

    /// The task's main measure alone: mean nDCG@10 over the judged queries.
    func mainMeasure(_ model: EncodedModel) throws -> Double {
        try RankingMeasures(rankings: try rankings(model), qrels: judgements(), bootstrapSamples: 0, seed: seed).ndcgAt10.mean
    }

    func evaluate(baseline: EncodedModel, finetuned: EncodedModel) throws -> RetrievalOutcome {
        let qrels = judgements()

        let lexical = try BM25(documents: data.corpus.map(\.text))
        let bm25Rankings = lexical.search(queries: data.queries.map(\.text), k: Self.depth).map { $0.map(\.index) }
        let baselineRankings = try rankings(baseline)
        let finetunedRankings = try rankings(finetuned)

        func measure(_ rankings: [[Int]]) throws -> RankingMeasures {
            try RankingMeasures(rankings: rankings, qrels: qrels, bootstrapSamples: bootstrapSamples, seed: seed)
        }
        let bm25 = try measure(bm25Rankings), before = try measure(baselineRankings), after = try measure(finetunedRankings)
        func paired(_ first: RankingMeasures.Measure, _ second: RankingMeasures.Measure) throws -> PairedTest {
            try PairedTest(baseline: first.perQuery, finetuned: second.perQuery, randomizationSamples: randomizationSamples,
                           bootstrapSamples: bootstrapSamples, seed: seed)
        }
        let ndcgChange = try paired(before.ndcgAt10, after.ndcgAt10)
        let recallChange = try paired(before.recall(at: 10)!, after.recall(at: 10)!)
        let baselineVsBM25 = try paired(bm25.ndcgAt10, before.ndcgAt10)
        let finetunedVsBM25 = try paired(bm25.ndcgAt10, after.ndcgAt10)

        let evaluated = before.evaluatedQueries
        func firstRelevant(_ rankings: [[Int]]) -> [Int?] {
            evaluated.map { q in rankings[q].firstIndex { qrels[q][$0] != nil }.map { $0 + 1 } }
        }
        let ranks = (bm25: firstRelevant(bm25Rankings), baseline: firstRelevant(baselineRankings),
                     finetuned: firstRelevant(finetunedRankings))
        let selection = FailureQueries(data: data, evaluated: evaluated, qrels: qrels,
                                       baselineRankings: baselineRankings, finetunedRankings: finetunedRankings,
                                       ranks: (ranks.baseline, ranks.finetuned),
                                       ndcg: (before.ndcgAt10.perQuery, after.ndcgAt10.perQuery), count: examples)

        return RetrievalOutcome(
            folder: data.folder.lastPathComponent, digests: data.digests, documents: data.corpus.count,
            queries: evaluated.map { RetrievalOutcome.QueryText(id: data.queries[$0].id, text: data.queries[$0].text) },
            unjudgedQueries: data.unjudgedQueries, skippedQueries: before.skippedQueries,
            prompts: (baseline.prompts, finetuned.prompts),
            bm25: bm25, bm25Parameters: (lexical.k1, lexical.b), baseline: before, finetuned: after,
            ndcgChange: ndcgChange, recallChange: recallChange,
            baselineVsBM25: baselineVsBM25, finetunedVsBM25: finetunedVsBM25,
            diagnosis: LexicalDiagnosis(baselineVsBM25), finetunedDiagnosis: LexicalDiagnosis(finetunedVsBM25),
            firstRelevantRank: ranks, failures: selection.worst, broken: selection.broken)
    }

    /// Each query's first 100 documents by the model's similarity, best first (ties: lower corpus index
    /// first). Cosine and dot are blocked matrix products; euclidean and manhattan, rare for retrievers,
    /// score every (query, document) pair directly.
    /// - Complexity: O(q c d) either way; the matrix products run at the BLAS rate.
    private func rankings(_ model: EncodedModel) throws -> [[Int]] {
        let queries = model.rows.rows(queryRows)
        let corpus = model.rows.rows(documentRows)
        switch model.similarity {
        case .cosine, .dot:
            return CosineTopK.search(queries: queries, corpus: corpus, dimension: model.dimension, k: Self.depth,
                                     normalize: model.similarity == .cosine).map { $0.map(\.index) }
        case .euclidean, .manhattan:
            return queries.map { query in
                let scores = corpus.map { model.similarity.score(query, $0) }
                return Array(scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(Self.depth))
            }
        }
    }
}

/// The queries the report shows in its "why" section.
struct FailureQueries {
    var worst: [FailureQuery] = []
    var broken: [FailureQuery] = []

    /// `worst`: the evaluated queries whose first relevant document the baseline ranked lowest (beyond
    /// the first 100 counts as lowest), among those it missed in the top 10, worst first, ties in file
    /// order. `broken`: queries with a relevant document in the baseline's top 10 and none in the
    /// fine-tuned model's, the largest fall in nDCG@10 first.
    init(data: RetrievalDataset, evaluated: [Int], qrels: [[Int: Int]], baselineRankings: [[Int]],
         finetunedRankings: [[Int]], ranks: (baseline: [Int?], finetuned: [Int?]),
         ndcg: (baseline: [Double], finetuned: [Double]), count: Int) {
        func inTop10(_ rank: Int?) -> Bool { rank.map { $0 <= 10 } ?? false }
        func example(_ position: Int, tag: FailureQuery.Tag) -> FailureQuery {
            let q = evaluated[position]
            let query = data.queries[q]
            let best = qrels[q].max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
            func document(_ index: Int) -> FailureQuery.Document {
                FailureQuery.Document(id: data.corpus[index].id, text: data.corpus[index].text)
            }
            return FailureQuery(queryID: query.id, query: query.text, relevant: document(best),
                                baselineTop: document(baselineRankings[q][0]), finetunedTop: document(finetunedRankings[q][0]),
                                baselineRank: ranks.baseline[position], finetunedRank: ranks.finetuned[position],
                                baselineNDCG: ndcg.baseline[position], finetunedNDCG: ndcg.finetuned[position], tag: tag)
        }
        let missed = evaluated.indices.filter { !inTop10(ranks.baseline[$0]) }
            .sorted { (ranks.baseline[$0] ?? .max, -$0) > (ranks.baseline[$1] ?? .max, -$1) }
        worst = missed.prefix(count).map { example($0, tag: inTop10(ranks.finetuned[$0]) ? .fixed : .stillWrong) }
        let fell = evaluated.indices.filter { inTop10(ranks.baseline[$0]) && !inTop10(ranks.finetuned[$0]) }
            .sorted { (ndcg.baseline[$0] - ndcg.finetuned[$0], -$0) > (ndcg.baseline[$1] - ndcg.finetuned[$1], -$1) }
        broken = fell.prefix(count).map { example($0, tag: .broken) }
    }
}
