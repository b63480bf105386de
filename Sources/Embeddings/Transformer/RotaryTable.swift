import Foundation

/// The cosines and sines of rotary position embeddings (RoPE) for positions 0..<positions.
///
/// For a head of size d and base theta: inv_freq[i] = 1 / theta^(2i / d) for i < d/2, and position p
/// rotates the pair (x[i], x[i + d/2]) by the angle p * inv_freq[i]. Computed in float32 in the order
/// transformers does (`compute_default_rope_parameters`, then `freqs = position * inv_freq`), so the
/// angles are the same floats. Row p holds d/2 values.
/// Source: huggingface/transformers `models/modernbert/modeling_modernbert.py` (`ModernBertRotaryEmbedding`,
/// `apply_rotary_pos_emb`).
struct RotaryTable: Sendable {
    let cos: [Float]
    let sin: [Float]
    let half: Int
    let positions: Int

    init(theta: Float, headSize: Int, positions: Int) {
        half = headSize / 2
        self.positions = positions
        let inverseFrequencies = (0..<half).map { i in 1 / powf(theta, Float(2 * i) / Float(headSize)) }
        var cos = [Float](repeating: 0, count: positions * half)
        var sin = cos
        for position in 0..<positions {
            for i in 0..<half {
                let angle = Float(position) * inverseFrequencies[i]
                cos[position * half + i] = cosf(angle)
                sin[position * half + i] = sinf(angle)
            }
        }
        self.cos = cos
        self.sin = sin
    }
}
