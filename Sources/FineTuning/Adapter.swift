import Core
/// Which adapter to train on top of the frozen encoder.
public enum AdapterKind: String, CaseIterable, Sendable {
    /// One Dense layer D -> D, identity activation, initialised to W = I, b = 0.
    case linear
    /// Two Dense layers D -> H -> D with an activation between, initialised near the identity map.
    case mlp
}

/// A small stack of Dense layers applied to frozen sentence embeddings; saved as sentence-transformers
/// `Dense` modules.
///
/// Both kinds start as (or, for Tanh, very near) the identity map, so training begins from the base
/// model's own similarities and only moves away from them as far as the loss asks.
public struct Adapter: Equatable, Sendable {
    public internal(set) var layers: [DenseLayer]

    public init(layers: [DenseLayer]) {
        precondition(!layers.isEmpty, "an adapter has at least one layer")
        self.layers = layers
    }

    public var inputDimension: Int { layers[0].inFeatures }
    public var outputDimension: Int { layers[layers.count - 1].outFeatures }

    /// The identity-initialised linear adapter: W = I (D x D), b = 0, output = W x + b.
    public static func linear(dimension d: Int) -> Adapter {
        var weight = [Float](repeating: 0, count: d * d)
        for i in 0..<d { weight[i * d + i] = 1 }
        let layer = DenseLayer(weight: weight, bias: [Float](repeating: 0, count: d),
                               inFeatures: d, outFeatures: d, activation: .identity)
        return Adapter(layers: [layer])
    }

    /// The two-layer adapter D -> H -> D, `act(W1 x + b1)` then `W2 h + b2`, started near the identity.
    ///
    /// ReLU: since x = relu(x) - relu(-x), W1 = [I; -I; R] and W2 = [I, -I, 0] give exactly the identity
    /// map when H >= 2D; the extra H - 2D hidden units get small uniform random rows R in W1 (so they
    /// receive gradient) and zero columns in W2 (so they start silent). With H < 2D only the first
    /// H/2 coordinates pass through at the start.
    /// Tanh: tanh(s x) / s ~ x for small s, so W1 = [s I; R] and W2 = [I / s, 0] with s = 0.1 give the
    /// identity to within 0.4% for |x| <= 1 when H >= D.
    /// Biases start at zero. The random rows come from `SplitMix64(seed)`, uniform in +-1/sqrt(D).
    public static func mlp(dimension d: Int, hidden h: Int, activation: Activation, seed: UInt64) -> Adapter {
        precondition(d > 0 && h > 0, "adapter dimensions are positive")
        var rng = SplitMix64(seed: seed ^ 0x6D6C_7061_6461_7074)
        var w1 = [Float](repeating: 0, count: h * d)
        var w2 = [Float](repeating: 0, count: d * h)
        var used = 0
        switch activation {
        case .relu, .identity:
            let pairs = min(d, h / 2)
            for i in 0..<pairs {
                w1[i * d + i] = 1
                w1[(pairs + i) * d + i] = -1
                w2[i * h + i] = 1
                w2[i * h + pairs + i] = -1
            }
            used = 2 * pairs
        case .tanh:
            let scale: Float = 0.1
            let pass = min(d, h)
            for i in 0..<pass {
                w1[i * d + i] = scale
                w2[i * h + i] = 1 / scale
            }
            used = pass
        }
        let limit = 1 / Float(d).squareRoot()
        for row in used..<h {
            for c in 0..<d { w1[row * d + c] = rng.uniform(limit) }
        }
        let first = DenseLayer(weight: w1, bias: [Float](repeating: 0, count: h),
                               inFeatures: d, outFeatures: h, activation: activation)
        let second = DenseLayer(weight: w2, bias: [Float](repeating: 0, count: d),
                                inFeatures: h, outFeatures: d, activation: .identity)
        return Adapter(layers: [first, second])
    }

    /// What one forward pass keeps for the backward pass: each layer's input, pre-activation, output.
    struct ForwardPass {
        var inputs: [Matrix] = []
        var preActivations: [Matrix] = []
        var outputs: [Matrix] = []
        var result: Matrix { outputs[outputs.count - 1] }
    }

    func forward(_ x: Matrix) -> ForwardPass {
        var pass = ForwardPass()
        var current = x
        for layer in layers {
            let (z, a) = layer.forward(current)
            pass.inputs.append(current)
            pass.preActivations.append(z)
            pass.outputs.append(a)
            current = a
        }
        return pass
    }

    /// Gradients of the loss with respect to every parameter, in the order of `parameters`,
    /// given dL/d(output) for the batch that `pass` came from.
    func backward(_ pass: ForwardPass, outputGradient: Matrix) -> [[Float]] {
        var gradients = [[Float]](repeating: [], count: 2 * layers.count)
        var upstream = outputGradient
        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[index]
            let g = layer.backward(input: pass.inputs[index], z: pass.preActivations[index],
                                   a: pass.outputs[index], outputGradient: upstream,
                                   needInputGradient: index > 0)
            gradients[2 * index] = g.weight
            gradients[2 * index + 1] = g.bias
            if let dX = g.input { upstream = dX }
        }
        return gradients
    }

    /// Every trainable tensor: layer 0 weight, layer 0 bias, layer 1 weight, ...
    var parameters: [[Float]] {
        get { layers.flatMap { [$0.weight, $0.bias] } }
        set {
            precondition(newValue.count == 2 * layers.count, "parameter list does not match the adapter")
            for i in layers.indices {
                layers[i].weight = newValue[2 * i]
                layers[i].bias = newValue[2 * i + 1]
            }
        }
    }

    /// The adapter applied to each embedding (no normalisation: the saved model's Normalize does that).
    public func apply(_ embeddings: [[Float]]) -> [[Float]] {
        guard !embeddings.isEmpty else { return [] }
        let x = Matrix(stacking: embeddings, columns: inputDimension)
        let y = forward(x).result
        return (0..<y.rows).map { Array(y.row($0)) }
    }
}
