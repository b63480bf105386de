import Core
@testable import FineTuning

/// A small pair problem the base embeddings get mostly wrong and a linear map can fix: each text is a
/// topic direction in the first `signal` coordinates (weight 0.6) plus Gaussian-ish noise of weight 1 in
/// the rest; positives share a topic, negatives do not. Cosine on the raw vectors is dominated by noise;
/// shrinking the noise coordinates separates the classes.
enum SyntheticPairs {
    static func make(pairs count: Int, dimension: Int = 16, signal: Int = 4, seed: UInt64)
        -> (embeddings: [[Float]], pairs: [IndexedPair]) {
        var rng = SplitMix64(seed: seed)
        var embeddings: [[Float]] = []
        var pairs: [IndexedPair] = []
        func text(topic: Int) -> [Float] {
            var v = [Float](repeating: 0, count: dimension)
            v[topic % signal] = 0.6
            for k in signal..<dimension {
                v[k] = (rng.uniform(1) + rng.uniform(1) + rng.uniform(1)) / 1.7
            }
            return v
        }
        for i in 0..<count {
            let topic = Int(rng.next() % UInt64(signal))
            let positive = i % 2 == 0
            let other = positive ? topic : (topic + 1 + Int(rng.next() % UInt64(signal - 1))) % signal
            embeddings.append(text(topic: topic))
            embeddings.append(text(topic: other))
            pairs.append(IndexedPair(a: 2 * i, b: 2 * i + 1, target: positive ? 1 : 0))
        }
        return (embeddings, pairs)
    }
}
