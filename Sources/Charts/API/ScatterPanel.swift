/// One class of points in a scatter panel, e.g. "Positive pairs".
public struct ScatterSeries: Sendable, Equatable {
    public var name: String
    public var points: [ChartPoint]
    public var style: SeriesStyle

    public init(name: String, points: [ChartPoint], style: SeriesStyle) {
        self.name = name
        self.points = points
        self.style = style
    }
}

/// One scatter plot with its own axes (two PCA projections do not share coordinates).
public struct ScatterPanel: Sendable, Equatable {
    public var title: String
    public var series: [ScatterSeries]

    public init(title: String, series: [ScatterSeries]) {
        self.title = title
        self.series = series
    }
}
