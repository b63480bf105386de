import LinearAlgebra
import Foundation

/// A sentence-transformers Dense module: y = activation(W x + b), optionally plus a residual.
///
/// `config.json` holds `in_features`, `out_features`, `bias`, `activation_function` (a class path such
/// as `torch.nn.modules.activation.Tanh`, matched on its class name) and `use_residual`; the weights are
/// `linear.weight` `[out, in]`, `linear.bias` and, for a residual that changes width, `residual.weight`.
/// As in sentence-transformers, a missing activation means Tanh, and a path outside `torch.` (which it
/// would not import without `trust_remote_code`) falls back to Tanh too.
/// Source: sentence-transformers `base/modules/dense.py`.
struct Dense: Sendable {
    let inFeatures: Int
    let outFeatures: Int
    let weight: [Float]
    let bias: [Float]?
    let activation: Activation
    /// nil: no residual; empty: identity residual; else the `[out, in]` residual projection.
    let residual: [Float]?

    init(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float]?, activation: Activation,
         residual: [Float]? = nil) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
        self.activation = activation
        self.residual = residual
    }

    /// Loads a Dense folder (`config.json` and `model.safetensors`).
    init(folder: URL) throws {
        let json = try JSONConfig(url: folder.appendingPathComponent("config.json"))
        inFeatures = try json.requiredInt("in_features")
        outFeatures = try json.requiredInt("out_features")
        let hasBias = try json.bool("bias") ?? true
        let path = try json.string("activation_function") ?? "torch.nn.modules.activation.Tanh"
        if path.hasPrefix("torch.") {
            guard let activation = Activation(torchClassPath: path) else {
                throw EmbeddingsError.unsupportedModel(path: json.path, reason: "activation_function \"\(path)\" is not supported")
            }
            self.activation = activation
        } else {
            activation = .tanh
        }
        let weightsURL = folder.appendingPathComponent("model.safetensors")
        try TransformerModel.requireSafetensors(weightsURL)
        let file = try SafetensorsFile(url: weightsURL)
        func tensor(_ name: String, _ shape: [Int]) throws -> [Float] {
            guard let info = file.tensors[name], let values = try file.floats(name) else {
                throw EmbeddingsError.invalidWeights(path: file.path, reason: "missing tensor \"\(name)\"")
            }
            guard info.shape == shape else {
                throw EmbeddingsError.invalidWeights(
                    path: file.path, reason: "tensor \"\(name)\" has shape \(info.shape), config.json implies \(shape)")
            }
            return values
        }
        weight = try tensor("linear.weight", [outFeatures, inFeatures])
        bias = hasBias ? try tensor("linear.bias", [outFeatures]) : nil
        if try json.bool("use_residual") == true {
            residual = inFeatures == outFeatures ? [] : try tensor("residual.weight", [outFeatures, inFeatures])
        } else {
            residual = nil
        }
    }

    /// Applies the layer to each vector (each of `inFeatures` values).
    func apply(_ vectors: [[Float]]) -> [[Float]] {
        guard !vectors.isEmpty else { return [] }
        let input = vectors.flatMap { $0 }
        precondition(input.count == vectors.count * inFeatures, "Dense input width does not match in_features")
        var output = [Float](repeating: 0, count: vectors.count * outFeatures)
        output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { x in
                weight.withUnsafeBufferPointer { w in
                    BLAS.linear(x.baseAddress!, rows: vectors.count, inFeatures: inFeatures, weight: w.baseAddress!,
                                bias: nil, outFeatures: outFeatures, into: out.baseAddress!)
                }
                if let bias {
                    for row in 0..<vectors.count {
                        for i in 0..<outFeatures { out[row * outFeatures + i] += bias[i] }
                    }
                }
                activation.apply(to: out)
                if let residual {
                    if residual.isEmpty {
                        for i in out.indices { out[i] += x[i] }
                    } else {
                        var projected = [Float](repeating: 0, count: out.count)
                        projected.withUnsafeMutableBufferPointer { p in
                            residual.withUnsafeBufferPointer { r in
                                BLAS.linear(x.baseAddress!, rows: vectors.count, inFeatures: inFeatures,
                                            weight: r.baseAddress!, bias: nil, outFeatures: outFeatures, into: p.baseAddress!)
                            }
                        }
                        for i in out.indices { out[i] += projected[i] }
                    }
                }
            }
        }
        return (0..<vectors.count).map { Array(output[($0 * outFeatures)..<(($0 + 1) * outFeatures)]) }
    }
}
