import Foundation

/// A retrieval benchmark in the BEIR layout: `corpus.jsonl` (`_id`, `title`, `text`),
/// `queries.jsonl` (`_id`, `text`) and `qrels/test.tsv` (or the only `.tsv` in `qrels/`) with the
/// header `query-id corpus-id score`; a score above 0 marks a relevant document.
///
/// Source: Thakur et al., "BEIR: A Heterogeneous Benchmark for Zero-shot Evaluation of Information
/// Retrieval Models" (NeurIPS 2021 Datasets and Benchmarks), and its data loader's file layout.
public struct RetrievalDataset: Sendable {
    /// A corpus document; `text` is what gets embedded (`title` and body joined, as BEIR does).
    public struct Document: Sendable, Equatable {
        public var id: String
        public var title: String
        public var body: String
        public var line: Int
        /// Title and body joined by a space (just the body when the title is empty).
        public var text: String { title.isEmpty ? body : title + " " + body }

        public init(id: String, title: String, body: String, line: Int) {
            self.id = id
            self.title = title
            self.body = body
            self.line = line
        }
    }

    /// A query with its line in `queries.jsonl`.
    public struct Query: Sendable, Equatable {
        public var id: String
        public var text: String
        public var line: Int

        public init(id: String, text: String, line: Int) {
            self.id = id
            self.text = text
            self.line = line
        }
    }

    public let folder: URL
    public let corpus: [Document]
    /// Queries that have at least one judgement in the qrels file, in file order.
    public let queries: [Query]
    /// Graded relevance: query id → document id → score (only scores > 0 are kept).
    public let relevance: [String: [String: Double]]
    /// SHA-256 of each file, keyed by its path relative to the folder.
    public let digests: [String: String]
    /// Queries of queries.jsonl that no qrels line names: skipped, and counted so the report can say so.
    public var unjudgedQueries = 0

    public init(folder: URL, corpus: [Document], queries: [Query], relevance: [String: [String: Double]],
                digests: [String: String]) {
        self.folder = folder
        self.corpus = corpus
        self.queries = queries
        self.relevance = relevance
        self.digests = digests
    }

    /// The relevant document ids for a query.
    public func relevant(to queryID: String) -> Set<String> {
        Set((relevance[queryID] ?? [:]).keys)
    }

    public static func read(folder: URL) throws -> RetrievalDataset {
        var digests: [String: String] = [:]

        let corpusReader = try TableReader(url: folder.appendingPathComponent("corpus.jsonl"))
        var corpus: [Document] = []
        var documentLines: [String: Int] = [:]
        while let record = try corpusReader.next() {
            let id = try record.string("_id")
            let title = record.has("title") ? try record.string("title") : ""
            let body = record.has("text") ? try record.string("text") : ""
            if let first = documentLines[id] {
                throw DatasetError.duplicateID(file: corpusReader.file, line: record.line, id: id, firstLine: first)
            }
            documentLines[id] = record.line
            let joined = TableRecord(file: record.file, line: record.line,
                                     fields: ["text": .text(title.isEmpty ? body : title + " " + body)])
            _ = try joined.text("text")
            corpus.append(Document(id: id, title: title, body: body, line: record.line))
        }
        guard !corpus.isEmpty else { throw DatasetError.emptyData(file: corpusReader.file) }
        digests["corpus.jsonl"] = try corpusReader.fileDigest()

        let queryReader = try TableReader(url: folder.appendingPathComponent("queries.jsonl"))
        var allQueries: [Query] = []
        var queryLines: [String: Int] = [:]
        while let record = try queryReader.next() {
            let id = try record.string("_id")
            let text = try record.text("text")
            if let first = queryLines[id] {
                throw DatasetError.duplicateID(file: queryReader.file, line: record.line, id: id, firstLine: first)
            }
            queryLines[id] = record.line
            allQueries.append(Query(id: id, text: text, line: record.line))
        }
        guard !allQueries.isEmpty else { throw DatasetError.emptyData(file: queryReader.file) }
        digests["queries.jsonl"] = try queryReader.fileDigest()

        let qrelsURL = try qrelsFile(in: folder)
        let qrelsName = "qrels/" + qrelsURL.lastPathComponent
        let qrelsReader = try TableReader(url: qrelsURL, file: qrelsName)
        for column in ["query-id", "corpus-id", "score"] where !(qrelsReader.header ?? []).contains(column) {
            throw DatasetError.missingColumn(file: qrelsName, line: qrelsReader.headerLine, column: column)
        }
        var relevance: [String: [String: Double]] = [:]
        var judged = Set<String>()
        var rows = 0
        while let record = try qrelsReader.next() {
            rows += 1
            let queryID = try record.string("query-id")
            let documentID = try record.string("corpus-id")
            let score = try record.number("score")
            guard queryLines[queryID] != nil else {
                throw DatasetError.unknownID(file: qrelsName, line: record.line, kind: "query", id: queryID)
            }
            guard documentLines[documentID] != nil else {
                throw DatasetError.unknownID(file: qrelsName, line: record.line, kind: "corpus", id: documentID)
            }
            judged.insert(queryID)
            if score > 0 { relevance[queryID, default: [:]][documentID] = score }
        }
        guard rows > 0 else { throw DatasetError.emptyData(file: qrelsName) }
        digests[qrelsName] = try qrelsReader.fileDigest()

        var dataset = RetrievalDataset(folder: folder, corpus: corpus,
                                       queries: allQueries.filter { judged.contains($0.id) },
                                       relevance: relevance, digests: digests)
        dataset.unjudgedQueries = allQueries.count - dataset.queries.count
        return dataset
    }

    /// `qrels/test.tsv`, else the only `.tsv` in `qrels/`.
    private static func qrelsFile(in folder: URL) throws -> URL {
        let qrels = folder.appendingPathComponent("qrels")
        let test = qrels.appendingPathComponent("test.tsv")
        if FileManager.default.fileExists(atPath: test.path) { return test }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: qrels.path)) ?? []
        let tsvs = names.filter { $0.lowercased().hasSuffix(".tsv") }.sorted()
        guard tsvs.count == 1 else {
            let reason = tsvs.isEmpty ? "no .tsv file (expected qrels/test.tsv)"
                                      : "several .tsv files (\(tsvs.joined(separator: ", "))) and no test.tsv"
            throw DatasetError.cannotRead(file: "qrels/", reason: reason)
        }
        return qrels.appendingPathComponent(tsvs[0])
    }
}
