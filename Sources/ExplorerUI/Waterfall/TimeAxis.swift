import TraceModel

/// Maps times onto the columns of the timeline, and places ruler ticks at round intervals.
struct TimeAxis: Sendable, Hashable {
    /// The window shown: the trace, or a zoomed span's interval (Unix ns).
    let start: Int64
    let end: Int64
    /// Where times are measured from in labels (the trace start, so labels read 0, 250ms ...).
    let origin: Int64
    let width: Int

    init(start: Int64, end: Int64, origin: Int64, width: Int) {
        self.start = start
        self.end = max(end, start + 1)
        self.origin = origin
        self.width = max(1, width)
    }

    var span: Int64 { end - start }

    /// The column of a time, as a fraction (may fall outside 0...width).
    func column(_ t: Int64) -> Double { Double(t - start) / Double(span) * Double(width) }

    /// Tick marks: (column, label) at a round step leaving room for every label. O(ticks).
    func ticks(minimumGap: Int = 10) -> [(column: Int, label: String)] {
        let step = Self.step(for: span, columns: width, minimumGap: minimumGap)
        let firstTick = Self.ceilDiv(start - origin, step) * step + origin
        var ticks: [(Int, String)] = []
        var t = firstTick
        while t <= end, ticks.count < 200 {
            let column = Int(column(t).rounded(.down))
            if column >= 0, column < width {
                ticks.append((column, DurationFormat.string(Nanoseconds(t - origin))))
            }
            t += step
        }
        return ticks
    }

    /// The smallest 1-2-5 step whose ticks are at least `minimumGap` columns apart.
    static func step(for span: Int64, columns: Int, minimumGap: Int) -> Int64 {
        let maxTicks = max(1, columns / max(1, minimumGap))
        var magnitude: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] {
                let step = magnitude * factor
                if span / step <= Int64(maxTicks) { return step }
            }
            if magnitude > Int64.max / 100 { return Int64.max / 10 }
            magnitude *= 10
        }
    }

    private static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a > 0) == (b > 0)) ? q + 1 : q
    }
}
