/// The training objective, as sentence-transformers names it.
public enum TrainingLoss: String, CaseIterable, Sendable {
    /// CosineSimilarityLoss: mean of (cos(u', v') - label)^2; label 1/0 or the graded score.
    case cosine
    /// MultipleNegativesRankingLoss, scale 20, in-batch negatives, positive pairs only.
    case mnrl

    /// The class name sentence-transformers uses, for the run record.
    public var className: String {
        switch self {
        case .cosine: return "CosineSimilarityLoss"
        case .mnrl: return "MultipleNegativesRankingLoss"
        }
    }

    /// Loss of one batch and its gradient with respect to the adapter outputs of both sides.
    func evaluate(anchors: Matrix, candidates: Matrix, targets: [Float]) -> LossValue {
        switch self {
        case .cosine:
            return CosineSimilarityLoss.evaluate(u: anchors, v: candidates, labels: targets)
        case .mnrl:
            return MultipleNegativesRankingLoss.evaluate(anchors: anchors, candidates: candidates)
        }
    }
}

/// A batch loss with dL/d(anchor outputs) and dL/d(candidate outputs), each B x D.
struct LossValue {
    var loss: Float
    var anchorGradient: Matrix
    var candidateGradient: Matrix
}
