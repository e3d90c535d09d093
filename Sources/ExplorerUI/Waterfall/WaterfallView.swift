import TerminalCore
import TraceAnalysis
import TraceModel

/// Draws a waterfall screen: the trace header, the diagnostics line, the ruler and the span rows
/// with tree guides, markers, durations and sub-cell bars carrying the critical sections.
struct WaterfallView {
    let screen: WaterfallScreen
    let context: RenderContext
    /// Drawn for print (`WaterfallText`): no key hints.
    var printing = false
    /// Indentation stops growing past this depth (deeper rows show their depth number).
    static let maxIndent = 24

    func render(in area: Rect, into buffer: inout Buffer) {
        let layout = WaterfallLayout(area: area, detailOpen: screen.detail != nil)
        drawHeader(in: layout.header, into: &buffer)
        if layout.spans.height > 0 { drawSpans(in: layout.spans, into: &buffer) }
        if let detailArea = layout.detail, let detail = screen.selectedDetail {
            SpanDetailView(detail: detail, state: screen.detail ?? SpanDetailState(), context: context)
                .render(in: detailArea, into: &buffer)
        }
        if let panel = screen.panel {
            WaterfallPanelView(panel: panel, context: context).render(in: layout.panelArea(in: area), into: &buffer)
        }
        if let raw = screen.raw { RawJSONView(raw: raw, context: context).render(in: area, into: &buffer) }
    }

    // MARK: - Header

    func drawHeader(in area: Rect, into buffer: inout Buffer) {
        guard area.height >= 1 else { return }
        let trace = screen.trace
        let summary = screen.catalog.summaries[screen.traceIndex]
        let strings = trace.table.strings
        let title = context.style(.title)
        buffer.fill(area.row(0), style: title)
        let (lo, hi) = screen.traceWindow
        var spans: [TerminalCore.Span] = [
            // The whole id in print; on screen its first 16 digits (any prefix finds it).
            .init(" Trace \(trace.table.writtenID(of: trace.id) ?? (printing ? trace.id.shownHex : String(trace.id.shownHex.prefix(16)))) ",
                  style: title),
            .init(strings[summary.rootService], style: context.service(strings[summary.rootService]).adding(.bold)),
            .init(": " + strings[summary.rootName], style: title),
            .init("  " + DurationFormat.string(Nanoseconds(TimeMath.subtract(hi, lo))) + " · " + NumberFormat.count(summary.spanCount, "span")
                  + " · " + NumberFormat.count(summary.services.count, "service"), style: title),
        ]
        if summary.errorCount > 0 {
            spans.append(.init(" · " + NumberFormat.count(summary.errorCount, "error"), style: context.style(.error)))
        }
        if let async = screen.insights.report.asyncWorkText {
            // Shares on the status line are of the response; what ran after it is named here.
            spans.append(.init(" · " + async, style: title))
        }
        buffer.setSpans(spans, x: area.x, y: area.y, width: area.width)
        guard area.height >= 2 else { return }

        let (text, isWarning) = screen.insights.summary
        let mode = screen.adjusted
            ? "adjusted timings (\(screen.insights.report.adjustment?.adjustedSpans.count ?? 0) shifted) · a: raw"
            : "raw timings · a: adjust skew"
        let modeWidth = printing ? 1 : DisplayWidth.of(mode) + 1
        let marker = isWarning ? (context.glyphs.hasEighthBlocks ? "⚠ " : "! ") : ""
        let room = area.width - modeWidth - 1
        var line = " " + marker + text
        if !printing, DisplayWidth.of(line) > room {
            // Never cut without saying where the rest is.
            let more = " … d: all"
            line = line.truncated(toWidth: max(0, room - DisplayWidth.of(more)), ellipsis: "") + more
        }
        buffer.setTruncated(line, x: area.x, y: area.y + 1, width: room,
                            style: isWarning ? context.style(.warning) : context.style(.dim))
        if !printing {
            buffer.setTruncated(mode, x: area.right - modeWidth, y: area.y + 1, width: modeWidth - 1,
                                style: screen.adjusted ? context.style(.warning) : context.style(.dim), alignment: .right)
        }
        if area.height >= 3, let zoom = screen.zoom {
            let note = " zoomed to \(DurationFormat.string(Nanoseconds(TimeMath.subtract(zoom.lowerBound, lo))))–\(DurationFormat.string(Nanoseconds(TimeMath.subtract(zoom.upperBound, lo)))) · Z resets"
            buffer.setTruncated(note, x: area.x, y: area.y + 2, width: area.width, style: context.style(.match))
        }
    }

    // MARK: - Rows

    struct Columns {
        let left: Int
        let duration = 8
        let timelineX: Int
        let timelineWidth: Int

        init(area: Rect) {
            left = max(24, min(70, area.width * 42 / 100))
            timelineX = area.x + left + 1 + duration + 1
            timelineWidth = max(1, area.right - timelineX - 1)
        }
    }

    func axis(_ columns: Columns) -> TimeAxis {
        let (lo, hi) = screen.traceWindow
        let window = screen.zoom ?? lo...hi
        return TimeAxis(start: window.lowerBound, end: window.upperBound, origin: lo, width: columns.timelineWidth)
    }

    private func drawSpans(in area: Rect, into buffer: inout Buffer) {
        let columns = Columns(area: area)
        let axis = self.axis(columns)
        drawRuler(axis, columns: columns, y: area.y, area: area, into: &buffer)
        let rows = screen.rows
        let cursor = screen.cursor
        for line in 0..<(area.height - 1) {
            let index = cursor.offset + line
            guard index < rows.visible.count else { break }
            drawRow(position: Int(rows.visible[index]), y: area.y + 1 + line, selected: index == cursor.selected,
                    columns: columns, axis: axis, area: area, into: &buffer)
        }
    }

    func drawRuler(_ axis: TimeAxis, columns: Columns, y: Int, area: Rect, into buffer: inout Buffer) {
        let style = context.style(.axis)
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
        buffer.setString(" SERVICE  SPAN", x: area.x, y: y, style: style.adding(.bold), maxWidth: columns.left)
        buffer.setTruncated("DURATION", x: area.x + columns.left + 1, y: y, width: columns.duration, style: style.adding(.bold),
                            alignment: .right)
        var lastEnd = -1
        for tick in axis.ticks() {
            let x = columns.timelineX + tick.column
            guard tick.column > lastEnd else { continue }
            let label = context.glyphs.teeRight == "├" ? "╷" + tick.label : "|" + tick.label
            // A label cut at the edge would read as another value ("╷20" for 200ms): left out.
            guard DisplayWidth.of(label) <= area.right - x else { break }
            let written = buffer.setString(label, x: x, y: y, style: style, maxWidth: area.right - x)
            lastEnd = tick.column + written
        }
    }

    func drawRow(position: Int, y: Int, selected: Bool, columns: Columns, axis: TimeAxis, area: Rect,
                         into buffer: inout Buffer) {
        let tree = screen.rows.tree
        let row = Rect(x: area.x, y: y, width: area.width, height: 1)
        let text = context.style(.text)
        let base = selected ? context.selected(text) : text
        buffer.fill(row, style: base)
        func styled(_ style: Style) -> Style { selected ? context.selected(style) : style }

        // Tree guides and the expand marker.
        var x = area.x + 1
        let depth = Int(tree.depth[position])
        // Indentation stops where it would leave the service and name fewer than 18 columns.
        let guides = guideText(position: position, depth: depth, maxLevels: max(1, min(Self.maxIndent, (columns.left - 20) / 2)))
        x += buffer.setString(guides, x: x, y: y, style: styled(context.style(.border)), maxWidth: columns.left - 1)
        let marker = tree.hasChildren(position)
            ? (screen.rows.isCollapsed(position) ? context.glyphs.collapsed : context.glyphs.expanded) + " " : "  "
        x += buffer.setString(marker, x: x, y: y, style: styled(context.style(.dim)), maxWidth: max(0, area.x + columns.left - x))
        let room = max(0, area.x + columns.left - x)

        guard case .span(let local32) = tree.nodes[position] else {
            if case .missingParent(let id) = tree.nodes[position] {
                let hidden = screen.rows.isCollapsed(position) ? " (\(tree.subtreeSize[position] - 1) hidden)" : ""
                buffer.setTruncated("missing span \(id.hex)" + hidden, x: x, y: y, width: room,
                                    style: styled(context.style(.warning)))
            }
            return
        }
        let local = Int(local32)
        let span = screen.trace[local]
        let table = screen.trace.table
        let service = table.serviceName(of: span)
        let isMatch = screen.matches?.contains(local32) ?? false
        let dimmed = screen.matches != nil && !isMatch
        let diagnostics = screen.insights.diagnosticsBySpan[local] ?? []
        var pieces: [TerminalCore.Span] = []
        let unicode = context.glyphs.hasEighthBlocks
        if span.status == .error, screen.insights.report.rootCause.role(of: local) == .origin {
            // Where the error started: its own glyph and role, apart from errors that bubbled up.
            pieces.append(.init(unicode ? "✘" : "X", style: styled(context.style(.origin))))
            pieces.append(.init(" ", style: base))
        } else if span.status == .error {
            pieces.append(.init(unicode ? "✗ " : "x ", style: styled(context.style(.error))))
        } else if diagnostics.contains(where: { $0.severity == .warning }) {
            pieces.append(.init(context.glyphs.hasEighthBlocks ? "⚠ " : "! ", style: styled(context.style(.warning))))
        } else if !diagnostics.isEmpty {
            pieces.append(.init(context.glyphs.hasEighthBlocks ? "· " : ". ", style: styled(context.style(.dim))))
        }
        let serviceStyle = dimmed ? context.style(.dim) : context.service(service)
        pieces.append(.init(service + " ", style: styled(serviceStyle)))
        let nameStyle: Style = isMatch ? context.style(.match) : span.status == .error ? context.style(.error)
            : dimmed ? context.style(.dim) : text
        pieces.append(.init(table.strings[span.name], style: styled(nameStyle)))
        if screen.rows.isCollapsed(position) {
            pieces.append(.init(" +\(tree.subtreeSize[position] - 1)", style: styled(context.style(.dim))))
            // What the fold hides: errors and warnings below it (Jaeger's hollow marker).
            let errors = screen.hidden.errors[position], warnings = screen.hidden.warnings[position]
            if errors > 0 { pieces.append(.init(" \(unicode ? "✗" : "x")\(errors) hidden", style: styled(context.style(.error)))) }
            if warnings > 0 { pieces.append(.init(" \(unicode ? "⚠" : "!")\(warnings) hidden", style: styled(context.style(.warning)))) }
        }
        buffer.setSpans(pieces, x: x, y: y, width: room)

        // Duration (marked when the adjusted view shifted the span).
        let (start, end) = screen.times(local)
        var duration = DurationFormat.string(Nanoseconds(TimeMath.subtract(end, start)), ascii: !context.glyphs.hasEighthBlocks)
        if screen.adjusted, screen.insights.report.adjustment?.shifts[local] ?? 0 != 0 { duration = "~" + duration }
        buffer.setTruncated(duration, x: area.x + columns.left + 1, y: y, width: columns.duration,
                            style: styled(dimmed ? context.style(.dim) : text), alignment: .right)

        // The bar, then the critical sections over it.
        var barStyle = dimmed ? context.style(.dim) : context.service(service)
        if context.colorMode == .none { barStyle = .plain }
        barStyle.background = base.background
        drawBar(from: start, to: end, axis: axis, columns: columns, y: y, style: barStyle, into: &buffer)
        // In print the sections would only cut holes in the bar (no colour tells them apart).
        if screen.showCritical, !printing, let sections = screen.insights.sectionsBySpan[local] {
            var critical = context.style(.critical)
            if critical.foreground == barStyle.foreground {
                // No colour tells the path apart (NO_COLOR, the mono theme): a fill of its own.
                critical.background = base.background
                for section in sections {
                    drawShaded(from: section.start.unixNanos, to: section.end.unixNanos, axis: axis, columns: columns,
                               y: y, style: critical, into: &buffer)
                }
            } else {
                // Critical sections lie inside the bar: their partly covered cells show the bar's colour,
                // except past an end of the bar, where the row's background shows.
                critical.background = barStyle.foreground
                let bar = (axis.column(start), axis.column(end))
                for section in sections {
                    drawBar(from: section.start.unixNanos, to: section.end.unixNanos, axis: axis, columns: columns, y: y,
                            style: critical, mark: context.glyphs.hasEighthBlocks, into: &buffer)
                    let cells = Self.barEdgeCells(section: (axis.column(section.start.unixNanos), axis.column(section.end.unixNanos)),
                                                  bar: bar, width: columns.timelineWidth)
                    for cell in cells {
                        buffer.updateStyle(in: Rect(x: columns.timelineX + cell, y: y, width: 1, height: 1)) {
                            $0.background = base.background
                        }
                    }
                }
            }
        }
        drawEvents(of: local, axis: axis, columns: columns, y: y, barStyle: barStyle, selected: selected, into: &buffer)
    }

    /// The span's events as marks on its bar, at their times: `*`, and `!` in the error role for
    /// exceptions (`exception` events, as OpenTelemetry records them). Drawn over the bar and
    /// the critical sections; the detail pane lists them with their offsets.
    private func drawEvents(of local: Int, axis: TimeAxis, columns: Columns, y: Int, barStyle: Style, selected: Bool,
                            into buffer: inout Buffer) {
        let table = screen.trace.table
        let span = screen.trace[local]
        guard span.events.count > 0 else { return }
        let shift = screen.insights.report.adjustment?.shifts[local] ?? 0
        for event in table.events(of: span) {
            // Checked as a Double first: an event at an extreme time lies far off the axis.
            let position = axis.column(TimeMath.add(event.time.unixNanos, shift))
            guard position.isFinite, position >= 0, position < Double(columns.timelineWidth) else { continue }
            let column = Int(position)
            let isException = table.strings[event.name] == "exception"
            var style = isException ? context.style(.error) : context.style(.title)
            if !selected { style.background = context.colorMode == .none ? style.background : barStyle.foreground }
            buffer.setString(isException ? "!" : "*", x: columns.timelineX + column, y: y, style: style, maxWidth: 1)
        }
    }

    /// A critical section as whole cells of a shade of its own (`▓`, ASCII `=`): the cells it
    /// covers at least half of, at least one.
    private func drawShaded(from start: Int64, to end: Int64, axis: TimeAxis, columns: Columns, y: Int, style: Style,
                            into buffer: inout Buffer) {
        let width = Double(columns.timelineWidth)
        let from = min(max(0, axis.column(start)), width), to = min(max(0, axis.column(end)), width)
        guard to > 0, from < width else { return }
        var first = Int(from.rounded()), last = Int(to.rounded()) - 1
        if last < first { first = min(Int(from), columns.timelineWidth - 1); last = first }
        let shade = context.glyphs.hasEighthBlocks ? "▓" : "="
        for column in first...last where column < columns.timelineWidth {
            buffer.setString(shade, x: columns.timelineX + column, y: y, style: style, maxWidth: 1)
        }
    }

    /// The cells (timeline columns) where a section drawn over a bar reaches an end of the bar
    /// that lies inside the cell: the rest of such a cell is outside the span. Positions in
    /// columns, fractions allowed, as `SubcellBar` draws them (in eighths).
    static func barEdgeCells(section: (Double, Double), bar: (Double, Double), width: Int) -> [Int] {
        guard section.0.isFinite, section.1.isFinite, bar.0.isFinite, bar.1.isFinite else { return [] }
        func eighth(_ x: Double, _ rule: FloatingPointRoundingRule) -> Int {
            Int((min(max(0, x), Double(width)) * 8).rounded(rule))
        }
        let (barFrom, barTo) = (eighth(bar.0, .down), eighth(bar.1, .up))
        let (from, to) = (eighth(section.0, .down), eighth(section.1, .up))
        guard to > from else { return [] }
        var cells: [Int] = []
        if barFrom % 8 != 0, from <= barFrom { cells.append(barFrom / 8) }
        if barTo % 8 != 0, to >= barTo, !cells.contains((barTo - 1) / 8) { cells.append((barTo - 1) / 8) }
        return cells.filter { $0 >= from / 8 && $0 <= (to - 1) / 8 && $0 < width }
    }

    /// `mark`: whether a bar too short for a drawn part still gets one mark (a span's bar does,
    /// a critical section over it does not).
    private func drawBar(from start: Int64, to end: Int64, axis: TimeAxis, columns: Columns, y: Int, style: Style,
                         mark: Bool = true, into buffer: inout Buffer) {
        let from = axis.column(start)
        let to = axis.column(end)
        if to < 0 {
            buffer.setString(context.glyphs.hasEighthBlocks ? "◂" : "<", x: columns.timelineX, y: y, style: style)
            return
        }
        if from >= Double(columns.timelineWidth) {
            buffer.setString(context.glyphs.hasEighthBlocks ? "▸" : ">", x: columns.timelineX + columns.timelineWidth - 1,
                             y: y, style: style)
            return
        }
        BarPainter.paint(from: max(0, from), to: min(Double(columns.timelineWidth), max(to, from)), x: columns.timelineX,
                         y: y, width: columns.timelineWidth, style: style, glyphs: context.glyphs, printable: printing,
                         mark: mark, into: &buffer)
    }

    /// Tree guides for a row: "│ " for ancestors with siblings below, "├─"/"└─" for the row.
    /// O(min(depth, maxIndent)).
    private func guideText(position: Int, depth: Int, maxLevels: Int) -> String {
        guard depth > 0 else { return "" }
        let tree = screen.rows.tree
        let shown = min(depth, maxLevels)
        var levels: [String] = []
        var node = position
        var level = depth
        while level > 0, levels.count < shown {
            let parent = Int(tree.parentPosition[node])
            let isLast = parent < 0 || node + Int(tree.subtreeSize[node]) >= parent + Int(tree.subtreeSize[parent])
            if node == position {
                levels.append((isLast ? context.glyphs.treeLast : context.glyphs.treeBranch) + context.glyphs.treeHorizontal)
            } else {
                levels.append(isLast ? "  " : context.glyphs.treeVertical + " ")
            }
            node = parent
            level -= 1
            if parent < 0 { break }
        }
        let prefix = depth > shown ? "\(depth)" + (context.glyphs.hasEighthBlocks ? "…" : "~") : ""
        return prefix + levels.reversed().joined()
    }
}
