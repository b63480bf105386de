import Charts
import Evaluation
import Metrics

extension RetrievalStory {
    /// Characters of a document shown in a failure card; longer ones end in "…" at a word boundary.
    static let documentPreview = 420

    init(_ r: RetrievalOutcome, models: (baseline: ModelIdentity, finetuned: ModelIdentity), seed: UInt64, embedCharts: Bool) {
        folder = r.folder
        digests = r.digests.sorted { $0.key < $1.key }.map { FileDigest(name: $0.key, digest: $0.value) }
        queries = ReportFormat.count(r.queries.count)
        documents = ReportFormat.count(r.documents)
        unjudged = r.unjudgedQueries > 0 ? ReportFormat.count(r.unjudgedQueries) : nil
        skipped = r.skippedQueries > 0 ? ReportFormat.count(r.skippedQueries) : nil
        baselinePrompts = Self.describe(r.prompts.baseline)
        finetunedPrompts = Self.describe(r.prompts.finetuned)

        func cell(_ measure: RankingMeasures.Measure) -> Cell {
            Cell(value: ReportFormat.fixed(measure.mean, 3), lo: ReportFormat.fixed(measure.ci95?.lower, 3),
                 hi: ReportFormat.fixed(measure.ci95?.upper, 3))
        }
        func row(_ name: String, _ pick: (RankingMeasures) -> RankingMeasures.Measure) -> Row {
            Row(metric: name, bm25: cell(pick(r.bm25)), baseline: cell(pick(r.baseline)), finetuned: cell(pick(r.finetuned)))
        }
        rows = [row("nDCG@10") { $0.ndcgAt10 }]
            + RankingMeasures.recallCutoffs.map { k in row("Recall@\(k)") { $0.recall(at: k)! } }
            + [row("MRR@10") { $0.mrrAt10 }, row("MAP@100") { $0.mapAt100 }]
        bm25K1 = "\(r.bm25Parameters.k1)"
        bm25B = "\(r.bm25Parameters.b)"
        bm25NDCG = ReportFormat.fixed(r.bm25.ndcgAt10.mean, 3)
        baselineNDCG = ReportFormat.fixed(r.baseline.ndcgAt10.mean, 3)
        finetunedNDCG = ReportFormat.fixed(r.finetuned.ndcgAt10.mean, 3)
        baselineRecall10 = ReportFormat.fixed(r.baseline.recall(at: 10)?.mean, 3)
        finetunedRecall10 = ReportFormat.fixed(r.finetuned.recall(at: 10)?.mean, 3)

        func verdict(_ diagnosis: LexicalDiagnosis, _ test: PairedTest, name: String) -> Verdict {
            Verdict(beats: diagnosis == .beatsBM25, ties: diagnosis == .tiesBM25, loses: diagnosis == .losesToBM25,
                    delta: ReportFormat.signed(test.meanDifference, 3), p: ReportFormat.pValue(test.tTestP), name: name)
        }
        b = verdict(r.diagnosis, r.baselineVsBM25, name: models.baseline.name)
        f = verdict(r.finetunedDiagnosis, r.finetunedVsBM25, name: models.finetuned.name)

        // Holm's correction across the measures of the "did it improve" table.
        let tests = [("nDCG@10", r.ndcgChange, r.baseline.ndcgAt10.mean, r.finetuned.ndcgAt10.mean),
                     ("Recall@10", r.recallChange, r.baseline.recall(at: 10)?.mean ?? .nan, r.finetuned.recall(at: 10)?.mean ?? .nan)]
        let adjusted = Holm.adjusted(tests.map(\.1.tTestP))
        change = zip(tests, adjusted).map { test, p in
            let (metric, paired, before, after) = test
            let significant = p.map { $0 < 0.05 } ?? false
            let better = significant && paired.meanDifference > 0, worse = significant && paired.meanDifference < 0
            return Change(metric: metric, baseline: ReportFormat.fixed(before, 3), finetuned: ReportFormat.fixed(after, 3),
                          delta: ReportFormat.signed(paired.meanDifference, 3),
                          lo: ReportFormat.signed(paired.meanDifferenceCI95?.lower, 3),
                          hi: ReportFormat.signed(paired.meanDifferenceCI95?.upper, 3),
                          pT: ReportFormat.pValue(paired.tTestP), pRandomization: ReportFormat.pValue(paired.randomizationP),
                          pAdjusted: ReportFormat.pValue(p), better: better, worse: worse,
                          cssClass: better ? "better" : worse ? "worse" : "")
        }
        ndcg = change[0]
        outcome = Outcome(improved: ndcg.better, unchanged: !ndcg.better && !ndcg.worse, worse: ndcg.worse)
        let c = r.ndcgChange
        improvedQueries = "\(ReportFormat.count(c.improved)) (\(ReportFormat.percent(c.improvedShare, 0)))"
        unchangedQueries = "\(ReportFormat.count(c.unchanged)) (\(ReportFormat.percent(c.unchangedShare, 0)))"
        worsenedQueries = "\(ReportFormat.count(c.worsened)) (\(ReportFormat.percent(c.worsenedShare, 0)))"
        randomizationSamples = ReportFormat.count(c.randomizationSamples)
        bootstrapSamples = ReportFormat.count(c.bootstrapSamples)

        charts = Charts(
            recall: ReportCharts.figure(Self.recallChart(r), caption:
                "Recall@k for k = 1 to 100: the share of each query's relevant documents found in its first k results, averaged over queries, for BM25 and both models.",
                embed: embedCharts),
            perQuery: ReportCharts.figure(Self.perQueryChart(r), caption:
                "nDCG@10 of every query before (x) and after (y) fine-tuning. Points above the diagonal improved, points below got worse; many queries sit on the same spot.",
                embed: embedCharts))
        failures = r.failures.map { QueryExample($0) }
        broken = r.broken.map { QueryExample($0) }
        hasFailures = !failures.isEmpty
        hasBroken = !broken.isEmpty

        let bm25 = r.bm25.ndcgAt10.perQuery
        let beatsBaseline = zip(bm25, r.baseline.ndcgAt10.perQuery).filter { $0 > $1 }.count
        let beatsFinetuned = zip(bm25, r.finetuned.ndcgAt10.perQuery).filter { $0 > $1 }.count
        let n = Double(max(bm25.count, 1))
        bm25BeatsBaseline = ReportFormat.count(beatsBaseline)
        bm25BeatsFinetuned = ReportFormat.count(beatsFinetuned)
        bm25BeatsBaselineShare = ReportFormat.percent(Double(beatsBaseline) / n, 0)
        bm25BeatsFinetunedShare = ReportFormat.percent(Double(beatsFinetuned) / n, 0)
    }

    /// "query: “query: ” · documents: none", for the setup table.
    static func describe(_ prompts: ModelPrompts) -> String {
        func shown(_ prompt: String?) -> String {
            guard let prompt, !prompt.isEmpty else { return "none" }
            return "“" + ReportEscaping.oneLine(prompt) + "”"
        }
        return "queries \(shown(prompts.query)), documents \(shown(prompts.document))"
    }

    static func recallChart(_ r: RetrievalOutcome) -> LineChart {
        func series(_ name: String, _ measures: RankingMeasures, _ index: Int) -> LineSeries {
            LineSeries(name: name, points: measures.recallCurve.enumerated().map { ChartPoint(Double($0 + 1), $1) },
                       style: .series(index))
        }
        return LineChart(title: "Recall@k, k = 1 to 100", series: [
            series("BM25", r.bm25, 2), series("Baseline", r.baseline, 0), series("Fine-tuned", r.finetuned, 1),
        ], xTitle: "k", yTitle: "Recall@k")
    }

    static func perQueryChart(_ r: RetrievalOutcome) -> ScatterChart {
        let points = zip(r.baseline.ndcgAt10.perQuery, r.finetuned.ndcgAt10.perQuery).map { ChartPoint($0, $1) }
        return ScatterChart(title: "nDCG@10 per query, before and after", panels: [
            ScatterPanel(title: "", series: [ScatterSeries(name: "Queries", points: points, style: .positive)]),
        ], xTitle: "Baseline nDCG@10", yTitle: "Fine-tuned nDCG@10", maxPointsPerPanel: 4000, diagonal: true)
    }

    /// The key under which two words count as the same word: lower-cased, then its Snowball stem, so
    /// "smoke", "smokes" and "smoking" match.
    static func wordKey(_ word: String) -> String {
        SnowballEnglish.stem(word.lowercased())
    }

    /// Words of `text` (keys) that also occur in `other`, stop words left out.
    static func sharedKeys(_ text: String, _ other: String) -> Set<String> {
        let mine = Set(LexicalOverlap.contentWords(text).map(wordKey))
        return mine.intersection(LexicalOverlap.contentWords(other).map(wordKey))
    }

    /// A document cut to about `documentPreview` characters at a word boundary.
    static func preview(_ text: String) -> String {
        guard text.count > documentPreview else { return text }
        let cut = text.prefix(documentPreview)
        let end = cut.lastIndex(where: \.isWhitespace) ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}

extension RetrievalStory.QueryExample {
    init(_ example: FailureQuery) {
        switch example.tag {
        case .fixed: (tag, tagClass) = ("fixed by fine-tuning", "fixed")
        case .stillWrong: (tag, tagClass) = ("still wrong", "still-wrong")
        case .broken: (tag, tagClass) = ("broken by fine-tuning", "broken")
        }
        let key = RetrievalStory.wordKey
        let relevantShared = RetrievalStory.sharedKeys(example.query, example.relevant.text)
        let topShared = RetrievalStory.sharedKeys(example.query, example.baselineTop.text)
        queryID = example.queryID
        query = ReportView.ExampleView.segments(example.query, shared: relevantShared.union(topShared), key: key)
        relevantID = example.relevant.id
        relevant = ReportView.ExampleView.segments(RetrievalStory.preview(example.relevant.text), shared: relevantShared, key: key)
        baselineTopID = example.baselineTop.id
        baselineTop = ReportView.ExampleView.segments(RetrievalStory.preview(example.baselineTop.text), shared: topShared, key: key)
        baselineTopIsRelevant = example.baselineTop.id == example.relevant.id
        rankBefore = example.baselineRank.map(String.init) ?? "beyond 100"
        rankAfter = example.finetunedRank.map(String.init) ?? "beyond 100"
        ndcgBefore = ReportFormat.fixed(example.baselineNDCG, 2)
        ndcgAfter = ReportFormat.fixed(example.finetunedNDCG, 2)
        let words = relevantShared.sorted()
        sharedWords = words.joined(separator: ", ")
        hasShared = !words.isEmpty
    }
}
