/// Input checks shared by every metric: lengths agree, nothing is empty, everything is finite.
enum Validation {
    /// Throws unless `scores` is non-empty and every value is finite.
    static func finite(_ scores: [Double], _ what: String) throws {
        guard !scores.isEmpty else { throw MetricsError.empty(what: what) }
        for (index, value) in scores.enumerated() where !value.isFinite {
            throw MetricsError.nonFinite(what: what, index: index, value: value)
        }
    }

    /// Throws unless `count` equals `expected`.
    static func sameLength(_ count: Int, _ expected: Int, _ what: String) throws {
        guard count == expected else {
            throw MetricsError.lengthMismatch(what: what, expected: expected, got: count)
        }
    }

    /// Validates scores against labels and returns the class counts; both classes must be present.
    @discardableResult
    static func pairs(scores: [Double], labels: [Bool], what: String = "scores") throws -> (positives: Int, negatives: Int) {
        guard !labels.isEmpty else { throw MetricsError.empty(what: "labels") }
        try finite(scores, what)
        try sameLength(scores.count, labels.count, "\(what) vs labels")
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else {
            throw MetricsError.oneClass(positives: positives, negatives: negatives)
        }
        return (positives, negatives)
    }

    /// Throws unless every row has the same, non-zero dimension and only finite values; returns it.
    @discardableResult
    static func rows(_ rows: [[Float]], _ what: String) throws -> Int {
        guard let first = rows.first else { throw MetricsError.empty(what: what) }
        let dimension = first.count
        guard dimension > 0 else { throw MetricsError.empty(what: "\(what)[0]") }
        for (index, row) in rows.enumerated() {
            guard row.count == dimension else {
                throw MetricsError.dimensionMismatch(what: "\(what)[\(index)]", expected: dimension, got: row.count)
            }
            for (column, value) in row.enumerated() where !value.isFinite {
                throw MetricsError.nonFinite(what: "\(what)[\(index)]", index: column, value: Double(value))
            }
        }
        return dimension
    }
}
