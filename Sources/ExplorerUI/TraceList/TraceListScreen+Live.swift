import TraceModel
import TraceStore

extension TraceListScreen {
    /// The same screen over a newer listing (spans arrived): the same sort and filter (its
    /// matches as the live feed found them, or found again here when it could not), and the
    /// selected trace still selected at the same row of the screen. O(traces log traces).
    func refreshed(with newer: TraceListing, matches: [TraceID: Int]?) -> TraceListScreen {
        var next = TraceListScreen(workspace: workspace, listing: newer)
        let selectedID = state.selectedTrace.map(traceID(at:))
        let row = state.cursor.selected - state.cursor.offset
        next.state.cursor.page = state.cursor.page
        next.state.setSort(state.sort, summaries: newer.summaries, strings: newer.strings, problems: next.problemLookup)
        if let selection = state.selection {
            next.state.setSelection(selection, summaries: newer.summaries, strings: newer.strings, problems: next.problemLookup)
        }
        if state.isFiltered {
            if let matches, metrics == nil {
                next.applyMatches(state.filterText, matches)
            } else {
                _ = next.applyFilter(state.filterText)
            }
        }
        if let selectedID, let index = next.indexByID[selectedID], let shown = next.state.rows.firstIndex(of: index) {
            next.state.cursor.select(shown, atScreenRow: row)
        } else {
            next.state.cursor.select(min(state.cursor.selected, max(0, next.state.rows.count - 1)), atScreenRow: row)
        }
        return next
    }

    /// Whether a trace is shown (passes the filter).
    func isShown(_ id: TraceID) -> Bool {
        guard let index = indexByID[id] else { return false }
        if let selection = state.selection, !selection.contains(listing.summaries[index]) { return false }
        return state.matchCounts.map { $0[index] != nil } ?? true
    }

    /// Selects a trace when it is shown; false when it is not.
    @discardableResult
    mutating func select(trace id: TraceID) -> Bool {
        guard let index = indexByID[id], let row = state.rows.firstIndex(of: index) else { return false }
        state.cursor.select(row)
        return true
    }
}

extension TraceListScreen {
    /// Sorts by duration, the slowest first, the first row selected.
    mutating func sortByDuration() {
        state.setSort(TraceListSort(column: .duration, descending: true), summaries: listing.summaries,
                      strings: listing.strings, problems: problemLookup)
        state.cursor.home()
    }
}
