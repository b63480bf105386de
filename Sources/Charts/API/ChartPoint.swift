/// One data point in chart coordinates (not pixels).
public struct ChartPoint: Sendable, Equatable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(_ x: Double, _ y: Double) {
        self.init(x: x, y: y)
    }

    var isFinite: Bool { x.isFinite && y.isFinite }
}
