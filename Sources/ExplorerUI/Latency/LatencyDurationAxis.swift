import Foundation
import TraceModel
import TraceQuery

/// How the latency plot's duration axis spaces durations.
enum DurationScale: Sendable, Equatable {
    /// Equal steps for equal ratios: the slow tail and the fast bulk both readable.
    case logarithmic
    /// Equal steps for equal differences, from 0.
    case linear

    var name: String { self == .logarithmic ? "log" : "linear" }
}

/// The latency plot's y axis: the durations it spans and the ticks on it.
///
/// Logarithmic: from the 1-2-5 value at or below the shortest duration (1 ns at least, so 0
/// fits in the lowest dots) to the one at or above the longest; ticks at every 1-2-5 value
/// when there is a row in two for them, else at the powers of ten between and the top.
/// Equal durations get one 1-2-5 step on each side. Linear: from 0 to the longest duration
/// rounded up to a round step, ticks at that step (`ValueAxis`, as the metrics chart).
/// The top may lie past Int64 (1e19 ns over a 292-year duration): the axis is in Double, its
/// dots' boundaries clamped. Total: any durations give a finite range with `low < high`.
struct LatencyDurationAxis: Sendable, Equatable {
    let scale: DurationScale
    /// The bottom and top, in nanoseconds.
    let low: Double
    let high: Double
    /// Tick values from the bottom up, the top included.
    let ticks: [Double]

    /// The axis over `durations` (nil: no traces) for a plot `rows` high.
    init(durations: ClosedRange<Int64>?, scale: DurationScale, rows: Int) {
        self.scale = scale
        let shortest = Double(max(0, durations?.lowerBound ?? 0)), longest = Double(max(0, durations?.upperBound ?? 0))
        switch scale {
        case .linear:
            // Rounded to a step of a quarter of the range or finer, as the metrics chart's.
            let axis = ValueAxis(minimum: 0, maximum: longest, unit: .nanoseconds, maxTicks: max(5, min(7, rows / 2 + 1)))
            low = axis.low
            high = axis.high
            ticks = axis.ticks
        case .logarithmic:
            var bottom = Self.roundDown(max(1, shortest)), top = Self.roundUp(max(1, longest))
            if bottom >= top {
                bottom = bottom > 1 ? Self.step(bottom, by: -1) : bottom
                top = Self.step(top, by: 1)
            }
            low = bottom
            high = top
            let every = Self.roundNumbers(from: bottom, to: top)
            if every.count <= max(3, rows / 2) {
                ticks = every
            } else {
                // The powers of ten and the top (the bottom only when no power of ten is left).
                let decades = every.filter(Self.isPowerOfTen)
                ticks = ((decades.isEmpty ? [bottom] : decades) + [top]).reduce(into: []) { if $0.last != $1 { $0.append($1) } }
            }
        }
    }

    /// The duration `fraction` of the way from the bottom (0) to the top (1).
    func value(at fraction: Double) -> Double {
        switch scale {
        case .linear: low + (high - low) * fraction
        case .logarithmic: low * Foundation.pow(high / low, fraction)
        }
    }

    /// `dots + 1` boundaries from the bottom up. The first is 0: durations under a logarithmic
    /// axis' bottom (0 ns, 1 ns under a bottom of 2 ns) are drawn in its lowest dots.
    func boundaries(dots: Int) -> DotBoundaries {
        let top = TimeMath.int64(high.rounded(.up))
        return DotBoundaries.spread(dots: dots, low: 0, high: top) { value(at: $0) }
    }

    /// A tick's label, as the project writes durations.
    static func label(_ value: Double, ascii: Bool) -> String {
        MetricValueFormat.string(value, unit: .nanoseconds, ascii: ascii)
    }

    // MARK: - 1-2-5 numbers

    /// The 1-2-5 numbers (1, 2, 5, 10, 20, ...) from `from` to `to`, both 1-2-5 numbers. O(decades).
    static func roundNumbers(from: Double, to: Double) -> [Double] {
        var out: [Double] = []
        var value = from
        while value <= to * (1 + 1e-9), out.count < 100 {
            out.append(value)
            value = step(value, by: 1)
        }
        return out
    }

    /// The largest 1-2-5 number at most `x` (at least 1).
    static func roundDown(_ x: Double) -> Double {
        var value = 1.0
        while step(value, by: 1) <= x, value < 1e30 { value = step(value, by: 1) }
        return value
    }

    /// The smallest 1-2-5 number at least `x` (at least 1).
    static func roundUp(_ x: Double) -> Double {
        var value = 1.0
        while value < x, value < 1e30 { value = step(value, by: 1) }
        return value
    }

    /// The 1-2-5 number after (`by: 1`) or before (`by: -1`) the 1-2-5 number `x`.
    static func step(_ x: Double, by direction: Int) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= x * (1 + 1e-9) { magnitude *= 10 }
        let digit = (x / magnitude).rounded()
        if direction > 0 { return digit == 1 ? 2 * magnitude : digit == 2 ? 5 * magnitude : 10 * magnitude }
        return digit == 5 ? 2 * magnitude : digit == 2 ? magnitude : magnitude / 2
    }

    static func isPowerOfTen(_ x: Double) -> Bool {
        var magnitude = 1.0
        while magnitude * 10 <= x * (1 + 1e-9) { magnitude *= 10 }
        return abs(x / magnitude - 1) < 1e-9
    }
}
