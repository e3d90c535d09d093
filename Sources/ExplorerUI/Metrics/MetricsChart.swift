import TerminalCore
import TraceModel
import TraceQuery

/// Draws a metrics query's answer (`MetricsResult`) as a line chart: one line per series in
/// its own theme colour, plotted with braille dots (ASCII ones without UTF-8), a y axis of
/// values in the query's unit on the left, UTC times under the plot and a legend of the
/// series' labels below.
///
/// ```
/// 6s ┤                                        ⣄    ⡠⢢   ⢀⠎⢆  ⢀
///    │                                       ⢸⠈⢢⢀⠤⠊  ⠱⡠⠒⠁  ⠣⠊⠁
/// 4s ┤  ⢀⠤⠢⡀ ⣀⠤⠒⢄ ⢀⡠⠒⠉⢢⢀⡠⢄   ⢀⠤⠢⡀ ⢀⠤⠒   ⠠⠒⠉⠢⣀⢇⠦⡀⠁⢀⡠⠒⠑⡄ ⣀⠔⠊⠢⡀⣀⠤
///    │⠔⢊⣁⠤⢄⡑⢉⣀⠤⠒⢄⡑⢁⣀⠤⠒⢄⢁⡠⢄⠑⠔⢊⣁⠤⢄⡈⠊⣁⠤⠒   ⢀⠤⠒⢄⣈⠎ ⠈⠊⠁   ⠈⠊  ⢀ ⠈
///    │⠊⣁⣀⠤⢄⡈⢁⣀⡠⠤⣀⠈⢁⣀⡠⠤⢄⣁⣀⣀⠉⠊⣁⣀⠤⢄⡈⠉⣀⡠⠤   ⢀⡠⠤⢄⣈⠔⠑⠢⠤⠒⠒⠉⠑⠢⠤⠒⠊⠁⠉⠒⠊⠉
///  0 ┤⠉    ⠈⠁    ⠉⠁       ⠉⠉    ⠈⠉
///    └┬──────────────────┬──────────────────┬─────────────────
///     22:15:00       22:20:00           22:25:00           UTC
/// {resource.service.name="api", p="0.5"}  +2 more
/// ```
///
/// Series are drawn last to first, so the first (the top-ranked after `topk`) is on top; a
/// cell shared by several lines shows all their dots in the colour of the one on top.
///
/// Pure: a function of the result and the render context. A missing value (nil), NaN or
/// infinity is a gap in its line; an empty result says so in one line, and so does an area
/// smaller than `minimumSize` (a summary). Labels come from trace data and reach the buffer
/// only through `Buffer`'s text drawing, which shows control characters as visible escapes.
/// O(series x steps + area); allocations are per chart (the plot's cells), never per dot.
public struct MetricsChart: Widget {
    public let result: MetricsResult
    public let context: RenderContext

    public init(result: MetricsResult, context: RenderContext) {
        self.result = result
        self.context = context
    }

    /// The smallest area a chart is drawn in; below it, a one-line summary.
    public static let minimumSize = Size(width: 20, height: 4)

    /// The rows the chart would like in an area `width` columns wide, at most `maxHeight`: a
    /// plot of 7 rows, the time axis and 1 to 3 rows of legend (10 to 12 rows); 1 row for a
    /// result without values (its message).
    public static func preferredHeight(for result: MetricsResult, width: Int, maxHeight: Int) -> Int {
        guard maxHeight > 0 else { return 0 }
        guard Extent(result) != nil else { return 1 }
        let legend = MetricsLegend(count: result.series.count, width: width, rows: 3, ellipsis: "…") {
            result.series[$0].promLabels
        }
        return min(maxHeight, preferredPlotRows + 2 + max(1, legend.rows))
    }

    /// The plot rows `preferredHeight` asks for.
    static let preferredPlotRows = 7

    public func render(in area: Rect, into buffer: inout Buffer) {
        guard area.width > 0, area.height > 0 else { return }
        guard let extent = Extent(result) else {
            line(message, in: area, into: &buffer)
            return
        }
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
            line(summary(extent), in: area, into: &buffer)
            return
        }
        var legend = legend(width: area.width, rows: 3)
        let rows = Rows(height: area.height, legendNeeded: legend.rows)
        if rows.legend < legend.rows { legend = self.legend(width: area.width, rows: rows.legend) }
        // Rounded to a step of a quarter of the range or finer, however few rows get a label.
        let axis = ValueAxis(minimum: extent.minimum, maximum: extent.maximum, unit: result.unit,
                             maxTicks: max(5, min(7, rows.plot / 2 + 1)))
        let kind: DotCanvas.Kind = ascii ? .ascii : .braille
        let yTicks = yTicks(axis, plotRows: rows.plot, kind: kind)
        let gutter = max(1, yTicks.map(\.label.displayWidth).max() ?? 1)
        let axisX = area.x + gutter + 1
        let plot = Rect(x: axisX + 1, y: area.y, width: area.right - axisX - 1, height: rows.plot)
        guard plot.width >= 4 else {
            line(summary(extent), in: area, into: &buffer)
            return
        }

        var canvas = DotCanvas(columns: plot.width, rows: plot.height, kind: kind)
        plotSeries(on: &canvas, axis: axis)
        drawCanvas(canvas, at: plot, into: &buffer)
        let axes = ChartAxes(context: context)
        axes.drawValueAxis(yTicks, x: axisX, gutter: Rect(x: area.x, y: plot.y, width: gutter, height: plot.height),
                           into: &buffer)
        let labelY = plot.bottom + (rows.rule ? 1 : 0)
        let xTicks = ChartAxes.timeTicks(first: result.start, last: result.time(ofStep: max(0, result.stepCount - 1)),
                                         plotWidth: plot.width, kind: kind)
        axes.drawTimeAxis(xTicks, under: plot, axisX: axisX, rule: rows.rule, gutter: gutter, into: &buffer)
        drawLegend(legend, at: Point(x: area.x, y: labelY + 1), width: area.width, into: &buffer)
    }

    // MARK: - Legend

    /// The legend's labels in their series' colours, and `+N more` dim.
    private func drawLegend(_ legend: MetricsLegend, at origin: Point, width: Int, into buffer: inout Buffer) {
        for entry in legend.entries {
            buffer.setString(entry.text, x: origin.x + entry.x, y: origin.y + entry.row,
                             style: seriesStyle(entry.series), maxWidth: width - entry.x)
        }
        if let more = legend.more {
            buffer.setString(more.text, x: origin.x + more.x, y: origin.y + more.row, style: context.style(.dim),
                             maxWidth: width - more.x)
        }
    }

    // MARK: - Layout

    /// How the chart's rows are shared: the plot, the rule under it (when the plot keeps 4
    /// rows with it), the time labels' row and the legend (more than one row only while the
    /// plot keeps more than 6).
    struct Rows: Equatable {
        let plot: Int
        let rule: Bool
        let legend: Int

        init(height: Int, legendNeeded: Int) {
            let rest = height - 2
            rule = rest - 1 >= 4
            var plot = rest - (rule ? 1 : 0), legend = 1
            while legend < legendNeeded, plot > 6 {
                legend += 1
                plot -= 1
            }
            self.plot = max(1, plot)
            self.legend = legend
        }
    }

    /// The series' labels laid out in `rows` rows of `width` columns.
    private func legend(width: Int, rows: Int) -> MetricsLegend {
        MetricsLegend(count: result.series.count, width: width, rows: rows, ellipsis: context.glyphs.ellipsis) {
            result.series[$0].promLabels
        }
    }

    /// The y ticks that are labelled (`ChartAxes.labelledTicks`: evenly spaced, a row between
    /// labels when the plot has 5 rows or more), with their rows, from the top down.
    private func yTicks(_ axis: ValueAxis, plotRows: Int, kind: DotCanvas.Kind) -> [ChartAxes.ValueTick] {
        let dotsHigh = plotRows * kind.dotsHigh
        let rows = axis.ticks.map { (dotY($0, axis: axis, dotsHigh: dotsHigh) ?? 0) / kind.dotsHigh }
        let chosen = ChartAxes.labelledTicks(rows: rows, gap: plotRows >= 5 ? 2 : 1)
        return chosen.reversed().map { (rows[$0], MetricValueFormat.string(axis.ticks[$0], unit: result.unit, ascii: ascii)) }
    }

    // MARK: - Plotting

    /// Plots every series, the last first, so the first (the top-ranked) is drawn over the others.
    private func plotSeries(on canvas: inout DotCanvas, axis: ValueAxis) {
        let steps = result.stepCount
        let dotsWide = canvas.dotsWide, dotsHigh = canvas.dotsHigh
        // Step i's column of dots: the first step at the left edge, the last at the right.
        var xs = [Int](repeating: (dotsWide - 1) / 2, count: steps)
        if steps > 1 {
            let scale = Double(dotsWide - 1) / Double(steps - 1)
            for i in 0..<steps { xs[i] = Int((Double(i) * scale).rounded()) }
        }
        for series in result.series.indices.reversed() {
            let values = result.series[series].values
            let count = min(steps, values.count)
            var previous: (x: Int, y: Int)?
            for i in 0..<count {
                guard let value = values[i], let y = dotY(value, axis: axis, dotsHigh: dotsHigh) else {
                    previous = nil
                    continue
                }
                let point = (x: xs[i], y: y)
                if let previous {
                    canvas.line(from: previous, to: point, series: series)
                } else if i + 1 >= count || values[i + 1].map({ !$0.isFinite }) ?? true {
                    // An isolated value: a dash across its cell rather than one faint dot.
                    let cell = point.x - point.x % canvas.kind.dotsWide
                    for x in cell..<(cell + canvas.kind.dotsWide) { canvas.set(x: x, y: y, series: series) }
                }
                previous = point
            }
        }
    }

    /// The row of dots of `value`, 0 at the top; nil for a value that is not finite.
    private func dotY(_ value: Double, axis: ValueAxis, dotsHigh: Int) -> Int? {
        guard let fraction = axis.fraction(value) else { return nil }
        let y = (1 - min(max(fraction, 0), 1)) * Double(dotsHigh - 1)
        return Int(y.rounded())
    }

    /// Copies the canvas' cells into the buffer, each in its series' colour.
    private func drawCanvas(_ canvas: DotCanvas, at plot: Rect, into buffer: inout Buffer) {
        let styles = result.series.indices.map(seriesStyle)
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                guard let (character, series) = canvas.cell(column: column, row: row) else { continue }
                buffer.put(Cell(character, width: 1, style: styles.indices.contains(series) ? styles[series] : .plain),
                           x: plot.x + column, y: plot.y + row)
            }
        }
    }

    // MARK: - Text

    /// Whether the terminal shows ASCII only (the ASCII glyphs), as the other views decide.
    private var ascii: Bool { !context.glyphs.hasEighthBlocks }

    /// The colour of series `index`: the theme's service colours in turn.
    private func seriesStyle(_ index: Int) -> Style {
        guard context.colorMode != .none, index >= 0 else { return .plain }
        let styles = context.theme.serviceStyles
        return styles[index % styles.count].adapted(to: context.colorMode)
    }

    /// What an answer without values says.
    var message: String {
        if result.series.isEmpty || result.stepCount <= 0 { return "No data for this metrics query." }
        return "No data for this metrics query: \(NumberFormat.count(result.series.count, "series", "series")), "
            + "no value in \(NumberFormat.count(result.stepCount, "step"))."
    }

    /// The one line an area too small for the chart shows: "3 series · 60 steps of 15s · max 6.31s".
    func summary(_ extent: Extent) -> String {
        let step = DurationFormat.string(result.step, ascii: ascii)
        var parts = [NumberFormat.count(result.series.count, "series", "series"),
                     "\(NumberFormat.count(result.stepCount, "step")) of \(step)",
                     "max \(MetricValueFormat.string(extent.maximum, unit: result.unit, ascii: ascii))"]
        if extent.minimum < 0 { parts.append("min \(MetricValueFormat.string(extent.minimum, unit: result.unit, ascii: ascii))") }
        return parts.joined(separator: " · ")
    }

    private func line(_ text: String, in area: Rect, into buffer: inout Buffer) {
        buffer.setTruncated(" " + text, x: area.x, y: area.y, width: area.width, style: context.style(.dim),
                            ellipsis: context.glyphs.ellipsis)
    }

    /// The lowest and highest finite values of a result; nil when it has none. O(series x steps).
    struct Extent: Equatable {
        let minimum: Double
        let maximum: Double

        init?(_ result: MetricsResult) {
            guard result.stepCount > 0 else { return nil }
            var low = Double.infinity, high = -Double.infinity
            for series in result.series {
                for case let value? in series.values.prefix(result.stepCount) where value.isFinite {
                    low = min(low, value)
                    high = max(high, value)
                }
            }
            guard low <= high else { return nil }
            minimum = low
            maximum = high
        }
    }
}
