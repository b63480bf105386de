import Foundation

/// sentence-transformers' MultipleNegativesRankingLoss with in-batch negatives.
///
/// S = scale * A_hat P_hat^T (rows L2-normalised, scale 20); L = (1/B) sum_i (logsumexp_j S_ij - S_ii),
/// the cross-entropy whose target for anchor i is candidate i.
/// Gradient: G = (softmax_rows(S) - I) / B; dA_hat = scale G P_hat, dP_hat = scale G^T A_hat; through
/// the normalisation x_hat = x / |x|: dx = (dx_hat - x_hat (x_hat . dx_hat)) / |x|.
/// Source: sentence_transformers/sentence_transformer/losses/MultipleNegativesRankingLoss.py.
/// - Complexity: two B x B x D products and one B x D x B product per batch (BLAS).
enum MultipleNegativesRankingLoss {
    static let scale: Float = 20

    static func evaluate(anchors: Matrix, candidates: Matrix) -> LossValue {
        precondition(anchors.rows == candidates.rows && anchors.columns == candidates.columns,
                     "ranking loss inputs disagree in shape")
        let b = anchors.rows
        let (aHat, aNorms) = normalisedRows(anchors)
        let (pHat, pNorms) = normalisedRows(candidates)
        var scores = Matrix(zeros: b, b)
        Matrix.gemm(aHat, pHat, transposeB: true, alpha: scale, into: &scores)
        var g = Matrix(zeros: b, b)
        var total: Double = 0
        for i in 0..<b {
            let row = scores.row(i)
            let top = row.max() ?? 0
            var sum: Double = 0
            for s in row { sum += Foundation.exp(Double(s - top)) }
            let logSumExp = Double(top) + Foundation.log(sum)
            total += logSumExp - Double(scores[i, i])
            for j in 0..<b {
                let p = Foundation.exp(Double(scores[i, j]) - logSumExp)
                g[i, j] = Float((p - (i == j ? 1 : 0)) / Double(b))
            }
        }
        var dAHat = Matrix(zeros: b, anchors.columns)
        Matrix.gemm(g, pHat, alpha: scale, into: &dAHat)
        var dPHat = Matrix(zeros: b, anchors.columns)
        Matrix.gemm(g, transposeA: true, aHat, alpha: scale, into: &dPHat)
        return LossValue(loss: Float(total / Double(max(b, 1))),
                         anchorGradient: throughNormalisation(dAHat, unit: aHat, norms: aNorms),
                         candidateGradient: throughNormalisation(dPHat, unit: pHat, norms: pNorms))
    }

    /// Rows divided by max(|row|, 1e-12) (torch `F.normalize`), and the clamped norms.
    static func normalisedRows(_ x: Matrix) -> (Matrix, [Float]) {
        var out = x
        var norms = [Float](repeating: 0, count: x.rows)
        for i in 0..<x.rows {
            var ss: Float = 0
            for k in 0..<x.columns { ss += x[i, k] * x[i, k] }
            let n = max(ss.squareRoot(), 1e-12)
            norms[i] = n
            for k in 0..<x.columns { out[i, k] = x[i, k] / n }
        }
        return (out, norms)
    }

    static func throughNormalisation(_ dHat: Matrix, unit: Matrix, norms: [Float]) -> Matrix {
        var dx = dHat
        for i in 0..<dHat.rows {
            var radial: Float = 0
            for k in 0..<dHat.columns { radial += unit[i, k] * dHat[i, k] }
            for k in 0..<dHat.columns {
                dx[i, k] = (dHat[i, k] - unit[i, k] * radial) / norms[i]
            }
        }
        return dx
    }
}
