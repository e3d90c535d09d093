import TerminalCore
import TraceModel

/// The latency plot laid out in an area: the axes and their labels, the plot's cells, the dots
/// of every trace (braille, or ASCII) and each cell's count of traces and of traces with errors.
///
/// ```
///  10s ┤      ⠁
///   1s ┤ ⠂⠄  ⡀⠄⠂ ⢀    a dot per trace or more; a cell with an error trace in the error role
/// 100ms┤⣿⣷⣾⣿⣶⣿⣷⣿⣿⣾
///      └┬────────┬─
///       10:00:00 10:30:00 UTC
/// ```
///
/// Computed once for an area, a kind of dot and a scale: O(points × log dots). Every frame then
/// draws from it in O(cells), so moving the cursor or switching to the heatmap never goes over
/// the points again.
struct LatencyGrid {
    /// What it was laid out for.
    let area: Rect
    let kind: DotCanvas.Kind
    let scale: DurationScale
    /// The plot's cells on screen (right of the value axis, above the time axis).
    let plot: Rect
    /// The x of the value axis' line; the labels' gutter is left of it.
    let axisX: Int
    let gutter: Int
    let durationAxis: LatencyDurationAxis
    let timeRange: LatencyTimeRange
    /// Where each column of dots begins in time, left to right.
    let timeDots: DotBoundaries
    /// Where each row of dots begins in duration, bottom to top.
    let durationDots: DotBoundaries
    /// Every trace's dot.
    let canvas: DotCanvas
    /// Traces per cell and traces with errors per cell, row by row from the top.
    let counts: [Int32]
    let errorCounts: [Int32]
    let valueTicks: [ChartAxes.ValueTick]
    let timeTicks: [ChartAxes.TimeTick]

    /// Rows under the plot: the rule, the time labels, the legend.
    static let rowsUnder = 3
    /// The smallest plot drawn; a smaller area gets a one-line summary.
    static let minimumPlot = Size(width: 10, height: 3)

    /// Lays `points` out in `area`; nil when the area is too small for a plot.
    init?(points: LatencyPoints, area: Rect, kind: DotCanvas.Kind, scale: DurationScale) {
        let plotRows = area.height - Self.rowsUnder
        guard plotRows >= Self.minimumPlot.height else { return nil }
        self.area = area
        self.kind = kind
        self.scale = scale
        let dotsHigh = plotRows * kind.dotsHigh
        let axis = LatencyDurationAxis(durations: points.durationRange, scale: scale, rows: plotRows)
        let durationDots = axis.boundaries(dots: dotsHigh)
        // The ticks' rows, then the labels that fit evenly; their width sets the gutter.
        let ascii = kind == .ascii
        let rows = axis.ticks.map { (dotsHigh - 1 - durationDots.dot(of: TimeMath.int64($0.rounded()))) / kind.dotsHigh }
        let chosen = ChartAxes.labelledTicks(rows: rows, gap: plotRows >= 5 ? 2 : 1)
        valueTicks = chosen.reversed().map { (rows[$0], LatencyDurationAxis.label(axis.ticks[$0], ascii: ascii)) }
        gutter = max(1, valueTicks.map(\.label.displayWidth).max() ?? 1)
        axisX = area.x + gutter + 1
        plot = Rect(x: axisX + 1, y: area.y, width: area.right - axisX - 1, height: plotRows)
        guard plot.width >= Self.minimumPlot.width else { return nil }
        durationAxis = axis
        self.durationDots = durationDots
        timeRange = LatencyTimeRange(starts: points.startRange)
        timeDots = timeRange.boundaries(dots: plot.width * kind.dotsWide)
        timeTicks = ChartAxes.timeTicks(first: Timestamp(unixNanos: timeRange.first), last: Timestamp(unixNanos: timeRange.last),
                                        plotWidth: plot.width, kind: kind)

        var canvas = DotCanvas(columns: plot.width, rows: plot.height, kind: kind)
        var counts = [Int32](repeating: 0, count: plot.width * plot.height)
        var errorCounts = counts
        let starts = points.starts, durations = points.durations, errors = points.errors
        let dotsWide = kind.dotsWide, perRow = kind.dotsHigh, columns = plot.width
        for i in 0..<points.count {
            let x = timeDots.dot(of: starts[i]), y = dotsHigh - 1 - durationDots.dot(of: durations[i])
            canvas.set(x: x, y: y, series: 0)
            let cell = (y / perRow) * columns + x / dotsWide
            counts[cell] += 1
            if errors[i] { errorCounts[cell] += 1 }
        }
        self.canvas = canvas
        self.counts = counts
        self.errorCounts = errorCounts
    }

    /// Whether it was laid out for this area, kind and scale.
    func fits(_ area: Rect, _ kind: DotCanvas.Kind, _ scale: DurationScale) -> Bool {
        self.area == area && self.kind == kind && self.scale == scale
    }

    // MARK: - Cells and what they hold

    /// The cell (column, row of the plot) at a screen position; nil outside the plot.
    func cell(at position: Point) -> Point? {
        guard plot.contains(position) else { return nil }
        return Point(x: position.x - plot.x, y: position.y - plot.y)
    }

    /// The cell of a trace that starts at `start` and lasts `duration`.
    func cell(start: Int64, duration: Int64) -> Point {
        let x = timeDots.dot(of: start), y = durationDots.dots - 1 - durationDots.dot(of: duration)
        return Point(x: x / kind.dotsWide, y: y / kind.dotsHigh)
    }

    /// The traces in the cells from `a` to `b` (any two corners), and those with errors. O(cells).
    func count(_ a: Point, _ b: Point) -> (traces: Int, errors: Int) {
        var traces = 0, errors = 0
        for row in min(a.y, b.y)...max(a.y, b.y) {
            for column in min(a.x, b.x)...max(a.x, b.x) {
                let i = row * plot.width + column
                traces += Int(counts[i])
                errors += Int(errorCounts[i])
            }
        }
        return (traces, errors)
    }

    /// The start times and durations the cells from `a` to `b` cover: exactly the traces drawn
    /// in them (the same boundaries place the dots).
    func selection(_ a: Point, _ b: Point) -> LatencySelection {
        let (left, right) = (min(a.x, b.x), max(a.x, b.x)), (top, bottom) = (min(a.y, b.y), max(a.y, b.y))
        let times = timeDots.range(ofDots: left * kind.dotsWide, right * kind.dotsWide + kind.dotsWide - 1)
        let dotsHigh = durationDots.dots
        let durations = durationDots.range(ofDots: dotsHigh - (bottom + 1) * kind.dotsHigh, dotsHigh - 1 - top * kind.dotsHigh)
        return LatencySelection(startLow: times.low, startHigh: times.high, durationLow: durations.low,
                                durationHigh: durations.high)
    }

    /// The cell nearest `point` inside the plot.
    func clamp(_ point: Point) -> Point {
        Point(x: min(max(0, point.x), plot.width - 1), y: min(max(0, point.y), plot.height - 1))
    }
}
