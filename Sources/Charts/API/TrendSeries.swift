/// One value in a trend with an optional interval (e.g. a 95% confidence interval).
public struct TrendValue: Sendable, Equatable {
    public var value: Double
    public var lower: Double?
    public var upper: Double?

    public init(_ value: Double, lower: Double? = nil, upper: Double? = nil) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}

/// One named series across runs: `values[i]` belongs to the i-th category; `nil` is a gap.
public struct TrendSeries: Sendable, Equatable {
    public var name: String
    public var values: [TrendValue?]
    public var style: SeriesStyle?

    public init(name: String, values: [TrendValue?], style: SeriesStyle? = nil) {
        self.name = name
        self.values = values
        self.style = style
    }
}

/// A labelled horizontal dashed line, e.g. the baseline AUC.
public struct ReferenceLine: Sendable, Equatable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}
