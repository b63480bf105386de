import Core

extension SplitMix64 {
    /// A uniform Float in [-limit, limit], from the top 24 bits so it is exact in Float.
    mutating func uniform(_ limit: Float) -> Float {
        let unit = Float(next() >> 40) / Float(1 << 24)
        return (2 * unit - 1) * limit
    }
}
