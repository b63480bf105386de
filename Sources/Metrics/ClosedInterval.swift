/// A two-sided interval `[lower, upper]`, used for every 95% confidence interval the module reports.
///
/// A plain struct rather than `ClosedRange<Double>` so it encodes as `{"lower":..,"upper":..}` and
/// can hold a degenerate interval (`lower == upper`) from a zero-variance estimate.
public struct ClosedInterval: Codable, Equatable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `value` lies inside, ends included.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }

    /// `[lower, upper]`, the form metrics.json uses.
    public var array: [Double] { [lower, upper] }

    /// The interval clipped to `[low, high]` (AUC intervals are clipped to [0, 1]).
    func clipped(to low: Double, _ high: Double) -> ClosedInterval {
        ClosedInterval(lower: min(max(lower, low), high), upper: min(max(upper, low), high))
    }
}
