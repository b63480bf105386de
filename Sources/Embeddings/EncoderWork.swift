/// What an encoder's last `encode` computed, for benchmarks: tokens run through the transformer and the
/// floating-point operations of its linear layers.
public struct EncoderWork: Sendable, Equatable {
    public var texts: Int
    public var tokens: Int
    /// 2 x (multiply-adds) of the Q/K/V, attention output, intermediate and output products of every layer:
    /// `tokens x layers x 2 (4 H^2 + 2 H I)` for hidden size H and intermediate size I (about 21.2 MFLOP
    /// per token for all-MiniLM-L6-v2). Attention scores, softmax and the rest are not counted.
    public var linearFLOPs: Double
}

/// An encoder that can tell what its last `encode` computed.
public protocol EncoderWorkReporting {
    var lastWork: EncoderWork { get }
}
