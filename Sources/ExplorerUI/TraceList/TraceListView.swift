import TerminalCore
import TraceModel
import TraceStore

/// Draws the trace list: a header with the sort marker, one row per trace, the selection.
///
/// Pure: reads the state and draws only the visible rows, so a keypress on a list of 100,000
/// traces costs a screenful of rows.
struct TraceListView {
    let listing: TraceListing
    let state: TraceListState
    let context: RenderContext
    /// The longest duration in the list, for the proportional bars.
    let maxDuration: Nanoseconds
    /// The set at a glance (first line) and the widest counts.
    let overview: TraceSetOverview
    /// A trace's problems by trace index, nil while they are still being found.
    let problems: (Int) -> TraceProblems?
    /// The p95 line under the overview, nil when the terminal is too short for it.
    var sparkline: P95Sparkline? = nil
    /// The trace marked as A for comparing (`x`), drawn with an `A` in the left margin.
    var marked: TraceID? = nil

    struct Layout {
        var start = 18, service = 16, name = 30, duration = 9, bar = 12, spans = 5, errors = 3, matches = 5
        var problems = ProblemMarks.width
        var services = 0
        var showBar = true
        var showServices = true

        /// `spans`, `errors` and `matches` are the widest counts, `longestDuration` the widest
        /// duration: those columns never cut one. The sorted column has room for its marker.
        init(width: Int, filtered: Bool, spans maxSpans: Int = 0, errors maxErrors: Int = 0, matches maxMatches: Int = 0,
             withYear: Bool = false, longestDuration: Int = 0, sortedBy: TraceListSort.Column? = nil) {
            if withYear { start = 19 }
            func marked(_ header: String, _ column: TraceListSort.Column) -> String { sortedBy == column ? header + "▼" : header }
            spans = TraceSetOverview.width(maxSpans, header: marked("SPANS", .spans))
            errors = TraceSetOverview.width(maxErrors, header: marked("ERR", .errors))
            matches = TraceSetOverview.width(maxMatches, header: marked("MATCH", .matches))
            duration = max(duration, longestDuration, sortedBy == .duration ? "DURATION▼".count : 0)
            let fixed = start + duration + spans + errors + problems + 1 + (filtered ? matches + 1 : 0) + 6
            var rest = width - fixed - service - 1
            if rest < 30 { service = max(8, service - (30 - rest)); rest = width - fixed - service - 1 }
            showBar = rest >= 48
            if showBar { rest -= bar + 1 }
            name = max(10, min(48, rest * 2 / 3))
            services = rest - name - 1
            showServices = services >= 8
            if !showServices { name = max(10, rest) }
        }
    }

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.height >= 3 else { return }
        let layout = Layout(width: area.width, filtered: state.isFiltered, spans: overview.maxSpans,
                            errors: overview.maxErrors, matches: state.maxMatchCount, withYear: overview.spansYears,
                            longestDuration: DurationFormat.string(maxDuration).count, sortedBy: state.sort.column)
        buffer.setTruncated(" " + overview.text(ascii: !context.glyphs.hasEighthBlocks), x: area.x, y: area.y,
                            width: area.width, style: context.style(.dim))
        let titles = sparkline == nil ? 1 : 2
        sparkline?.render(in: area.row(1), into: &buffer, context: context)
        drawHeader(layout, at: area.row(titles), into: &buffer)
        let body = area.splitTop(titles + 1).rest
        let strings = listing.strings
        for line in 0..<body.height {
            let index = state.cursor.offset + line
            guard index < state.rows.count else { break }
            let trace = state.rows[index]
            let rowRect = body.row(line)
            let selected = index == state.cursor.selected
            drawRow(trace, summary: listing.summaries[trace], strings: strings, layout: layout, in: rowRect,
                    selected: selected, into: &buffer)
        }
        if state.rows.isEmpty {
            let message = state.selection != nil ? "No trace in the latency selection. Press \\ to clear it."
                : state.isFiltered ? "No trace matches the filter. Press \\ to clear it." : "No traces loaded."
            buffer.setTruncated(message, x: body.x + 2, y: body.y + 1, width: body.width - 4, style: context.style(.dim))
        }
    }

    private func drawHeader(_ layout: Layout, at row: Rect, into buffer: inout Buffer) {
        let style = context.style(.title)
        buffer.fill(row, style: style)
        var x = row.x + 1
        func column(_ column: TraceListSort.Column, _ width: Int, right: Bool = false) {
            var title = column.title
            if state.sort.column == column {
                title += state.sort.descending ? context.glyphs.sortDescending : context.glyphs.sortAscending
            }
            buffer.setTruncated(title, x: x, y: row.y, width: width, style: style, alignment: right ? .right : .left)
            x += width + 1
        }
        column(.start, layout.start)
        column(.service, layout.service)
        column(.name, layout.name)
        column(.duration, layout.duration, right: true)
        if layout.showBar { x += layout.bar + 1 }
        column(.spans, layout.spans, right: true)
        column(.errors, layout.errors, right: true)
        column(.problems, layout.problems)
        if state.isFiltered { column(.matches, layout.matches, right: true) }
        if layout.showServices { column(.services, layout.services) }
    }

    private func drawRow(_ trace: Int, summary s: TraceSummary, strings: StringTable, layout: Layout, in row: Rect,
                         selected: Bool, into buffer: inout Buffer) {
        let base = selected ? context.selected(context.style(.text)) : context.style(.text)
        buffer.fill(row, style: base)
        func styled(_ role: ThemeRole) -> Style { selected ? context.selected(context.style(role)) : context.style(role) }
        var x = row.x + 1
        func cell(_ text: String, _ width: Int, _ style: Style, right: Bool = false) {
            buffer.setTruncated(text, x: x, y: row.y, width: width, style: style, alignment: right ? .right : .left)
            x += width + 1
        }
        if let marked, s.traceID == marked {
            buffer.setString("A", x: row.x, y: row.y, style: styled(.critical).adding(.bold), maxWidth: 1)
        }
        cell(Self.startText(s.start, withYear: overview.spansYears), layout.start, styled(.dim))
        let service = strings[s.rootService]
        let serviceStyle = selected ? context.selected(context.service(service)) : context.service(service)
        cell(service.isEmpty ? "?" : service, layout.service, serviceStyle)
        let name = strings[s.rootName]
        cell(name.isEmpty ? "?" : name, layout.name, base)
        cell(DurationFormat.string(s.duration, ascii: !context.glyphs.hasEighthBlocks), layout.duration, base, right: true)
        if layout.showBar {
            let fraction = min(1, max(0, s.duration.ratio(to: maxDuration)))
            var barStyle = context.style(.bar)
            barStyle.background = base.background
            BarPainter.paint(from: 0, to: fraction * Double(layout.bar), x: x, y: row.y, width: layout.bar,
                             style: barStyle, glyphs: context.glyphs, into: &buffer)
            x += layout.bar + 1
        }
        cell(NumberFormat.grouped(s.spanCount), layout.spans, base, right: true)
        cell(s.errorCount > 0 ? NumberFormat.grouped(s.errorCount) : "-", layout.errors,
             s.errorCount > 0 ? styled(.error) : styled(.dim), right: true)
        ProblemMarks.draw(problems(trace), x: x, y: row.y, context: context, selected: selected, into: &buffer)
        x += layout.problems + 1
        if let counts = state.matchCounts {
            cell(NumberFormat.grouped(counts[trace] ?? 0), layout.matches, styled(.match), right: true)
        }
        if layout.showServices {
            let text = s.services.count > 1 ? "\(s.services.count): " + s.services.map { strings[$0] }.joined(separator: ",")
                : s.services.first.map { strings[$0] } ?? ""
            cell(text, layout.services, styled(.dim))
        }
    }

    /// `11-14 22:13:20.123`: month, day and time (UTC) in 18 columns; `2016-11-14 22:13:20`
    /// (19 columns, seconds) when the list spans several years, so the order reads right.
    static func startText(_ t: Timestamp, withYear: Bool = false) -> String {
        withYear ? TimestampFormat.utc(t, milliseconds: false) : String(TimestampFormat.utc(t).dropFirst(5))
    }
}
