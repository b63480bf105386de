/// One fully connected layer, y = act(W x + b), with W stored [out, in] as `nn.Linear` stores it.
///
/// Batched: X is B x in (one embedding per row), so Z = X W^T + 1 b^T is one `sgemm`.
public struct DenseLayer: Equatable, Sendable {
    /// Row-major [outFeatures, inFeatures].
    public internal(set) var weight: [Float]
    public internal(set) var bias: [Float]
    public let inFeatures: Int
    public let outFeatures: Int
    public let activation: Activation

    public init(weight: [Float], bias: [Float], inFeatures: Int, outFeatures: Int, activation: Activation) {
        precondition(weight.count == inFeatures * outFeatures && bias.count == outFeatures,
                     "dense layer storage does not match its shape")
        self.weight = weight
        self.bias = bias
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.activation = activation
    }

    var weightMatrix: Matrix { Matrix(rows: outFeatures, columns: inFeatures, values: weight) }

    /// Pre-activations Z = X W^T + b and outputs A = act(Z) for a batch X (B x in).
    func forward(_ x: Matrix) -> (z: Matrix, a: Matrix) {
        var z = Matrix(zeros: x.rows, outFeatures)
        for r in 0..<x.rows {
            for c in 0..<outFeatures { z.values[r * outFeatures + c] = bias[c] }
        }
        Matrix.gemm(x, weightMatrix, transposeB: true, beta: 1, into: &z)
        if activation == .identity { return (z, z) }
        var a = z
        for i in a.values.indices { a.values[i] = activation.apply(z.values[i]) }
        return (z, a)
    }

    /// Back-propagates dL/dA through the layer.
    ///
    /// dZ = dA * act'(Z); dW = dZ^T X (out x in); db = column sums of dZ; dX = dZ W (B x in).
    /// `needInputGradient` skips dX for the first layer, whose input is frozen.
    func backward(input x: Matrix, z: Matrix, a: Matrix, outputGradient dA: Matrix,
                  needInputGradient: Bool) -> (weight: [Float], bias: [Float], input: Matrix?) {
        var dZ = dA
        if activation != .identity {
            for i in dZ.values.indices {
                dZ.values[i] *= activation.derivative(z: z.values[i], a: a.values[i])
            }
        }
        let dW = Matrix.product(dZ, transposeA: true, x)
        var db = [Float](repeating: 0, count: outFeatures)
        for r in 0..<dZ.rows {
            for c in 0..<outFeatures { db[c] += dZ.values[r * outFeatures + c] }
        }
        let dX = needInputGradient ? Matrix.product(dZ, weightMatrix) : nil
        return (dW.values, db, dX)
    }
}
