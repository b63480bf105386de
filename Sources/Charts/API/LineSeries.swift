/// One named line, e.g. training or validation loss.
public struct LineSeries: Sendable, Equatable {
    public var name: String
    /// Points in drawing order (usually ascending x); non-finite points are skipped.
    public var points: [ChartPoint]
    /// `nil` takes the default style of the series' position.
    public var style: SeriesStyle?

    public init(name: String, points: [ChartPoint], style: SeriesStyle? = nil) {
        self.name = name
        self.points = points
        self.style = style
    }
}
