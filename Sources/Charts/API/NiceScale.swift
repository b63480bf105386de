import Foundation

/// An axis range extended to "nice" round bounds, with evenly spaced tick values.
///
/// Steps come from the 1-2-5 sequence (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …): the smallest such step
/// that covers `[minimum, maximum]` with at most `maxTicks` ticks is chosen, and the bounds are
/// widened to the enclosing multiples of the step. This is the classic "nice numbers for graph
/// labels" idea (Heckbert, Graphics Gems, 1990), made tighter by searching the sequence.
///
/// Degenerate input never divides by zero: an empty or non-finite range becomes [0, 1], and a
/// single value `v` is padded by 10% of `|v|` (or by 1 when `v` is 0).
public struct NiceScale: Sendable, Equatable {
    /// The lower end of the axis, a multiple of `step`.
    public let lower: Double
    /// The upper end of the axis, a multiple of `step`.
    public let upper: Double
    /// The distance between ticks, from the 1-2-5 sequence.
    public let step: Double
    /// Decimals needed to print every tick exactly (0 for steps of 1 or more).
    public let decimals: Int

    public init(minimum: Double, maximum: Double, maxTicks: Int = 6) {
        var low = min(minimum, maximum)
        var high = max(minimum, maximum)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        // Beyond ±1e15 neither the span nor the printed labels stay exact; clamp like SVGNumber.
        low = min(max(low, -SVGNumber.limit), SVGNumber.limit)
        high = min(max(high, -SVGNumber.limit), SVGNumber.limit)
        let magnitude = max(abs(low), abs(high))
        if high - low <= max(magnitude, 1) * 1e-9 {
            let pad = magnitude == 0 ? 1 : magnitude * 0.1
            low -= pad
            high += pad
        }
        let intervals = Double(max(maxTicks, 2) - 1)
        var base = 1.0
        let rough = (high - low) / intervals
        let exponent = Int((log10Safe(rough)).rounded(.down))
        base = power10(exponent)
        var chosen = base * 10
        for multiple in [1.0, 2.0, 5.0, 10.0, 20.0, 50.0] {
            let step = multiple * base
            let count = (high / step - 1e-9).rounded(.up) - (low / step + 1e-9).rounded(.down)
            if count <= intervals {
                chosen = step
                break
            }
        }
        step = chosen
        lower = (low / chosen + 1e-9).rounded(.down) * chosen
        upper = (high / chosen - 1e-9).rounded(.up) * chosen
        decimals = min(9, max(0, -Int((log10Safe(chosen) + 1e-9).rounded(.down))))
    }

    /// A fixed scale, for axes whose range is known (ROC curves live in [0, 1]).
    public init(lower: Double, upper: Double, step: Double) {
        precondition(upper > lower && step > 0, "NiceScale needs lower < upper and a positive step")
        self.lower = lower
        self.upper = upper
        self.step = step
        decimals = min(9, max(0, -Int((log10Safe(step) + 1e-9).rounded(.down))))
    }

    /// The tick values from `lower` to `upper` inclusive.
    public var ticks: [Double] {
        let intervals = ((upper - lower) / step).rounded()
        let count = intervals.isFinite ? Int(min(intervals, 1_000)) : 1
        return (0...max(count, 0)).map { index in
            let value = lower + Double(index) * step
            // Snap away the binary noise of 0.1 + 0.2 so labels and positions agree.
            return (value / step).rounded() * step
        }
    }

    /// Tick labels printed with `decimals` decimals.
    public var labels: [String] {
        ticks.map { SVGNumber.format($0, decimals: decimals) }
    }

    /// Maps a data value to a fraction of the axis (0 at `lower`, 1 at `upper`).
    func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }
}

private func log10Safe(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 0 }
    return log10(value)
}

/// 10^exponent by repeated multiplication, exact for the small exponents axes use.
private func power10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 {
        for _ in 0..<exponent { result *= 10 }
    } else {
        for _ in 0..<(-exponent) { result /= 10 }
    }
    return result
}
