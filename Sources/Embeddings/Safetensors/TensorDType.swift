/// The element types a safetensors header may name.
///
/// Source: huggingface/safetensors, `safetensors/src/tensor.rs` (`Dtype`).
enum TensorDType: String, CaseIterable, Sendable {
    case bool = "BOOL"
    case u8 = "U8", i8 = "I8", f8e5m2 = "F8_E5M2", f8e4m3 = "F8_E4M3"
    case i16 = "I16", u16 = "U16", f16 = "F16", bf16 = "BF16"
    case i32 = "I32", u32 = "U32", f32 = "F32"
    case f64 = "F64", i64 = "I64", u64 = "U64"

    /// Bytes per element.
    var size: Int {
        switch self {
        case .bool, .u8, .i8, .f8e5m2, .f8e4m3: return 1
        case .i16, .u16, .f16, .bf16: return 2
        case .i32, .u32, .f32: return 4
        case .f64, .i64, .u64: return 8
        }
    }

    /// Whether the encoder can turn this type into `Float` weights.
    var isConvertibleToFloat: Bool {
        self == .f32 || self == .f16 || self == .bf16
    }
}
