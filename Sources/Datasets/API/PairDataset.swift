import Foundation

/// A file of text pairs for pair classification (binary `label`) or graded similarity (`score`).
///
/// Read from JSONL, CSV or TSV (by extension). Every problem is a `DatasetError` naming the file
/// and line; the file is streamed line by line and never held whole in memory.
public struct PairDataset: Sendable {
    public let url: URL
    public let pairs: [LabeledPair]
    /// The columns actually used (after falling back to `sentence1`/`sentence2`).
    public let columns: PairColumns
    /// SHA-256 of the file's bytes, hex.
    public let digest: String

    /// Whether every pair carries a binary label.
    public var hasLabels: Bool { !pairs.isEmpty && pairs.allSatisfy { $0.label != nil } }
    /// Whether every pair carries a graded score.
    public var hasScores: Bool { !pairs.isEmpty && pairs.allSatisfy { $0.score != nil } }
    /// Pairs labelled 1.
    public var positives: [LabeledPair] { pairs.filter { $0.label == true } }
    /// Pairs labelled 0.
    public var negatives: [LabeledPair] { pairs.filter { $0.label == false } }
    public var positiveCount: Int { pairs.reduce(0) { $0 + ($1.label == true ? 1 : 0) } }
    public var negativeCount: Int { pairs.reduce(0) { $0 + ($1.label == false ? 1 : 0) } }
    /// The name used in messages (the file's last path component).
    public var fileName: String { url.lastPathComponent }

    public init(url: URL, pairs: [LabeledPair], columns: PairColumns = .init(), digest: String) {
        self.url = url
        self.pairs = pairs
        self.columns = columns
        self.digest = digest
    }

    /// Reads pairs from `url`. A label column, a score column, or both must be present; when present
    /// in the first row (or the header) a column is required on every row.
    public static func read(_ url: URL, columns: PairColumns = .init()) throws -> PairDataset {
        let reader = try TableReader(url: url)
        var pairs: [LabeledPair] = []
        var resolved: (a: String, b: String, label: String?, score: String?)?
        while let record = try reader.next() {
            let use: (a: String, b: String, label: String?, score: String?)
            if let resolved {
                use = resolved
            } else {
                use = try resolve(columns, present: reader.header.map(Set.init) ?? Set(record.fields.keys),
                                  file: reader.file, line: reader.header == nil ? record.line : reader.headerLine)
                resolved = use
            }
            let textA = try record.text(use.a)
            let textB = try record.text(use.b)
            let label = try use.label.map { try record.label($0) }
            let score = try use.score.map { try record.number($0) }
            pairs.append(LabeledPair(textA: textA, textB: textB, label: label, score: score, line: record.line))
        }
        guard let used = resolved, !pairs.isEmpty else { throw DatasetError.emptyData(file: reader.file) }
        var actual = columns
        actual.textA = used.a
        actual.textB = used.b
        return PairDataset(url: url, pairs: pairs, columns: actual, digest: try reader.fileDigest())
    }

    /// Checks what pair classification needs: a label on every pair and both classes present.
    public func validateForPairClassification() throws {
        guard hasLabels else {
            throw DatasetError.missingColumn(file: fileName, line: pairs.first?.line ?? 1, column: columns.label)
        }
        let positive = positiveCount
        if positive == 0 { throw DatasetError.oneClassOnly(file: fileName, label: 0, count: pairs.count) }
        if positive == pairs.count { throw DatasetError.oneClassOnly(file: fileName, label: 1, count: pairs.count) }
    }

    /// Checks what graded similarity needs: a score on every pair, at least four pairs (Williams'
    /// test has n - 3 degrees of freedom), and scores that are not all the same.
    public func validateForSimilarity() throws {
        if let unscored = pairs.first(where: { $0.score == nil }) {
            throw DatasetError.missingColumn(file: fileName, line: unscored.line, column: columns.score)
        }
        guard pairs.count >= 4 else {
            throw DatasetError.invalidValue(file: fileName, line: pairs.last?.line ?? 1, column: columns.score,
                                            detail: "has \(pairs.count) values; graded similarity needs at least 4 scored pairs")
        }
        if let first = pairs.first?.score, pairs.allSatisfy({ $0.score == first }) {
            throw DatasetError.invalidValue(file: fileName, line: pairs.last!.line, column: columns.score,
                                            detail: "is \(first) on every pair; a correlation needs scores that differ")
        }
    }

    /// Whether the file is graded similarity: scores and not a single label (a file with some
    /// labels is pair classification, and a missing label there is an error).
    public var isGradedSimilarity: Bool { !pairs.contains { $0.label != nil } && pairs.contains { $0.score != nil } }

    private static func resolve(_ columns: PairColumns, present: Set<String>, file: String, line: Int) throws
        -> (a: String, b: String, label: String?, score: String?)
    {
        guard let a = columns.textAAlternatives.first(where: present.contains) else {
            throw DatasetError.missingColumn(file: file, line: line, column: columns.textA)
        }
        guard let b = columns.textBAlternatives.first(where: present.contains) else {
            throw DatasetError.missingColumn(file: file, line: line, column: columns.textB)
        }
        let label = present.contains(columns.label) ? columns.label : nil
        let score = present.contains(columns.score) ? columns.score : nil
        if label == nil && score == nil {
            throw DatasetError.missingColumn(file: file, line: line, column: columns.label)
        }
        return (a, b, label, score)
    }
}
