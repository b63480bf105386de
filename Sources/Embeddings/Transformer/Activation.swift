import Foundation

/// The elementwise nonlinearities of BERT feed-forward layers and sentence-transformers Dense modules.
///
/// Sources: huggingface/transformers `activations.py` (`ACT2FN`), PyTorch `torch.nn` activation modules.
enum Activation: Equatable, Sendable {
    case identity
    /// GELU, exact form: x/2 (1 + erf(x / sqrt 2)) (`gelu`, `torch.nn.GELU`).
    case geluErf
    /// GELU, tanh form: x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (`gelu_new`, `gelu_pytorch_tanh`).
    case geluTanh
    case relu
    case tanh
    case sigmoid
    /// x * sigmoid(x) (`silu`, `swish`, `torch.nn.SiLU`).
    case silu
    /// max(0, x) + slope min(0, x), PyTorch's default slope 0.01.
    case leakyReLU(slope: Float)
    /// x for x > 0, else alpha (e^x - 1), PyTorch's default alpha 1.
    case elu(alpha: Float)
    /// log(1 + e^x), linear above 20 as in PyTorch.
    case softplus

    /// A `hidden_act` of a transformers config.
    init?(huggingFaceName name: String) {
        switch name {
        case "gelu": self = .geluErf
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast": self = .geluTanh
        case "relu": self = .relu
        case "tanh": self = .tanh
        case "sigmoid": self = .sigmoid
        case "silu", "swish": self = .silu
        case "linear": self = .identity
        default: return nil
        }
    }

    /// A Dense `activation_function` class path, matched on its class name
    /// (`torch.nn.modules.activation.Tanh`, `torch.nn.Tanh`, ...).
    init?(torchClassPath path: String) {
        switch path.split(separator: ".").last.map(String.init) ?? path {
        case "Identity": self = .identity
        case "Tanh": self = .tanh
        case "ReLU": self = .relu
        case "GELU": self = .geluErf
        case "Sigmoid": self = .sigmoid
        case "SiLU": self = .silu
        case "LeakyReLU": self = .leakyReLU(slope: 0.01)
        case "ELU": self = .elu(alpha: 1)
        case "Softplus": self = .softplus
        default: return nil
        }
    }

    func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .identity: return x
        case .geluErf: return 0.5 * x * (1 + erff(x * 0.70710678118654752))
        case .geluTanh: return 0.5 * x * (1 + tanhf(0.79788456080286536 * (x + 0.044715 * x * x * x)))
        case .relu: return max(x, 0)
        case .tanh: return tanhf(x)
        case .sigmoid: return 1 / (1 + expf(-x))
        case .silu: return x / (1 + expf(-x))
        case .leakyReLU(let slope): return x >= 0 ? x : slope * x
        case .elu(let alpha): return x > 0 ? x : alpha * (expf(x) - 1)
        case .softplus: return x > 20 ? x : log1pf(expf(x))
        }
    }

    /// Applies the activation in place.
    func apply(to values: UnsafeMutableBufferPointer<Float>) {
        if self == .identity { return }
        for i in values.indices { values[i] = self(values[i]) }
    }
}
