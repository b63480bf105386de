/// One hand-written probe: two texts the fine-tuned model should pull closer together (or push
/// farther apart) than the baseline did, with both cosines and the verdict.
public struct ProbeResult: Codable, Equatable, Sendable {
    public enum Expectation: String, Codable, Sendable {
        case closer
        case farther
    }

    public var name: String
    public var first: String
    public var second: String
    public var expect: Expectation
    /// Cosine similarity under the baseline model.
    public var before: Double
    /// Cosine similarity under the fine-tuned model.
    public var after: Double

    /// after - before.
    public var change: Double { after - before }

    /// Passes when the cosine moved strictly in the expected direction.
    public var passed: Bool {
        switch expect {
        case .closer: return after > before
        case .farther: return after < before
        }
    }

    public init(name: String, first: String, second: String, expect: Expectation, before: Double, after: Double) throws {
        try Validation.finite([before], "probe \(name) cosine before")
        try Validation.finite([after], "probe \(name) cosine after")
        self.name = name
        self.first = first
        self.second = second
        self.expect = expect
        self.before = before
        self.after = after
    }

    /// Builds a probe from the four embeddings (first/second text under each model).
    public init(name: String, first: String, second: String, expect: Expectation,
                baseline: (first: [Float], second: [Float]), finetuned: (first: [Float], second: [Float])) throws {
        try self.init(name: name, first: first, second: second, expect: expect,
                      before: try Self.cosine(baseline.first, baseline.second),
                      after: try Self.cosine(finetuned.first, finetuned.second))
    }

    /// Cosine similarity a . b / (|a| |b|), in Double.
    /// - Throws: `dimensionMismatch`, `nonFinite`, `empty`, or `invalidParameter` for a zero vector.
    public static func cosine(_ a: [Float], _ b: [Float]) throws -> Double {
        try Validation.rows([a], "first vector")
        try Validation.rows([b], "second vector")
        guard a.count == b.count else { throw MetricsError.dimensionMismatch(what: "second vs first vector", expected: a.count, got: b.count) }
        var dot = 0.0, na = 0.0, nb = 0.0
        for i in a.indices {
            dot += Double(a[i]) * Double(b[i])
            na += Double(a[i]) * Double(a[i])
            nb += Double(b[i]) * Double(b[i])
        }
        guard na > 0, nb > 0 else { throw MetricsError.invalidParameter("cosine of a zero vector is undefined") }
        return dot / (na.squareRoot() * nb.squareRoot())
    }
}
