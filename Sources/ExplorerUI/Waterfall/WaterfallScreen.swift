import TerminalCore
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// One trace's waterfall: the collapsible span tree on a time axis, with the critical path,
/// diagnostics, an in-trace filter and the span detail pane.
struct WaterfallScreen {
    /// The trace with the neighbours its cross-trace findings refer to.
    let subject: AnalysisSubject
    let trace: Trace
    /// The trace's table with its neighbours, and the trace's index there.
    var catalog: TraceCatalog { subject.catalog }
    var traceIndex: Int { subject.traceIndex }
    let tree: TraceTree
    var rows: WaterfallRows
    var cursor = ListCursor()
    /// Analysis in the raw timings, and (computed on first use) the clock-skew adjusted ones.
    let rawInsights: TraceInsights
    var adjustedInsights: TraceInsights?
    var adjusted = false
    var showCritical = true
    /// The zoomed window (Unix ns), nil for the whole trace.
    var zoom: ClosedRange<Int64>?
    /// Spans matching the in-trace filter (local indices), nil without a filter.
    var matches: Set<Int32>?
    var filterText = ""
    var detail: SpanDetailState?
    /// The critical section the `]`/`[` keys last went to.
    var criticalStep: Int?
    /// What each row hides when collapsed (errors, warnings below it), in raw timings.
    let hidden: HiddenProblems
    /// The open panel (findings, critical time, breakdown), nil when none.
    var panel: WaterfallPanel?
    /// What loading the inputs said (skipped lines, notes), for the findings panel.
    var loadMessages: [String] = []
    /// The raw OTLP JSON view, nil when closed.
    var raw: RawJSON?
    /// Rows of the span list on screen (set by the app from the terminal size).
    var page = 20 { didSet { cursor.page = page } }
    /// The detail pane's width in columns (set by the app from the terminal size), so the
    /// cursor moves over the same wrapped rows the pane shows.
    var detailWidth = 60

    init(subject: AnalysisSubject, filter: String?) {
        self.subject = subject
        trace = subject.trace
        tree = TraceTree(trace)
        rows = WaterfallRows(tree: WaterfallTree(trace, tree: tree))
        rawInsights = TraceInsights(subject, tree: tree, adjusted: false)
        hidden = HiddenProblems(rows.tree, trace: trace, diagnosticsBySpan: rawInsights.diagnosticsBySpan)
        cursor = ListCursor(count: rows.count, page: page)
        if let filter { _ = applyFilter(filter) }
    }

    var keymap: Keymap { detail?.focused == true ? Keymaps.detail : Keymaps.waterfall }
    var insights: TraceInsights { adjusted ? (adjustedInsights ?? rawInsights) : rawInsights }

    /// The display position under the cursor.
    var selectedPosition: Int? { rows.visible.indices.contains(cursor.selected) ? Int(rows.visible[cursor.selected]) : nil }

    /// The span under the cursor (nil on a "missing span" row).
    var selectedSpan: Int? {
        guard let position = selectedPosition, case .span(let local) = rows.tree.nodes[position] else { return nil }
        return Int(local)
    }

    enum Effect: Equatable {
        case none
        case redraw
        case openFilter
        case flash(String)
        /// Open another trace at a span (following a link).
        case openTrace(TraceID, SpanID)
        /// Put text on the clipboard.
        case copy(String)
        /// Open the bar that searches the raw JSON, with the last search.
        case openRawSearch(String)
    }

    // MARK: - Commands

    mutating func perform(_ command: Command) -> Effect {
        if raw != nil, let effect = performInRaw(command) { return effect }
        if panel != nil, let effect = performInPanel(command) { return effect }
        if detail?.focused == true, let effect = performInDetail(command) { return effect }
        switch command {
        case .moveDown: cursor.move(by: 1)
        case .moveUp: cursor.move(by: -1)
        case .pageDown: cursor.pageDown()
        case .pageUp: cursor.pageUp()
        case .halfPageDown: cursor.halfPageDown()
        case .halfPageUp: cursor.halfPageUp()
        case .first: cursor.home()
        case .last: cursor.end()
        case .toggleCollapse:
            if let p = selectedPosition { rows.toggle(p); keepSelection(p) }
        case .expand:
            guard let p = selectedPosition else { break }
            if rows.isCollapsed(p) { rows.setCollapsed(p, false); keepSelection(p) }
            else if rows.tree.hasChildren(p) { cursor.move(by: 1) }
        case .collapse:
            guard let p = selectedPosition else { break }
            if rows.tree.hasChildren(p), !rows.isCollapsed(p) { rows.setCollapsed(p, true); keepSelection(p) }
            else { return perform(.goToParent) }
        case .expandAll: changeAll { $0.expandAll() }
        case .collapseAll: changeAll { $0.collapseAll() }
        case .collapseToDepth(let n): changeAll { $0.collapse(belowDepth: n) }
        case .goToParent:
            guard let p = selectedPosition else { break }
            let parent = Int(rows.tree.parentPosition[p])
            guard parent >= 0 else { return .flash("This span has no parent in the trace.") }
            select(position: parent)
        case .nextError, .previousError:
            let trace = self.trace
            return jump(forward: command == .nextError, what: "error span") { trace[$0].status == .error }
        case .nextOrigin, .previousOrigin:
            let causes = insights.report.rootCause
            return jump(forward: command == .nextOrigin, what: "error that started here (every error span bubbled one up)") {
                causes.role(of: $0) == .origin
            }
        case .nextMatch, .previousMatch:
            guard let matches else { return .flash("No filter: press / to find spans.") }
            return jump(forward: command == .nextMatch, what: "matching span") { matches.contains(Int32($0)) }
        case .toggleCriticalPath:
            showCritical.toggle()
            return .flash(showCritical ? "Critical path highlighted." : "Critical path hidden.")
        case .nextCritical, .previousCritical:
            return stepCritical(forward: command == .nextCritical)
        case .goToBottleneck:
            return goToBottleneck()
        case .copyValue:
            // In the waterfall: the selected span's traceparent (in the raw view: the JSON).
            guard let span = selectedSpan else { return .flash("Nothing to copy on a missing span.") }
            let sampled = (trace[span].sampled ?? true) ? "01" : "00"
            return .copy("00-\(trace.id.hex)-\(trace[span].spanID.hex)-\(sampled)")
        case .showRawJSON:
            guard let span = selectedSpan else { return .flash("A missing span has no JSON: it is not in the file.") }
            raw = RawJSON(.span, span: span, of: trace)
        case .showFindings:
            panel = .findings(insights.report, loadMessages: loadMessages)
        case .showCriticalTime:
            panel = .criticalTime(insights.report)
        case .showBreakdown:
            panel = .breakdown(insights.report)
        case .zoomToSpan:
            guard let span = selectedSpan else { break }
            let (s, e) = times(span)
            guard e > s else { return .flash("This span has no duration to zoom into.") }
            zoom = s...e
        case .resetZoom:
            zoom = nil
        case .toggleSkewAdjustment:
            if adjustedInsights == nil { adjustedInsights = TraceInsights(subject, tree: tree, adjusted: true) }
            adjusted.toggle()
            criticalStep = nil
            let shifted = insights.report.adjustment?.adjustedSpans.count ?? 0
            return .flash(adjusted ? "Clock-skew adjusted timings: \(NumberFormat.count(shifted, "span")) shifted."
                : "Raw timings, as recorded.")
        case .toggleDetail:
            if detail == nil { detail = SpanDetailState() } else { detail = nil }
        case .focusDetail:
            if detail == nil { detail = SpanDetailState() }
            detail?.focused.toggle()
        case .openFilter:
            return .openFilter
        case .clearFilter:
            matches = nil
            filterText = ""
        default:
            return .none
        }
        return .redraw
    }

    /// Esc first closes what is open inside the screen; true when it did.
    mutating func closeInnerState() -> Bool {
        if raw != nil { raw = nil; return true }
        if panel != nil { panel = nil; return true }
        if detail != nil { detail = nil; return true }
        if zoom != nil { zoom = nil; return true }
        return false
    }

    /// Applies the in-trace filter; returns the status message.
    mutating func applyFilter(_ text: String) -> String {
        filterText = text
        guard !text.isEmpty else { matches = nil; return "Filter cleared." }
        guard case .success(let query) = Query.result(text) else { return "" }
        let found = CompiledQuery(query, table: trace.table).matches(trace: trace)
        matches = Set(found)
        guard let first = found.first else {
            let hints = QueryHints.check(query, table: trace.table)
            return "No span in this trace matches." + (hints.first.map { " " + $0 } ?? "")
        }
        if selectedSpan.map({ !matches!.contains(Int32($0)) }) ?? true { select(span: Int(first)) }
        return found.count == 1 ? "1 span matches; n goes to it." : "\(NumberFormat.count(found.count, "span")) match; n/N to step through them."
    }

    // MARK: - Times

    /// A span's start and end in the current timing mode.
    func times(_ span: Int) -> (Int64, Int64) { (insights.times.starts[span], insights.times.ends[span]) }

    /// The trace window in the current timing mode.
    var traceWindow: (Int64, Int64) { insights.window }

    // MARK: - Moving the selection

    mutating func select(position: Int) {
        rows.reveal(position)
        cursor.count = rows.count
        if let index = rows.visibleIndex(of: position) { cursor.select(index) }
    }

    mutating func select(span local: Int) {
        select(position: Int(rows.tree.positionOfSpan[local]))
    }

    private mutating func keepSelection(_ position: Int) {
        cursor.count = rows.count
        if let index = rows.visibleIndex(of: position) { cursor.select(index) }
    }

    private mutating func changeAll(_ change: (inout WaterfallRows) -> Void) {
        let keep = selectedPosition
        change(&rows)
        cursor.count = rows.count
        // Keep the selected row if still visible, else its nearest visible ancestor.
        var position = keep ?? 0
        while rows.visibleIndex(of: position) == nil, rows.tree.parentPosition[position] >= 0 {
            position = Int(rows.tree.parentPosition[position])
        }
        cursor.select(rows.visibleIndex(of: position) ?? 0)
    }

    /// Moves to the next/previous span (in tree order, wrapping) that satisfies `test`.
    private mutating func jump(forward: Bool, what: String, _ test: (Int) -> Bool) -> Effect {
        let nodes = rows.tree.nodes
        guard !nodes.isEmpty else { return .none }
        let start = selectedPosition ?? 0
        for step in 1...nodes.count {
            let position = ((forward ? start + step : start - step) % nodes.count + nodes.count) % nodes.count
            if case .span(let local) = nodes[position], test(Int(local)) {
                select(position: position)
                return .redraw
            }
        }
        return .flash("No \(what) in this trace.")
    }

    /// `]`/`[`: the next/previous span along the critical path, in the order the path first
    /// reaches each span; a parent the path comes back to between its children is not visited
    /// again.
    private mutating func stepCritical(forward: Bool) -> Effect {
        let spans = criticalSpansInOrder
        guard !spans.isEmpty else { return .flash("This trace has no critical path.") }
        var step: Int
        if let current = criticalStep, current < spans.count, spans[current] == selectedSpan {
            step = forward ? current + 1 : current - 1
        } else if let span = selectedSpan, let index = spans.firstIndex(of: span) {
            step = forward ? index + 1 : index - 1
        } else {
            step = forward ? 0 : spans.count - 1
        }
        step = min(max(step, 0), spans.count - 1)
        criticalStep = step
        select(span: spans[step])
        showCritical = true
        return .redraw
    }

    /// The critical path's spans, each once, in the order the path first reaches them.
    var criticalSpansInOrder: [Int] {
        var seen = Set<Int>()
        return insights.report.criticalPath.sections.map(\.span).filter { seen.insert($0).inserted }
    }

    /// `b`: the span with the most critical time, the bottleneck.
    private mutating func goToBottleneck() -> Effect {
        guard let top = insights.report.criticalShares.first else { return .flash("This trace has no critical path.") }
        select(span: top.span)
        criticalStep = criticalSpansInOrder.firstIndex(of: top.span)
        showCritical = true
        return .redraw
    }

    // MARK: - Detail pane

    // MARK: - The raw JSON view

    /// Keys while the raw JSON is shown; nil for those it leaves to the screen (Esc, q, help).
    private mutating func performInRaw(_ command: Command) -> Effect? {
        guard var open = raw else { return nil }
        let page = max(1, self.page)
        switch command {
        case .moveDown: open.scroll(by: 1, page: page)
        case .moveUp: open.scroll(by: -1, page: page)
        case .pageDown, .halfPageDown: open.scroll(by: page, page: page)
        case .pageUp, .halfPageUp: open.scroll(by: -page, page: page)
        case .first: open.scroll(by: -open.lines.count, page: page)
        case .last: open.scroll(by: open.lines.count, page: page)
        case .toggleDetail:
            guard let span = selectedSpan else { return .redraw }
            open = RawJSON(open.scope == .span ? .trace : .span, span: span, of: trace)
        case .copyValue:
            return .copy(open.text)
        case .openFilter:
            return .openRawSearch(open.search)
        case .nextMatch:
            if !open.findNext(page: page) { return .flash(open.search.isEmpty ? "Press / to search." : "\"\(open.search)\" is not there.") }
        default:
            return nil
        }
        raw = open
        return .redraw
    }

    /// Searches the raw JSON for `text` from the top of what is shown; returns the status message.
    mutating func searchRaw(_ text: String) -> String {
        guard var open = raw else { return "" }
        open.search = text
        open.match = nil
        let found = open.findNext(page: max(1, page))
        raw = open
        return found ? "n: the next \"\(text)\"" : "\"\(text)\" is not there."
    }

    // MARK: - Panels

    /// Keys while a panel is open: moving in it, Enter to its entry's span; nil for the keys
    /// it leaves to the screen (Esc, q, help).
    private mutating func performInPanel(_ command: Command) -> Effect? {
        guard var open = panel else { return nil }
        switch command {
        case .moveDown: open.cursor.move(by: 1)
        case .moveUp: open.cursor.move(by: -1)
        case .pageDown, .halfPageDown: open.cursor.pageDown()
        case .pageUp, .halfPageUp: open.cursor.pageUp()
        case .first: open.cursor.home()
        case .last: open.cursor.end()
        case .toggleCollapse, .expand:
            guard let span = open.selected?.span else { return .flash("This entry has no span to go to.") }
            panel = nil
            select(span: span)
            return .redraw
        case .showFindings, .showCriticalTime, .showBreakdown:
            panel = nil
            return perform(command)
        case .toggleDetail where open.kind == .breakdown:
            panel = open.nextBreakdown(insights.report)
            return .redraw
        default:
            return nil
        }
        panel = open
        return .redraw
    }

    /// The detail pane's content for the selected row: a span's, or a missing span's.
    var selectedDetail: SpanDetail? {
        if let span = selectedSpan { return SpanDetail(screen: self, span: span) }
        if let p = selectedPosition, case .missingParent(let id) = rows.tree.nodes[p] {
            return SpanDetail(screen: self, missing: id, position: p)
        }
        return nil
    }

    private mutating func performInDetail(_ command: Command) -> Effect? {
        guard var state = detail, let content = selectedDetail else { return nil }
        let lines = content.lines
        let rows = SpanDetailRows(content, valueWidth: SpanDetailRows.valueWidth(paneWidth: detailWidth,
                                                                              longestLabel: content.longestLabel),
                                  labelWidth: SpanDetailRows.labelWidth(innerWidth: detailWidth - 2,
                                                                        longestLabel: content.longestLabel),
                                  innerWidth: detailWidth - 2)
        switch command {
        case .moveDown: state.move(1, over: rows)
        case .moveUp: state.move(-1, over: rows)
        case .pageDown, .halfPageDown: state.move(10, over: rows)
        case .pageUp, .halfPageUp: state.move(-10, over: rows)
        case .first: state.select(0, count: lines.count)
        case .last: state.move(rows.rows.count, over: rows)
        case .copyValue:
            guard lines.indices.contains(state.selected), let value = lines[state.selected].copyValue else {
                return .flash("Nothing to copy on this line.")
            }
            return .copy(value)
        case .followLink:
            guard lines.indices.contains(state.selected), let link = lines[state.selected].link else {
                return .flash("Not a link: move to a line under Links and press Enter.")
            }
            return follow(link)
        default:
            return nil
        }
        detail = state
        return .redraw
    }

    private mutating func follow(_ link: SpanLink) -> Effect {
        if link.traceID == trace.id, let local = tree.localIndex(of: link.spanID, in: trace) {
            // The linked span's detail from its top: its heading, what is wrong with it.
            detail = SpanDetailState()
            select(span: local)
            return .flash("Followed the link to span \(link.spanID.hex).")
        }
        return .openTrace(link.traceID, link.spanID)
    }

    // MARK: - Status line

    var statusText: String {
        guard let span = selectedSpan else {
            if let p = selectedPosition, case .missingParent(let id) = rows.tree.nodes[p] {
                return "Span \(id.hex) is referenced as a parent but is not in the trace."
            }
            return ""
        }
        let s = trace[span]
        let table = trace.table
        let (start, end) = times(span)
        var text = "\(table.serviceName(of: s)) \(table.strings[s.name]): \(DurationFormat.string(Nanoseconds(TimeMath.subtract(end, start))))"
        let critical = insights.report.criticalPath.criticalTime[span]
        if critical > .zero {
            let share = AnalysisReport.percent(insights.report.criticalShare(of: span))
            text += ", \(share)% of the response, on the critical path"
            if critical < Nanoseconds(TimeMath.subtract(end, start)) { text += " (\(DurationFormat.string(critical)))" }
        } else {
            text += ", not on the critical path"
        }
        if s.status == .error { text += " · ERROR" + errorRole(span) }
        return text
    }

    /// " (origin of 3 errors above)" or " (bubbled up from auth-service connect)".
    private func errorRole(_ span: Int) -> String {
        let causes = insights.report.rootCause
        let table = trace.table
        switch causes.role(of: span) {
        case .origin:
            let above = causes.chain(to: span).dropLast().filter { trace[$0].status == .error }.count
            return above == 0 ? " (where it started)" : " (origin of \(NumberFormat.count(above, "error")) above; r: next origin)"
        case .propagated:
            // The nearest origin below it, in pre-order: the first origin whose chain holds it.
            guard let origin = causes.origins.first(where: { causes.chain(to: $0).contains(span) }) else { return "" }
            return " (bubbled up from \(table.serviceName(of: trace[origin])) \(table.strings[trace[origin].name]); r: go there)"
        case nil:
            return ""
        }
    }

    var statusRight: String {
        "\(cursor.selected + 1)/\(NumberFormat.grouped(rows.count))" + (adjusted ? " · adjusted" : "")
    }
}

extension TraceTree {
    /// The local index of the first span with an id. O(n).
    func localIndex(of id: SpanID, in trace: Trace) -> Int? { trace.localIndex(of: id) }
}
