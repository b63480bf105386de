import Foundation

/// The element-wise function a Dense layer applies after its linear map, as sentence-transformers'
/// `Dense(activation_function=...)` names it.
public enum Activation: String, CaseIterable, Sendable {
    case identity
    case tanh
    case relu

    /// The torch class path that sentence-transformers writes in `N_Dense/config.json` and imports
    /// on load (`Dense.load` requires a `torch.` path to an `nn.Module` class).
    public var torchClassPath: String {
        switch self {
        case .identity: return "torch.nn.modules.linear.Identity"
        case .tanh: return "torch.nn.modules.activation.Tanh"
        case .relu: return "torch.nn.modules.activation.ReLU"
        }
    }

    func apply(_ z: Float) -> Float {
        switch self {
        case .identity: return z
        case .tanh: return Foundation.tanh(z)
        case .relu: return max(z, 0)
        }
    }

    /// d act / d z, from the pre-activation z and the output a = act(z) (tanh' = 1 - a^2).
    /// ReLU's derivative at exactly 0 is taken as 0, as in PyTorch.
    func derivative(z: Float, a: Float) -> Float {
        switch self {
        case .identity: return 1
        case .tanh: return 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        }
    }
}
