import TerminalCore
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// The trace list screen: the state plus what its commands do.
///
/// Reads summaries alone (`TraceListing`), so a store of any size opens without loading a
/// span; a trace's spans are loaded from the workspace when it is opened, and a filter runs
/// through the workspace's query (the store's pushdown).
struct TraceListScreen {
    let workspace: Workspace
    let listing: TraceListing
    var state: TraceListState
    let maxDuration: Nanoseconds
    /// Spans over all listed traces.
    let spanCount: Int
    /// The loaded set at a glance (the list's first line) and its widest numbers.
    let overview: TraceSetOverview
    /// Trace id -> index into `listing.summaries`, for the filter's matches.
    let indexByID: [TraceID: Int]
    /// The series of the filter when it is a metrics query (`{ } | rate() by (service)`),
    /// drawn as a chart above the traces it counts.
    private(set) var metrics: MetricsResult?
    /// The backend that computed `metrics` (Tempo), nil when trex counted them.
    private(set) var metricsSource: String?

    /// The p95 line above the column titles as last computed, and the shown traces it is of
    /// (`TraceListState.shownVersion`).
    private var cachedSparkline: (version: Int, line: P95Sparkline)?

    /// Rows of `area` (the screen above the status line) the p95 line takes: one, unless the
    /// terminal is short.
    func sparklineRows(in area: Rect) -> Int { area.height >= 12 ? 1 : 0 }

    /// The p95 line for a list `width` wide: the one computed last when it is still of the
    /// traces shown and of this width, else computed now (O(traces log traces)).
    func sparkline(width: Int) -> P95Sparkline {
        if let cachedSparkline, cachedSparkline.version == state.shownVersion, cachedSparkline.line.width == width {
            return cachedSparkline.line
        }
        return P95Sparkline(summaries: listing.summaries, rows: state.rows, width: width)
    }

    /// Computes the p95 line ahead of drawing (on a resize, after a filter), so that a keypress
    /// redraws it for free.
    mutating func refreshSparkline(width: Int) {
        cachedSparkline = (state.shownVersion, sparkline(width: width))
    }

    /// Rows of `area` the metrics chart takes (none without one): up to half of it.
    func chartRows(in area: Rect) -> Int {
        guard let metrics, area.height >= 12 else { return 0 }
        return MetricsChart.preferredHeight(for: metrics, width: area.width, maxHeight: area.height / 2)
    }

    init(workspace: Workspace, listing: TraceListing) {
        self.workspace = workspace
        self.listing = listing
        var state = TraceListState(traceCount: listing.count)
        state.setSort(TraceListSort(column: .start, descending: false), summaries: listing.summaries,
                      strings: listing.strings)
        state.cursor.home()
        self.state = state
        maxDuration = listing.summaries.map(\.duration).max() ?? .zero
        spanCount = listing.summaries.reduce(0) { $0 + $1.spanCount }
        overview = TraceSetOverview(listing.summaries)
        var indexByID: [TraceID: Int] = [:]
        indexByID.reserveCapacity(listing.count)
        for (index, summary) in listing.summaries.enumerated() { indexByID[summary.traceID] = index }
        self.indexByID = indexByID
    }

    /// The trace id of a row's trace.
    func traceID(at index: Int) -> TraceID { listing.summaries[index].traceID }

    /// A trace's problems by its index, nil while they are still being found (never computes).
    var problemLookup: (Int) -> TraceProblems? {
        let workspace = workspace
        let summaries = listing.summaries
        return { workspace.knownProblems(of: summaries[$0].traceID) }
    }

    /// The ids of the traces on screen (what the problem scan does first).
    var visibleTraceIDs: [TraceID] {
        let end = min(state.rows.count, state.cursor.offset + state.cursor.page)
        guard state.cursor.offset < end else { return [] }
        return state.rows[state.cursor.offset..<end].map { listing.summaries[$0].traceID }
    }

    /// Sorts again once the problems are all known, when sorting by them.
    mutating func problemsChanged() {
        guard state.sort.column == .problems else { return }
        let lookup = problemLookup
        state.resort(summaries: listing.summaries, strings: listing.strings, problems: lookup)
    }

    /// What a command asks of the app beyond this screen.
    enum Effect: Equatable {
        case none
        case redraw
        case open(traceIndex: Int)
        case openFilter
        case openTraceIDPrompt
        case unhandled
    }

    mutating func perform(_ command: Command) -> Effect {
        let problemLookup = problemLookup
        let summaries = listing.summaries
        let strings = listing.strings
        if state.cursor.perform(command) { return .redraw }
        switch command {
        case .cycleSort:
            state.setSort(state.sort.next(filterActive: state.isFiltered), summaries: summaries, strings: strings,
                          problems: problemLookup)
            state.cursor.home()   // the first row of the new order
        case .reverseSort:
            state.setSort(state.sort.reversed, summaries: summaries, strings: strings, problems: problemLookup)
            state.cursor.home()
        case .goToTrace:
            return .openTraceIDPrompt
        case .openTrace:
            guard let trace = state.selectedTrace else { return .none }
            return .open(traceIndex: trace)
        case .openFilter:
            return .openFilter
        case .clearSelectionOrFilter:
            // The latency selection first (the last narrowing), then the filter.
            if state.selection != nil {
                state.setSelection(nil, summaries: summaries, strings: strings, problems: problemLookup)
                return .redraw
            }
            guard state.isFiltered else { return .none }
            metrics = nil
            state.clearFilter(summaries: summaries, strings: strings, problems: problemLookup)
        default:
            return .unhandled
        }
        return .redraw
    }

    /// Selects the trace whose id (as shown, as its file wrote it, or any prefix of either, as
    /// `trex show` takes it) is `text`; returns a status message.
    mutating func goToTrace(_ text: String) -> String {
        let typed = text.trimmingSpaces
        guard !typed.isEmpty else { return "" }
        var candidates: [TraceID]
        switch try? workspace.findTrace(typed) {
        case .success(let id)?: candidates = [id]
        case .failure(.ambiguous(_, let found))?: candidates = found.map(\.id)
        default: return "No trace id starts with \(typed)."
        }
        let rows = candidates.compactMap { indexByID[$0] }.compactMap { state.rows.firstIndex(of: $0) }
        guard let row = rows.min() else { return "The trace \(typed) is hidden by the filter: press \\ to clear it." }
        state.cursor.select(row)
        return candidates.count > 1 ? "\(candidates.count) traces start with \(typed): the first is selected." : ""
    }

    /// Applies a filter; returns a status message (counts, or hints when nothing matched).
    mutating func applyFilter(_ text: String) -> String {
        let problemLookup = problemLookup
        let summaries = listing.summaries
        let strings = listing.strings
        metrics = nil
        metricsSource = nil
        guard !text.isEmpty else {
            state.clearFilter(summaries: summaries, strings: strings, problems: problemLookup)
            return "Filter cleared."
        }
        guard case .success(let query) = Query.result(text) else { return "" }
        let found: WorkspaceQueryResult
        do {
            if query.isMetrics, let answer = try workspace.metrics(query) {
                metrics = answer.result
                metricsSource = answer.answeredBy
                found = answer.matches
            } else {
                found = try workspace.query(query)
            }
        } catch {
            return "The filter failed: \(error)"
        }
        let counts = applyMatches(text, found.matchedSpanCounts)
        if counts.isEmpty, metricsSource == nil {
            guard let hints = try? workspace.hints(for: query, spanBudget: Workspace.interactiveHintSpans) else {
                return "No trace matches. (For hints on a store this size: trex query.)"
            }
            return "No trace matches." + (hints.first.map { " " + $0 } ?? "")
        }
        let spans = counts.values.reduce(0, +)
        if let metrics {
            let series = "\(NumberFormat.count(metrics.series.count, "series", "series")) over "
                + "\(NumberFormat.count(metrics.stepCount, "step")) of \(DurationFormat.string(metrics.step))"
            if let metricsSource {
                return series + ", computed by \(metricsSource); \(NumberFormat.count(counts.count, "trace")) listed match."
            }
            return series + ", from \(NumberFormat.count(spans, "span")) in \(NumberFormat.count(counts.count, "trace"))."
        }
        return "\(NumberFormat.count(spans, "span")) in \(NumberFormat.count(counts.count, "trace")) \(spans == 1 ? "matches" : "match")."
    }

    /// Shows the traces a filter matched (trace id -> matched span count); returns them by
    /// trace index.
    @discardableResult
    mutating func applyMatches(_ text: String, _ matches: [TraceID: Int]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for (id, spans) in matches { if let index = indexByID[id] { counts[index] = spans } }
        state.applyFilter(text, matches: counts, summaries: listing.summaries, strings: listing.strings,
                          problems: problemLookup)
        return counts
    }

    /// Shows only the traces inside a latency rectangle too; inside the one already applied,
    /// when there is one (a rectangle drawn on the plot of a selection's traces). Returns a
    /// status message.
    mutating func applySelection(_ selection: LatencySelection, ascii: Bool) -> String {
        let combined = state.selection.map { $0.intersection(selection) } ?? selection
        state.setSelection(combined, summaries: listing.summaries, strings: listing.strings, problems: problemLookup)
        return "\(NumberFormat.count(state.rows.count, "trace")) in \(combined.text(ascii: ascii)); \\ clears the selection."
    }

    /// The status line text: counts, filter, latency selection, position.
    var summaryText: String {
        let total = listing.count
        var text: String
        if state.isFiltered {
            text = "\(NumberFormat.grouped(state.rows.count)) of \(NumberFormat.count(total, "trace")) match \(state.filterText)"
        } else if state.selection != nil {
            text = "\(NumberFormat.grouped(state.rows.count)) of \(NumberFormat.count(total, "trace"))"
        } else {
            text = "\(NumberFormat.count(total, "trace")) · \(NumberFormat.count(spanCount, "span"))"
        }
        if let selection = state.selection { text += " in the selection \(selection.text()) (\\ clears)" }
        if !state.rows.isEmpty {
            text += "  [\(NumberFormat.grouped(state.cursor.selected + 1))/\(NumberFormat.grouped(state.rows.count))]"
        }
        return text
    }
}
