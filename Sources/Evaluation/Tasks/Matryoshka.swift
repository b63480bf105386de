/// The primary task's main measure with the embeddings cut to their first d components (`--dims`),
/// for both models: how much a smaller index costs, before and after fine-tuning (REFERENCE.md,
/// Matryoshka). metrics.json's `matryoshka`.
public struct MatryoshkaCurve: Sendable {
    /// The measure's metrics.json key: `auc`, `spearman` or `ndcg_at_10`.
    public var measure: String
    /// One point per dimension asked for, largest first.
    public var points: [Point]

    public struct Point: Sendable {
        public var dimension: Int
        public var baseline: Double
        public var finetuned: Double
    }

    /// - Throws: `EvaluationError.inconsistent` when a dimension is not in 1...each model's width.
    static func measure(_ task: TaskData, dimensions: [Int], baseline: EncodedModel, finetuned: EncodedModel) throws
        -> MatryoshkaCurve {
        let widest = min(baseline.dimension, finetuned.dimension)
        for dimension in dimensions where !(1...widest).contains(dimension) {
            throw EvaluationError.inconsistent(
                "--dims: \(dimension) is not between 1 and the models' embedding width \(widest)")
        }
        let points = try Set(dimensions).sorted(by: >).map { d in
            Point(dimension: d, baseline: try task.mainMeasure(baseline.truncated(to: d)),
                  finetuned: try task.mainMeasure(finetuned.truncated(to: d)))
        }
        return MatryoshkaCurve(measure: task.mainMeasureKey, points: points)
    }
}

extension TaskData {
    /// The metrics.json key of the task's main measure.
    var mainMeasureKey: String {
        switch self {
        case .pairs: return "auc"
        case .sts: return "spearman"
        case .retrieval: return "ndcg_at_10"
        }
    }

    func mainMeasure(_ model: EncodedModel) throws -> Double {
        switch self {
        case .pairs(let task): return try task.mainMeasure(model)
        case .sts(let task): return try task.mainMeasure(model)
        case .retrieval(let task): return try task.mainMeasure(model)
        }
    }
}
