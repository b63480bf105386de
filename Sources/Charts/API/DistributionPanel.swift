/// One named histogram in a distribution panel (e.g. "Positive pairs").
public struct DistributionSeries: Sendable, Equatable {
    public var name: String
    public var histogram: Histogram
    public var style: SeriesStyle

    public init(name: String, histogram: Histogram, style: SeriesStyle) {
        self.name = name
        self.histogram = histogram
        self.style = style
    }
}

/// A labelled vertical line, e.g. the decision threshold.
public struct ThresholdMarker: Sendable, Equatable {
    public var label: String
    public var value: Double
    /// `nil` draws it in the text colour; a style draws it in that series colour and dash.
    public var style: SeriesStyle?

    public init(label: String, value: Double, style: SeriesStyle? = nil) {
        self.label = label
        self.value = value
        self.style = style
    }
}

/// One plot of a distribution chart: histograms overlaid on shared axes, with markers.
public struct DistributionPanel: Sendable, Equatable {
    public var title: String
    public var series: [DistributionSeries]
    public var markers: [ThresholdMarker]

    public init(title: String, series: [DistributionSeries], markers: [ThresholdMarker] = []) {
        self.title = title
        self.series = series
        self.markers = markers
    }

    /// The usual panel: positive vs negative pair similarities with the threshold marked.
    public init(title: String, positive: Histogram, negative: Histogram, threshold: Double?, thresholdLabel: String = "threshold") {
        self.init(
            title: title,
            series: [
                DistributionSeries(name: "Positive pairs", histogram: positive, style: .positive),
                DistributionSeries(name: "Negative pairs", histogram: negative, style: .negative),
            ],
            markers: threshold.map { [ThresholdMarker(label: thresholdLabel, value: $0)] } ?? [])
    }
}
