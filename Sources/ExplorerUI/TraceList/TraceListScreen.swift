import TerminalCore
import TraceModel
import TraceQuery
import TraceStore

/// The trace list screen: the state plus what its commands do.
struct TraceListScreen {
    let catalog: TraceCatalog
    var state: TraceListState
    let maxDuration: Nanoseconds

    init(catalog: TraceCatalog) {
        self.catalog = catalog
        var state = TraceListState(traceCount: catalog.traceCount)
        state.setSort(TraceListSort(column: .start, descending: false), summaries: catalog.summaries,
                      strings: catalog.table.strings)
        state.cursor.home()
        self.state = state
        maxDuration = catalog.summaries.map(\.duration).max() ?? .zero
    }

    /// What a command asks of the app beyond this screen.
    enum Effect: Equatable {
        case none
        case redraw
        case open(traceIndex: Int)
        case openFilter
        case unhandled
    }

    mutating func perform(_ command: Command) -> Effect {
        let summaries = catalog.summaries
        let strings = catalog.table.strings
        switch command {
        case .moveDown: state.cursor.move(by: 1)
        case .moveUp: state.cursor.move(by: -1)
        case .pageDown: state.cursor.pageDown()
        case .pageUp: state.cursor.pageUp()
        case .halfPageDown: state.cursor.halfPageDown()
        case .halfPageUp: state.cursor.halfPageUp()
        case .first: state.cursor.home()
        case .last: state.cursor.end()
        case .cycleSort:
            state.setSort(state.sort.next(filterActive: state.isFiltered), summaries: summaries, strings: strings)
        case .reverseSort:
            state.setSort(state.sort.reversed, summaries: summaries, strings: strings)
        case .openTrace:
            guard let trace = state.selectedTrace else { return .none }
            return .open(traceIndex: trace)
        case .openFilter:
            return .openFilter
        case .clearFilter:
            guard state.isFiltered else { return .none }
            state.clearFilter(summaries: summaries, strings: strings)
        default:
            return .unhandled
        }
        return .redraw
    }

    /// Applies a filter; returns a status message (counts, or hints when nothing matched).
    mutating func applyFilter(_ text: String) -> String {
        let summaries = catalog.summaries
        let strings = catalog.table.strings
        guard !text.isEmpty else {
            state.clearFilter(summaries: summaries, strings: strings)
            return "Filter cleared."
        }
        guard case .success(let query) = Query.result(text) else { return "" }
        let matches = QueryEngine.run(query, on: catalog.table)
        var counts: [Int: Int] = [:]
        for match in matches { counts[match.traceIndex] = match.matchedSpans.count }
        state.applyFilter(text, matches: counts, summaries: summaries, strings: strings)
        if matches.isEmpty {
            let hints = QueryHints.check(query, table: catalog.table)
            return "No trace matches." + (hints.first.map { " " + $0 } ?? "")
        }
        let spans = counts.values.reduce(0, +)
        return "\(NumberFormat.count(spans, "span")) in \(NumberFormat.count(matches.count, "trace")) match."
    }

    /// The status line text: counts, filter, sort.
    var summaryText: String {
        let total = catalog.traceCount
        var text: String
        if state.isFiltered {
            text = "\(NumberFormat.grouped(state.rows.count)) of \(NumberFormat.count(total, "trace")) match \(state.filterText)"
        } else {
            text = "\(NumberFormat.count(total, "trace")) · \(NumberFormat.count(catalog.spanCount, "span"))"
        }
        if !state.rows.isEmpty { text += "  [\(state.cursor.selected + 1)/\(NumberFormat.grouped(state.rows.count))]" }
        return text
    }
}
