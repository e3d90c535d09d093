import TraceQuery

/// The chart's y axis: the range of values shown, from 0 (or the lowest value when one is
/// negative) to the highest value rounded up to a round step, and the ticks at that step.
///
/// Round steps are 1, 2, 2.5 and 5 times a power of ten, and for durations of a minute or more
/// whole minutes, hours and days (`MetricsTimeAxis.intervals`). Counts of spans and durations
/// never step by less than 1 (a span, a nanosecond). Total: huge, tiny and equal values give a
/// finite, non-empty range.
struct ValueAxis: Sendable, Equatable {
    /// The bottom and top of the plot.
    let low: Double
    let high: Double
    /// The tick values, from `low` up, at most `maxTicks`; `low` and `high` among them.
    let ticks: [Double]

    /// The axis for values from `minimum` to `maximum` (finite; no values: pass 0 and 0).
    init(minimum: Double, maximum: Double, unit: MetricUnit, maxTicks: Int) {
        var low = min(0, minimum), high = max(0, maximum)
        if high <= low { high = low + 1 }
        let maxTicks = max(2, maxTicks)
        let step = Self.step(for: (high - low) / Double(maxTicks - 1), unit: unit)
        if let step {
            let niceLow = (low / step).rounded(.down) * step
            let niceHigh = (high / step).rounded(.up) * step
            if niceLow.isFinite, niceHigh.isFinite, niceHigh > niceLow {
                low = niceLow
                high = niceHigh
            }
        }
        self.low = low
        self.high = high
        var ticks: [Double] = []
        if let step, ((high - low) / step).isFinite {
            var i = 0.0
            while ticks.count < 50 {
                let value = low + i * step
                // A tick within rounding error of the top is the top.
                if value >= high - step / 1000 { break }
                ticks.append(value)
                i += 1
            }
        } else {
            ticks.append(low)
        }
        ticks.append(high)
        self.ticks = ticks
    }

    /// Where `value` falls between `low` (0) and `high` (1); nil for a value that is not
    /// finite. Computed on halves, so a range from -1e308 to 1e308 does not overflow.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let f = (value / 2 - low / 2) / (high / 2 - low / 2)
        return f.isFinite ? f : nil
    }

    /// The smallest round step at least `rough`; nil when there is none (a range beyond Double).
    static func step(for rough: Double, unit: MetricUnit) -> Double? {
        guard rough.isFinite, rough > 0 else { return nil }
        if unit == .nanoseconds, rough > 60e9 {
            let minute = MetricsTimeAxis.intervals.first { Double($0) >= rough && $0 >= 60_000_000_000 }
            if let minute { return Double(minute) }
        }
        var magnitude = 1.0
        while magnitude * 10 <= rough, magnitude.isFinite { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where magnitude * factor >= rough {
            let step = magnitude * factor
            guard step.isFinite else { return nil }
            return unit == .spans || unit == .nanoseconds ? max(1, step.rounded(.up)) : step
        }
        return nil
    }
}
