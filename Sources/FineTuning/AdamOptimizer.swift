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
            precondition(gradients[t].count == parameters[t].count, "gradient shape does not match its parameter")
            let constants = StepConstants(learningRate: lr, decay: decays[t] ? lr * weightDecay : 0, beta1: beta1,
                                          beta2: beta2, epsilon: epsilon, correction1: correction1, correction2: correction2)
            gradients[t].withUnsafeBufferPointer { g in
                parameters[t].withUnsafeMutableBufferPointer { p in
                    firstMoments[t].withUnsafeMutableBufferPointer { m in
                        secondMoments[t].withUnsafeMutableBufferPointer { v in
                            constants.apply(parameters: p, first: m, second: v, gradients: g)
                        }
                    }
                }
            }
        }
    }

    /// What one step applies to every element of a tensor.
    private struct StepConstants {
        let learningRate, decay, beta1, beta2, epsilon, correction1, correction2: Float

        /// The update of the type's comment on whole tensors, eight elements at a time: each SIMD lane
        /// does the scalar formula's operations in its order (IEEE multiply, add, divide and square
        /// root, no fused multiply-add), so the weights are those of an element-by-element loop, bit
        /// for bit. The last partial group runs with zeros in its unused lanes, which stay unread.
        func apply(parameters p: UnsafeMutableBufferPointer<Float>, first: UnsafeMutableBufferPointer<Float>,
                   second: UnsafeMutableBufferPointer<Float>, gradients g: UnsafeBufferPointer<Float>) {
            typealias Lanes = SIMD8<Float>
            for start in stride(from: 0, to: g.count, by: Lanes.scalarCount) {
                let count = min(Lanes.scalarCount, g.count - start)
                var value = Lanes(), m = Lanes(), v = Lanes(), gradient = Lanes()
                for lane in 0..<count {
                    value[lane] = p[start + lane]
                    m[lane] = first[start + lane]
                    v[lane] = second[start + lane]
                    gradient[lane] = g[start + lane]
                }
                if decay != 0 { value -= decay * value }
                m = beta1 * m + (1 - beta1) * gradient
                v = beta2 * v + (1 - beta2) * gradient * gradient
                value -= learningRate * (m / correction1) / ((v / correction2).squareRoot() + epsilon)
                for lane in 0..<count {
                    p[start + lane] = value[lane]
                    first[start + lane] = m[lane]
                    second[start + lane] = v[lane]
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
