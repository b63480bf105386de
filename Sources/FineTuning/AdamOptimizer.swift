/// Adam, or AdamW when `weightDecay` > 0, over a list of parameter tensors.
///
/// For each element, at step t (1-based), with gradient g:
///   p <- p - lr * wd * p                       (AdamW's decoupled decay, not on biases)
///   m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g^2
///   p <- p - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
/// Defaults b1 = 0.9, b2 = 0.999, eps = 1e-8. Source: `torch.optim.AdamW` (Loshchilov & Hutter 2019);
/// with wd = 0 this is `torch.optim.Adam`. Hugging Face's Trainer also exempts biases from decay.
struct AdamOptimizer {
    var beta1: Float = 0.9
    var beta2: Float = 0.999
    var epsilon: Float = 1e-8
    var weightDecay: Float
    /// Which tensors are decayed (weights yes, biases no), parallel to the parameter list.
    let decays: [Bool]
    private(set) var step = 0
    private var firstMoments: [[Float]]
    private var secondMoments: [[Float]]

    init(shapes: [Int], decays: [Bool], weightDecay: Float) {
        precondition(shapes.count == decays.count, "one decay flag per tensor")
        self.decays = decays
        self.weightDecay = weightDecay
        firstMoments = shapes.map { [Float](repeating: 0, count: $0) }
        secondMoments = firstMoments
    }

    mutating func update(_ parameters: inout [[Float]], gradients: [[Float]], learningRate lr: Float) {
        precondition(parameters.count == gradients.count && parameters.count == firstMoments.count,
                     "optimizer state does not match the parameters")
        step += 1
        let correction1 = 1 - Float(Double(beta1).power(step))
        let correction2 = 1 - Float(Double(beta2).power(step))
        for t in parameters.indices {
            let decay = decays[t] ? lr * weightDecay : 0
            precondition(gradients[t].count == parameters[t].count, "gradient shape does not match its parameter")
            // One flat loop per tensor over raw buffers, the formula above in its order for each element
            // (the weights are the same bit for bit). It stays scalar: on Linux `squareRoot()` is
            // `__builtin_sqrtf` with errno, a branch per element that keeps LLVM from vectorising; a
            // SIMD8 version was scalarised the same way and was no faster (perf, 2026-12-03).
            let (beta1, beta2, epsilon) = (beta1, beta2, epsilon)
            gradients[t].withUnsafeBufferPointer { g in
                parameters[t].withUnsafeMutableBufferPointer { p in
                    firstMoments[t].withUnsafeMutableBufferPointer { first in
                        secondMoments[t].withUnsafeMutableBufferPointer { second in
                            for i in 0..<g.count {
                                var value = p[i]
                                if decay != 0 { value -= decay * value }
                                let m = beta1 * first[i] + (1 - beta1) * g[i]
                                let v = beta2 * second[i] + (1 - beta2) * g[i] * g[i]
                                first[i] = m
                                second[i] = v
                                value -= lr * (m / correction1) / ((v / correction2).squareRoot() + epsilon)
                                p[i] = value
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Double {
    /// self^n for a non-negative integer n, by repeated squaring (no Foundation `pow` needed).
    func power(_ n: Int) -> Double {
        var result = 1.0, base = self, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }
}
