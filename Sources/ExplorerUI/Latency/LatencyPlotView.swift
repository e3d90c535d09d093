import TerminalCore
import TraceModel

/// Draws the latency screen's plot from its layout: the dots (scatter) or the shades of each
/// cell's count (heatmap), the rectangle and the cursor, the duration axis on the left, the
/// times under it, and a legend.
///
/// In the scatter, a cell holding any trace with an error is drawn in the error role (a
/// cell's dots share one colour), the others in the bar role. In the heatmap, a cell is drawn
/// in the error role when half or more of its traces have errors. Pure: a function of the
/// screen and the context, O(cells).
struct LatencyPlotView {
    let screen: LatencyScreen
    let context: RenderContext

    private var ascii: Bool { !context.glyphs.hasEighthBlocks }

    /// Draws the plot in `area` (laid out for it by `LatencyScreen.layOut`, or laid out here).
    func render(in area: Rect, into buffer: inout Buffer) {
        let kind: DotCanvas.Kind = ascii ? .ascii : .braille
        let grid = screen.grid.flatMap { $0.fits(area, kind, screen.scale) ? $0 : nil }
            ?? LatencyGrid(points: screen.points, area: area, kind: kind, scale: screen.scale)
        guard let grid else {
            buffer.setTruncated(" " + screen.headline(ascii: ascii) + " (too small to plot)", x: area.x, y: area.y,
                                width: area.width, style: context.style(.dim), ellipsis: context.glyphs.ellipsis)
            return
        }
        let shades = HeatShades(maximum: Int(grid.counts.max() ?? 0))
        drawCells(grid, shades: shades, into: &buffer)
        let axes = ChartAxes(context: context)
        axes.drawValueAxis(grid.valueTicks, x: grid.axisX,
                           gutter: Rect(x: area.x, y: grid.plot.y, width: grid.gutter, height: grid.plot.height), into: &buffer)
        axes.drawTimeAxis(grid.timeTicks, under: grid.plot, axisX: grid.axisX, rule: true, gutter: grid.gutter, into: &buffer)
        drawLegend(shades, at: Point(x: area.x + 1, y: grid.plot.bottom + 2), width: area.width - 2, into: &buffer)
    }

    /// Every cell of the plot: its dots or shade in its role, selected inside the rectangle,
    /// the cursor's cell in the match role.
    private func drawCells(_ grid: LatencyGrid, shades: HeatShades, into buffer: inout Buffer) {
        let normal = context.style(.bar), failing = context.style(.error)
        let (a, b) = screen.corners
        let columns = min(a.x, b.x)...max(a.x, b.x), rows = min(a.y, b.y)...max(a.y, b.y)
        let showRectangle = screen.anchor != nil
        let cursorStyle = context.style(.match)
        for row in 0..<grid.plot.height {
            for column in 0..<grid.plot.width {
                let i = row * grid.plot.width + column
                let count = Int(grid.counts[i]), errors = Int(grid.errorCounts[i])
                var character: Character = " "
                var style = normal
                if screen.heatmap {
                    if count > 0 { character = HeatShades.glyph(shades.shade(count), ascii: ascii) }
                    if count > 0, errors * 2 >= count { style = failing }
                } else {
                    if let dots = grid.canvas.cell(column: column, row: row) { character = dots.character }
                    if errors > 0 { style = failing }
                }
                if column == screen.cursor.x, row == screen.cursor.y {
                    style = cursorStyle
                } else if showRectangle, columns.contains(column), rows.contains(row) {
                    style = context.selected(style)
                } else if count == 0 {
                    continue
                }
                buffer.put(Cell(character, width: 1, style: style), x: grid.plot.x + column, y: grid.plot.y + row)
            }
        }
    }

    /// The line under the times: what a dot or a shade means.
    private func drawLegend(_ shades: HeatShades, at origin: Point, width: Int, into buffer: inout Buffer) {
        let dim = context.style(.dim)
        var spans: [TerminalCore.Span] = []
        if screen.heatmap {
            spans.append(TerminalCore.Span("traces per cell ", style: dim))
            for range in shades.ranges {
                let counts = range.low == range.high ? "\(NumberFormat.grouped(range.low))"
                    : "\(NumberFormat.grouped(range.low))\(ascii ? "-" : "–")\(NumberFormat.grouped(range.high))"
                spans.append(TerminalCore.Span(String(HeatShades.glyph(range.shade, ascii: ascii)), style: context.style(.bar)))
                spans.append(TerminalCore.Span(" \(counts)  ", style: dim))
            }
            spans.append(TerminalCore.Span(String(HeatShades.glyph(4, ascii: ascii)), style: context.style(.error)))
            spans.append(TerminalCore.Span(" half or more with errors", style: dim))
        } else {
            let dot = ascii ? "-" : "⠂"
            spans.append(TerminalCore.Span(dot, style: context.style(.bar)))
            spans.append(TerminalCore.Span(" a trace or more  ", style: dim))
            spans.append(TerminalCore.Span(dot, style: context.style(.error)))
            spans.append(TerminalCore.Span(" a cell with an error", style: dim))
        }
        buffer.setSpans(spans, x: origin.x, y: origin.y, width: width, ellipsis: context.glyphs.ellipsis)
    }
}
