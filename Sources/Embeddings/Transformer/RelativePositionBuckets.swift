import Foundation

/// MPNet's relative position buckets: T5's bidirectional bucketing of the offset from a query to a key.
///
/// For n = query position - key position: keys after the query (n < 0) use buckets 16-31, keys at or
/// before it 0-15; |n| < 8 is its own bucket; larger distances share 8 logarithmic buckets,
/// 8 + trunc(log(|n| / 8) / log(128 / 8) * 8), capped at 15. MPNet computes this with 32 buckets and a
/// maximum distance of 128 whatever its config says (`compute_position_bias` passes the defaults), in
/// float32, which this reproduces operation for operation.
/// Source: huggingface/transformers `models/mpnet/modeling_mpnet.py` (`MPNetEncoder.relative_position_bucket`).
enum RelativePositionBuckets {
    static let count = 32
    static let maxDistance = 128

    /// The bucket of a key `offset` positions after its query (negative: before).
    static func bucket(offset: Int) -> Int {
        let half = count / 2
        let maxExact = half / 2
        var n = -offset
        var bucket = 0
        if n < 0 {
            bucket += half
            n = -n
        }
        if n < maxExact { return bucket + n }
        let logRatio = logf(Float(n) / Float(maxExact)) / Float(log(Double(maxDistance) / Double(maxExact)))
        let large = maxExact + Int(logRatio * Float(half - maxExact))
        return bucket + min(large, half - 1)
    }
}
