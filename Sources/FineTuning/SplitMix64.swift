/// A small deterministic pseudo-random generator, so every shuffle and initialisation is seeded.
///
/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"):
/// state += 0x9E3779B97F4A7C15, then two xor-shift-multiply rounds. Same seed, same sequence, on
/// every platform, unlike `SystemRandomNumberGenerator`.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float in [-limit, limit], from the top 24 bits so it is exact in Float.
    mutating func uniform(_ limit: Float) -> Float {
        let unit = Float(next() >> 40) / Float(1 << 24)
        return (2 * unit - 1) * limit
    }

    /// Fisher-Yates shuffle driven by this generator; `Array.shuffle(using:)` is not specified to be
    /// stable across Swift versions, this is.
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }
}
