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
    var cursor = ListCursor() {
        // Another span's detail starts at its top (its heading), not where the last one was.
        didSet { if cursor.selected != oldValue.selected { detail?.toTop() } }
    }
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
        if cursor.perform(command) { return .redraw }
        switch command {
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
            return .copy(trace.traceparent(of: span))
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
        let problems = insights.report.problems
        let found = CompiledQuery(query, table: trace.table, problems: { _ in problems }).matches(trace: trace)
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
}
