@testable import FineTuning

/// An independent Double-precision forward pass (adapter and losses), used only to take central
/// finite differences against the Float analytic gradients.
enum ReferenceMath {
    static func forward(_ layers: [DenseLayer], parameters: [[Double]], input: [Double]) -> [Double] {
        var x = input
        for (index, layer) in layers.enumerated() {
            let w = parameters[2 * index], b = parameters[2 * index + 1]
            var y = [Double](repeating: 0, count: layer.outFeatures)
            for o in 0..<layer.outFeatures {
                var s = b[o]
                for i in 0..<layer.inFeatures { s += w[o * layer.inFeatures + i] * x[i] }
                switch layer.activation {
                case .identity: y[o] = s
                case .tanh: y[o] = _tanh(s)
                case .relu: y[o] = max(s, 0)
                }
            }
            x = y
        }
        return x
    }

    static func _tanh(_ x: Double) -> Double {
        let e = _exp(2 * x)
        return (e - 1) / (e + 1)
    }

    static func _exp(_ x: Double) -> Double {
        // exp by squaring a Taylor series on x / 2^k; accurate to ~1e-15 for the small |x| used here.
        var k = 0, y = x
        while abs(y) > 0.01 { y /= 2; k += 1 }
        var term = 1.0, sum = 1.0
        for n in 1...12 { term *= y / Double(n); sum += term }
        for _ in 0..<k { sum *= sum }
        return sum
    }

    static func _log(_ x: Double) -> Double {
        // Newton on exp(y) = x.
        var y = 0.0
        for _ in 0..<100 { y -= 1 - x / _exp(y) }
        return y
    }

    static func cosine(_ u: [Double], _ v: [Double]) -> Double {
        var dot = 0.0, uu = 0.0, vv = 0.0
        for k in u.indices { dot += u[k] * v[k]; uu += u[k] * u[k]; vv += v[k] * v[k] }
        return dot / (uu.squareRoot() * vv.squareRoot())
    }

    static func loss(_ kind: TrainingLoss, layers: [DenseLayer], parameters: [[Double]],
                     anchors: [[Double]], candidates: [[Double]], targets: [Double]) -> Double {
        let a = anchors.map { forward(layers, parameters: parameters, input: $0) }
        let p = candidates.map { forward(layers, parameters: parameters, input: $0) }
        let b = Double(a.count)
        switch kind {
        case .cosine:
            return a.indices.reduce(0) { $0 + (cosine(a[$1], p[$1]) - targets[$1]) * (cosine(a[$1], p[$1]) - targets[$1]) } / b
        case .mnrl:
            var total = 0.0
            for i in a.indices {
                let scores = p.map { 20 * cosine(a[i], $0) }
                let top = scores.max() ?? 0
                let lse = top + _log(scores.reduce(0) { $0 + _exp($1 - top) })
                total += lse - scores[i]
            }
            return total / b
        }
    }
}
