/// One corner of an ROC curve: predicting "positive" for every score `>= threshold` gives this
/// false-positive and true-positive rate. The first point is (0, 0) with threshold `+infinity`.
public struct ROCPoint: Codable, Equatable, Sendable {
    public var fpr: Double
    public var tpr: Double
    public var threshold: Double

    public init(fpr: Double, tpr: Double, threshold: Double) {
        self.fpr = fpr
        self.tpr = tpr
        self.threshold = threshold
    }

    private enum CodingKeys: String, CodingKey { case fpr, tpr, threshold }

    /// JSON has no infinity: the first point's threshold is written as null and read back as +inf.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fpr, forKey: .fpr)
        try container.encode(tpr, forKey: .tpr)
        if threshold.isFinite {
            try container.encode(threshold, forKey: .threshold)
        } else {
            try container.encodeNil(forKey: .threshold)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fpr = try container.decode(Double.self, forKey: .fpr)
        tpr = try container.decode(Double.self, forKey: .tpr)
        threshold = try container.decodeIfPresent(Double.self, forKey: .threshold) ?? .infinity
    }
}
