/// Conversions from the 16-bit float formats of weights files to `Float`, bit-exact.
///
/// Written out rather than using `Float16` so they behave the same on every platform.
enum HalfPrecision {
    /// IEEE 754 binary16 (1 sign, 5 exponent, 10 fraction bits) to binary32.
    static func float(fromF16 bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = UInt32(bits & 0x03FF)
        if exponent == 0x1F {
            // Infinity or NaN: keep the payload.
            return Float(bitPattern: sign | 0x7F80_0000 | (fraction << 13))
        }
        if exponent == 0 {
            // Zero or subnormal: value = fraction * 2^-24, exact in binary32.
            let magnitude = Float(fraction) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (fraction << 13))
    }

    /// bfloat16 is the upper half of a binary32.
    static func float(fromBF16 bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }
}
