import TraceModel

/// Maps times onto the columns of the timeline, and places ruler ticks at round intervals.
///
/// Total for any times a trace can carry: the window's width is taken in floating point (so
/// a window from `Int64.min` to `Int64.max` is fine), and tick arithmetic saturates.
struct TimeAxis: Sendable, Hashable {
    /// The window shown: the trace, or a zoomed span's interval (Unix ns).
    let start: Int64
    let end: Int64
    /// Where times are measured from in labels (the trace start, so labels read 0, 250ms ...).
    let origin: Int64
    let width: Int

    init(start: Int64, end: Int64, origin: Int64, width: Int) {
        self.start = start
        self.end = max(end, TimeMath.add(start, 1))
        self.origin = origin
        self.width = max(1, width)
    }

    /// The window's length, saturated at Int64.max (at least 1 except at the very end of time).
    var span: Int64 { max(1, TimeMath.subtract(end, start)) }

    /// The column of a time, as a fraction (may fall outside 0...width; always finite).
    func column(_ t: Int64) -> Double {
        let wide = max(1, TimeMath.wideDifference(end, start))
        return TimeMath.ratio(TimeMath.wideDifference(t, start), wide) * Double(width)
    }

    /// Tick marks: (column, label) at a round step leaving room for every label. O(ticks).
    func ticks(minimumGap: Int = 10) -> [(column: Int, label: String)] {
        let step = Self.step(for: span, columns: width, minimumGap: minimumGap)
        let firstTick = TimeMath.add(TimeMath.multiply(Self.ceilDiv(TimeMath.subtract(start, origin), step), step), origin)
        var ticks: [(Int, String)] = []
        var t = firstTick
        // Bounded even when saturation put the first tick far before the window.
        var steps = 0
        while t <= end, ticks.count < 200, steps < 1000 {
            steps += 1
            let column = TimeMath.int(column(t).rounded(.down))
            if column >= 0, column < width {
                ticks.append((column, DurationFormat.string(Nanoseconds(TimeMath.subtract(t, origin)))))
            }
            let (next, overflow) = t.addingReportingOverflow(step)
            if overflow { break }
            t = next
        }
        return ticks
    }

    /// The smallest 1-2-5 step whose ticks are at least `minimumGap` columns apart.
    static func step(for span: Int64, columns: Int, minimumGap: Int) -> Int64 {
        let maxTicks = max(1, columns / max(1, minimumGap))
        var magnitude: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] {
                let (step, overflow) = magnitude.multipliedReportingOverflow(by: factor)
                if overflow { return .max }
                if span / step <= Int64(maxTicks) { return step }
            }
            let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return .max }
            magnitude = next
        }
    }

    private static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a > 0) == (b > 0)) ? q + 1 : q
    }
}
