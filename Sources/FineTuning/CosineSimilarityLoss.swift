/// sentence-transformers' CosineSimilarityLoss: L = (1/B) sum_i (cos(u_i, v_i) - y_i)^2.
///
/// Gradient, with c = u.v / (|u||v|) and g = 2 (c - y) / B:
/// dL/du = g (v / (|u||v|) - c u / |u|^2), dL/dv = g (u / (|u||v|) - c v / |v|^2).
/// Norms are clamped at 1e-8 as `torch.nn.functional.cosine_similarity` does.
/// Source: sentence_transformers/sentence_transformer/losses/CosineSimilarityLoss.py (MSE of cosine).
enum CosineSimilarityLoss {
    static let normFloor: Float = 1e-8

    static func evaluate(u: Matrix, v: Matrix, labels: [Float]) -> LossValue {
        precondition(u.rows == v.rows && u.columns == v.columns && labels.count == u.rows,
                     "cosine loss inputs disagree in shape")
        let b = u.rows, d = u.columns
        var du = Matrix(zeros: b, d), dv = Matrix(zeros: b, d)
        var total: Double = 0
        for i in 0..<b {
            let base = i * d
            var dot: Float = 0, uu: Float = 0, vv: Float = 0
            for k in 0..<d {
                let x = u.values[base + k], y = v.values[base + k]
                dot += x * y; uu += x * x; vv += y * y
            }
            let nu = max(uu.squareRoot(), normFloor), nv = max(vv.squareRoot(), normFloor)
            let c = dot / (nu * nv)
            let r = c - labels[i]
            total += Double(r * r)
            let g = 2 * r / Float(b)
            let cross = g / (nu * nv)
            let selfU = g * c / (nu * nu), selfV = g * c / (nv * nv)
            for k in 0..<d {
                let x = u.values[base + k], y = v.values[base + k]
                du.values[base + k] = cross * y - selfU * x
                dv.values[base + k] = cross * x - selfV * y
            }
        }
        return LossValue(loss: Float(total / Double(max(b, 1))), anchorGradient: du, candidateGradient: dv)
    }
}
