import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// Draws the compare screen: the two sides and the overall difference, then the merged tree,
/// a row a path: its mark (`-` only in A, `+` only in B, `*` the critical path moved), the
/// path indented with its fold, the counts and times in A and B, the difference with its
/// percentage and a bar centred on zero (slower to the right in the error role, faster to the
/// left in `improved`), and on whose critical path it is.
struct CompareView {
    let screen: CompareScreen
    let context: RenderContext

    /// Deeper paths are drawn at this indentation (the CLI's limit too).
    static let indentedLevels = 16

    struct Layout {
        var counts: Bool, bar: Bool, selfColumn: Bool
        var path: Int
        /// "A B", "BASE TRACE": both names and a space, and a margin.
        var crit: Int
        static let time = 9, count = 6, diff = 10, percent = 8, barWidth = 17

        init(width: Int, names: (String, String)) {
            crit = max(6, names.0.count + names.1.count + 3)
            counts = width >= 110
            bar = width >= 100
            selfColumn = width >= 140
            let fixed = 2 + 2 * Self.time + (counts ? 2 * Self.count : 0) + Self.diff + Self.percent
                + (bar ? Self.barWidth + 1 : 0) + (selfColumn ? Self.diff : 0) + crit
            path = max(12, width - fixed)
        }
    }

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.height >= 6 else { return }
        let (a, b) = (screen.a, screen.b)
        let lines = [a.headline, b.headline, screen.comparison.differenceLine(a: a, b: b)]
        for (i, line) in lines.enumerated() {
            buffer.setTruncated(" " + line.visiblyEscaped, x: area.x, y: area.y + i, width: area.width,
                                style: context.style(i == 2 ? .title : .text))
        }
        let layout = Layout(width: area.width, names: (a.name, b.name))
        drawHeader(layout, y: area.y + 4, in: area, into: &buffer)
        let body = Rect(x: area.x, y: area.y + 5, width: area.width, height: area.height - 5)
        for row in 0..<body.height {
            let index = screen.cursor.offset + row
            guard screen.visible.indices.contains(index) else { break }
            drawNode(screen.visible[index], selected: index == screen.cursor.selected, layout: layout,
                     in: Rect(x: body.x, y: body.y + row, width: body.width, height: 1), into: &buffer)
        }
        if screen.visible.isEmpty {
            buffer.setTruncated("  No path changed: press d to see every path.", x: body.x, y: body.y, width: body.width,
                                style: context.style(.dim))
        }
    }

    private func drawHeader(_ layout: Layout, y: Int, in area: Rect, into buffer: inout Buffer) {
        let style = context.style(.title)
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
        let (a, b) = (screen.a.name, screen.b.name)
        let diff = screen.selfTime ? "SELF DIFF" : "DIFF"
        var cells: [(String, Int, Bool)] = [("  PATH", layout.path + 2, false)]
        if layout.counts { cells.append(("\(a) N", Layout.count, true)) }
        cells.append(("\(a) TIME", Layout.time, true))
        if layout.counts { cells.append(("\(b) N", Layout.count, true)) }
        cells += [("\(b) TIME", Layout.time, true), (diff, Layout.diff, true), ("DIFF%", Layout.percent, true)]
        if layout.bar { cells.append(("  faster | slower", Layout.barWidth + 1, false)) }
        if layout.selfColumn { cells.append((screen.selfTime ? "DIFF" : "SELF DIFF", Layout.diff, true)) }
        cells.append(("  CRIT", layout.crit, false))
        var x = area.x
        for (text, width, right) in cells {
            buffer.setTruncated(text, x: x, y: y, width: width - (right ? 1 : 0), style: style, alignment: right ? .right : .left)
            x += width
        }
    }

    private func drawNode(_ i: Int, selected: Bool, layout: Layout, in row: Rect, into buffer: inout Buffer) {
        let node = screen.comparison.nodes[i]
        let ascii = !context.glyphs.hasEighthBlocks
        func styled(_ role: ThemeRole) -> Style { selected ? context.selected(context.style(role)) : context.style(role) }
        let base = styled(.text)
        buffer.fill(row, style: base)
        var x = row.x
        func cell(_ text: String, _ width: Int, _ style: Style, right: Bool = true) {
            buffer.setTruncated(text, x: x, y: row.y, width: width - (right ? 1 : 0), style: style, alignment: right ? .right : .left)
            x += width
        }
        // The mark: only in one side, or the critical path moved.
        let moved = node.isInA && node.isInB && node.criticalPathDiffers
        let mark = node.isOnlyInA ? "-" : node.isOnlyInB ? "+" : moved ? "*" : " "
        cell(" " + mark, 2, node.isOnlyInA ? styled(.improved) : node.isOnlyInB ? styled(.error) : styled(.critical), right: false)
        // The path: indentation, fold, label in the critical role on B's critical path.
        let depth = min(node.depth, Self.indentedLevels)
        let deeper = node.depth > depth ? "[\(node.depth)] " : ""
        let fold = screen.hasChildren(i) ? (screen.collapsed.contains(i) ? context.glyphs.collapsed : context.glyphs.expanded) + " " : "  "
        let label = TraceComparison.label(node.key).visiblyEscaped
        let labelStyle = node.isCriticalInB ? styled(.critical) : base
        let indent = String(repeating: " ", count: 2 * depth)
        buffer.setTruncated(indent + deeper + fold, x: x, y: row.y, width: layout.path, style: base)
        let used = min(layout.path, DisplayWidth.of(indent + deeper + fold))
        buffer.setTruncated(label, x: x + used, y: row.y, width: layout.path - used - 1, style: labelStyle)
        x += layout.path
        func time(_ d: Nanoseconds, present: Bool) -> String { present ? DurationFormat.string(d, ascii: ascii) : "-" }
        if layout.counts { cell(node.isInA ? NumberFormat.grouped(node.a.count) : "-", Layout.count, base) }
        cell(time(node.a.duration, present: node.isInA), Layout.time, base)
        if layout.counts { cell(node.isInB ? NumberFormat.grouped(node.b.count) : "-", Layout.count, base) }
        cell(time(node.b.duration, present: node.isInB), Layout.time, base)
        let delta = screen.selfTime ? node.selfTimeDelta : node.durationDelta
        let deltaStyle = delta > .zero ? styled(.error) : delta < .zero ? styled(.improved) : styled(.dim)
        cell(TraceComparison.signed(delta, ascii: ascii), Layout.diff, deltaStyle)
        let before = screen.selfTime ? node.a.selfTime : node.a.duration
        cell(before > .zero ? TraceComparison.percent(delta.ratio(to: before)) : (node.isOnlyInB ? "new" : "-"), Layout.percent, deltaStyle)
        if layout.bar {
            drawBar(delta, x: x + 1, y: row.y, selected: selected, into: &buffer)
            x += Layout.barWidth + 1
        }
        if layout.selfColumn {
            let other = screen.selfTime ? node.durationDelta : node.selfTimeDelta
            cell(TraceComparison.signed(other, ascii: ascii), Layout.diff, other == .zero ? styled(.dim) : base)
        }
        let (a, b) = (screen.a.name, screen.b.name)
        let crit = (node.isCriticalInA ? a : String(repeating: " ", count: a.count)) + " " + (node.isCriticalInB ? b : "")
        cell("  " + crit, layout.crit, moved ? styled(.critical) : styled(.dim), right: false)
    }

    /// A bar centred on zero: a slower path grows right in the error role, a faster one left in
    /// `improved`, scaled to the largest difference on the screen's measure.
    private func drawBar(_ delta: Nanoseconds, x: Int, y: Int, selected: Bool, into buffer: inout Buffer) {
        let half = (Layout.barWidth - 1) / 2
        let largest = screen.selfTime ? screen.largestSelfDelta : screen.largestDurationDelta
        var axis = context.style(.dim)
        if selected { axis = context.selected(axis) }
        buffer.setString(context.glyphs.vertical, x: x + half, y: y, style: axis, maxWidth: 1)
        guard largest > 0, delta != .zero else { return }
        let size = min(1, Double(delta.value.magnitude) / Double(largest)) * Double(half)
        var style = context.style(delta > .zero ? .error : .improved)
        style.attributes.remove(.underline)
        if delta > .zero {
            BarPainter.paint(from: 0, to: size, x: x + half + 1, y: y, width: half, style: style, glyphs: context.glyphs, into: &buffer)
        } else {
            // Right-aligned on the left half: whole cells (eighth blocks grow from the left), and a
            // sliver for a difference under half a cell, as the right half draws one.
            let cells = Int(size.rounded())
            if cells == 0 {
                buffer.setString(context.glyphs.hasEighthBlocks ? "▕" : ".", x: x + half - 1, y: y, style: style, maxWidth: 1)
            }
            for c in 0..<min(half, cells) {
                buffer.setString(context.glyphs.fullBlock, x: x + half - 1 - c, y: y, style: style, maxWidth: 1)
            }
        }
    }
}
