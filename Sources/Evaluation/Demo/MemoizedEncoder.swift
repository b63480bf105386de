import Embeddings
import Foundation

/// A `TextEncoder` that remembers what it encoded, so a process that runs the same model over the same
/// texts many times (the demo trains several adapters on one base model) pays for each text once.
///
/// Rows are kept in an ``EmbeddingMemo`` under `identity + text`; the identity defaults to the
/// wrapped encoder's `digest` and must tell apart every model that shares the memo. Texts not yet in
/// the memo are encoded in one call to the wrapped encoder, in their order of first appearance.
public final class MemoizedEncoder: TextEncoder {
    public let wrapped: any TextEncoder
    public let memo: EmbeddingMemo
    /// What the memo's keys start with for this model.
    public let identity: String

    public var name: String { wrapped.name }
    public var digest: String { wrapped.digest }
    public var dimension: Int { wrapped.dimension }

    public init(_ wrapped: any TextEncoder, memo: EmbeddingMemo, identity: String? = nil) {
        self.wrapped = wrapped
        self.memo = memo
        self.identity = identity ?? wrapped.digest
    }

    public func encode(_ texts: [String], progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> [[Float]] {
        var missing: [String] = []
        var seen = Set<String>()
        for text in texts where memo.row(identity, text) == nil && seen.insert(text).inserted {
            missing.append(text)
        }
        if !missing.isEmpty {
            let rows = try wrapped.encode(missing, progress: progress)
            guard rows.count == missing.count else {
                throw EvaluationError.inconsistent("\(name): returned \(rows.count) embeddings for \(missing.count) texts")
            }
            for (text, row) in zip(missing, rows) { memo.store(identity, text, row) }
        } else {
            progress?(texts.count, texts.count)
        }
        return try texts.map { text in
            guard let row = memo.row(identity, text) else {
                throw EvaluationError.inconsistent("\(name): no embedding was kept for a text it encoded")
            }
            return row
        }
    }
}

/// The rows a `MemoizedEncoder` remembers, shared by every encoder of one process.
public final class EmbeddingMemo: @unchecked Sendable {
    private var rows: [String: [String: [Float]]] = [:]
    private let lock = NSLock()

    public init() {}

    /// How many rows are remembered, over all models.
    public var count: Int {
        lock.withLock { rows.values.reduce(0) { $0 + $1.count } }
    }

    func row(_ identity: String, _ text: String) -> [Float]? {
        lock.withLock { rows[identity]?[text] }
    }

    func store(_ identity: String, _ text: String, _ row: [Float]) {
        lock.withLock { rows[identity, default: [:]][text] = row }
    }
}
