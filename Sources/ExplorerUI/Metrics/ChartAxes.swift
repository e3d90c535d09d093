import TerminalCore
import TraceModel

/// The axes the charts share (the metrics chart, the latency plot): values labelled on the
/// left of a vertical line, UTC times under a rule below the plot.
///
/// ```
/// 6s ┤            labels right-aligned in the gutter, a tee at each
///    │
///  0 ┤
///    └┬──────────────────┬───────
///     22:15:00       22:20:00   UTC
/// ```
struct ChartAxes {
    let context: RenderContext

    /// A labelled value: its plot row (0 at the top) and its text.
    typealias ValueTick = (row: Int, label: String)
    /// A labelled time: its plot column and its text.
    typealias TimeTick = (column: Int, label: String)

    /// The value axis' line at `x`, a tee at each labelled tick, its label right-aligned in `gutter`.
    func drawValueAxis(_ ticks: [ValueTick], x: Int, gutter: Rect, into buffer: inout Buffer) {
        let style = context.style(.axis)
        for row in 0..<gutter.height {
            buffer.setString(context.glyphs.vertical, x: x, y: gutter.y + row, style: style, maxWidth: 1)
        }
        for tick in ticks {
            buffer.setString(context.glyphs.teeLeft, x: x, y: gutter.y + tick.row, style: style, maxWidth: 1)
            buffer.setTruncated(tick.label, x: gutter.x, y: gutter.y + tick.row, width: gutter.width, style: style,
                                alignment: .right)
        }
    }

    /// Under the plot: the rule with a tee at each time (when `rule`), then the times, each
    /// centred on its tee and left out when it would touch the one before, and `UTC`: under
    /// the value labels when the gutter has room, else at the end of the row.
    func drawTimeAxis(_ ticks: [TimeTick], under plot: Rect, axisX: Int, rule: Bool, gutter: Int, into buffer: inout Buffer) {
        let style = context.style(.axis)
        let ruleY = plot.bottom, labelY = plot.bottom + (rule ? 1 : 0)
        if rule {
            buffer.setString(context.glyphs.bottomLeft, x: axisX, y: ruleY, style: style, maxWidth: 1)
            for x in plot.left..<plot.right {
                buffer.setString(context.glyphs.horizontal, x: x, y: ruleY, style: style, maxWidth: 1)
            }
        }
        var labelEnd = plot.left - 1
        for tick in ticks {
            let width = tick.label.displayWidth
            let x = min(max(plot.left, plot.left + tick.column - width / 2), plot.right - width)
            guard x > labelEnd, x >= plot.left else { continue }
            buffer.setString(tick.label, x: x, y: labelY, style: style, maxWidth: plot.right - x)
            labelEnd = x + width
            if rule { buffer.setString(context.glyphs.teeDown, x: plot.left + tick.column, y: ruleY, style: style, maxWidth: 1) }
        }
        let gutterX = axisX - gutter - 1
        if gutter >= 3 {
            buffer.setTruncated("UTC", x: gutterX, y: labelY, width: gutter, style: context.style(.dim), alignment: .right)
        } else if labelEnd + 1 <= plot.right - 3 {
            buffer.setString("UTC", x: plot.right - 3, y: labelY, style: context.style(.dim))
        }
    }

    /// Which ticks get a label, given each tick's row (ticks from the lowest value up, rows
    /// going up the screen): the top always, then every k-th tick from the bottom, with the
    /// smallest k that leaves `gap` rows between labels, so labels are evenly spaced. Indices
    /// into `rows`, from the bottom up. O(ticks²).
    static func labelledTicks(rows: [Int], gap: Int) -> [Int] {
        guard !rows.isEmpty else { return [] }
        let top = rows.count - 1
        for k in 1...max(1, top) {
            // Rows go down the screen as values go up: each label must be `gap` rows above the last.
            var picked: [Int] = []
            for i in stride(from: 0, to: top, by: k) where picked.last.map({ rows[$0] - rows[i] >= gap }) ?? true
                && rows[i] - rows[top] >= gap {
                picked.append(i)
            }
            let even = stride(from: 0, to: top, by: k).allSatisfy { picked.contains($0) || rows[$0] - rows[top] < gap }
            if even || k == max(1, top) { return picked + [top] }
        }
        return [top]
    }

    /// The UTC time labels from `first` to `last` over a plot `plotWidth` cells wide, each at
    /// the column of its dot (the first time at the left edge, the last at the right).
    static func timeTicks(first: Timestamp, last: Timestamp, plotWidth: Int, kind: DotCanvas.Kind) -> [TimeTick] {
        let dotsWide = plotWidth * kind.dotsWide
        return MetricsTimeAxis.ticks(first: first, last: last, width: plotWidth).map { tick in
            let dot = Int((min(max(tick.fraction, 0), 1) * Double(dotsWide - 1)).rounded())
            return (dot / kind.dotsWide, tick.label)
        }
    }
}
