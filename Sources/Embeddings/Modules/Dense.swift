import Foundation

/// A sentence-transformers Dense module: y = activation(W x + b), optionally plus a residual.
///
/// `config.json` holds `in_features`, `out_features`, `bias`, `activation_function` (a class path such
/// as `torch.nn.modules.activation.Tanh`, matched on its class name) and `use_residual`; the weights are
/// `linear.weight` `[out, in]`, `linear.bias` and, for a residual that changes width, `residual.weight`.
/// As in sentence-transformers, a missing activation means Tanh, and a path outside `torch.` (which it
/// would not import without `trust_remote_code`) falls back to Tanh too.
///
/// The products are not BLAS's: OpenBLAS's sgemm rounds the rows of a partial micro-panel differently
/// from the others, so a row's output would depend on how many rows came with it. A Dense runs after
/// Pooling, in a model's head (``SentenceTransformerModules``), where the pooled rows of one call may
/// come from the embedding store or from another model's Transformer; each row is computed here on its
/// own, in one fixed order, so its output is the same whatever rows share the call. The head is a
/// small share of the work (one 384 x 384 layer is 0.1% of all-MiniLM-L6-v2's FLOPs per text).
/// Source: sentence-transformers `base/modules/dense.py`.
struct Dense: Sendable {
    let inFeatures: Int
    let outFeatures: Int
    let weight: [Float]
    let bias: [Float]?
    let activation: Activation
    /// nil: no residual; empty: identity residual; else the `[out, in]` residual projection.
    let residual: [Float]?
    /// `weight` and `residual` stored `[in, out]`, as ``rowwiseProduct(_:rows:weight:outFeatures:into:)`` reads them.
    private let weightByInput: [Float]
    private let residualByInput: [Float]?

    init(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float]?, activation: Activation,
         residual: [Float]? = nil) {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.weight = weight
        self.bias = bias
        self.activation = activation
        self.residual = residual
        weightByInput = Self.transposed(weight, rows: outFeatures, columns: inFeatures)
        residualByInput = residual.map { $0.isEmpty ? $0 : Self.transposed($0, rows: outFeatures, columns: inFeatures) }
    }

    /// Loads a Dense folder (`config.json` and `model.safetensors`).
    init(folder: URL) throws {
        let json = try JSONConfig(url: folder.appendingPathComponent("config.json"))
        let inFeatures = try json.requiredInt("in_features")
        let outFeatures = try json.requiredInt("out_features")
        let hasBias = try json.bool("bias") ?? true
        let path = try json.string("activation_function") ?? "torch.nn.modules.activation.Tanh"
        let activation: Activation
        if path.hasPrefix("torch.") {
            guard let named = Activation(torchClassPath: path) else {
                throw EmbeddingsError.unsupportedModel(path: json.path, reason: "activation_function \"\(path)\" is not supported")
            }
            activation = named
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
        let weight = try tensor("linear.weight", [outFeatures, inFeatures])
        let bias = hasBias ? try tensor("linear.bias", [outFeatures]) : nil
        var residual: [Float]?
        if try json.bool("use_residual") == true {
            residual = inFeatures == outFeatures ? [] : try tensor("residual.weight", [outFeatures, inFeatures])
        }
        self.init(inFeatures: inFeatures, outFeatures: outFeatures, weight: weight, bias: bias, activation: activation,
                  residual: residual)
    }

    /// Applies the layer to each vector (each of `inFeatures` values); each output depends on its own
    /// input vector alone.
    func apply(_ vectors: [[Float]]) -> [[Float]] {
        guard !vectors.isEmpty else { return [] }
        let input = vectors.flatMap { $0 }
        precondition(input.count == vectors.count * inFeatures, "Dense input width does not match in_features")
        var output = [Float](repeating: 0, count: vectors.count * outFeatures)
        output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { x in
                weightByInput.withUnsafeBufferPointer { w in
                    rowwiseProduct(x.baseAddress!, rows: vectors.count, weight: w.baseAddress!, into: out.baseAddress!)
                }
                if let bias {
                    for row in 0..<vectors.count {
                        for i in 0..<outFeatures { out[row * outFeatures + i] += bias[i] }
                    }
                }
                activation.apply(to: out)
                if let residualByInput {
                    if residualByInput.isEmpty {
                        for i in out.indices { out[i] += x[i] }
                    } else {
                        var projected = [Float](repeating: 0, count: out.count)
                        projected.withUnsafeMutableBufferPointer { p in
                            residualByInput.withUnsafeBufferPointer { r in
                                rowwiseProduct(x.baseAddress!, rows: vectors.count, weight: r.baseAddress!, into: p.baseAddress!)
                            }
                        }
                        for i in out.indices { out[i] += projected[i] }
                    }
                }
            }
        }
        return (0..<vectors.count).map { Array(output[($0 * outFeatures)..<(($0 + 1) * outFeatures)]) }
    }

    /// out = x W^T for `rows` rows of x, with W given `[in, out]`: each output value is
    /// `((x_0 w_0 + x_1 w_1) + x_2 w_2) + ...`, in input order, one multiply and one add per term, the
    /// same for every row whatever the other rows. Four rows at a time share each loaded row of W; the
    /// inner loop runs along the outputs, which the compiler vectorises without reordering a sum.
    /// - Complexity: rows x in x out multiply-adds.
    private func rowwiseProduct(_ x: UnsafePointer<Float>, rows: Int, weight: UnsafePointer<Float>,
                                into out: UnsafeMutablePointer<Float>) {
        out.update(repeating: 0, count: rows * outFeatures)
        let (inFeatures, outFeatures) = (inFeatures, outFeatures)
        for start in stride(from: 0, to: rows, by: 4) {
            let end = min(start + 4, rows)
            for k in 0..<inFeatures {
                let w = weight + k * outFeatures
                for row in start..<end {
                    let a = x[row * inFeatures + k]
                    let o = out + row * outFeatures
                    for j in 0..<outFeatures { o[j] += a * w[j] }
                }
            }
        }
    }

    static func transposed(_ matrix: [Float], rows: Int, columns: Int) -> [Float] {
        var result = [Float](repeating: 0, count: matrix.count)
        for r in 0..<rows {
            for c in 0..<columns { result[c * rows + r] = matrix[r * columns + c] }
        }
        return result
    }
}
