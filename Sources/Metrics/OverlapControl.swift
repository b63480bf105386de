/// A model's separation with and without the part of its similarity that overlap predicts.
///
/// Method: regress similarity on Jaccard overlap by ordinary least squares over all pairs,
/// s = a + b * overlap + residual, and score the classes by the residual instead. If the model only
/// measured shared words, the residual AUC falls to 0.5 and d to 0. `separationExplained` is
/// 1 - (residualAUC - 0.5) / (auc - 0.5): the share of the AUC's distance from chance that
/// disappears once overlap is controlled (negative when controlling sharpens the separation).
public struct OverlapControl: Codable, Equatable, Sendable {
    public var auc: Double
    public var residualAUC: Double
    public var cohensD: Double?
    public var residualCohensD: Double?
    /// OLS slope of similarity on overlap (0 when overlap is constant).
    public var slope: Double
    public var intercept: Double
    /// Nil when the raw AUC is exactly 0.5 (nothing to explain).
    public var separationExplained: Double?

    init(similarity: [Double], overlap: [Double], labels: [Bool]) {
        let (mx, sxx) = EffectSize.meanAndSquares(overlap)
        let my = EffectSize.meanAndSquares(similarity).mean
        var sxy = 0.0
        for i in overlap.indices { sxy += (overlap[i] - mx) * (similarity[i] - my) }
        let b = sxx > 0 ? sxy / sxx : 0, a = my - b * mx
        slope = b
        intercept = a
        let residual = overlap.indices.map { similarity[$0] - (a + b * overlap[$0]) }
        auc = ROC.auc(scores: similarity, labels: labels)
        residualAUC = ROC.auc(scores: residual, labels: labels)
        let (p, n) = Self.split(similarity, labels), (rp, rn) = Self.split(residual, labels)
        cohensD = EffectSize.cohensDIfDefined(positive: p, negative: n)
        residualCohensD = EffectSize.cohensDIfDefined(positive: rp, negative: rn)
        separationExplained = auc == 0.5 ? nil : 1 - (residualAUC - 0.5) / (auc - 0.5)
    }

    private static func split(_ scores: [Double], _ labels: [Bool]) -> (positive: [Double], negative: [Double]) {
        (zip(scores, labels).filter(\.1).map(\.0), zip(scores, labels).filter { !$0.1 }.map(\.0))
    }
}
