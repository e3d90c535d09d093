import TraceModel
import TraceStore

extension TraceInputs {
    /// One row per trace, earliest first (then by trace id), and the id column's width, as
    /// `trex list` prints them. The store's rows come from its summaries alone, except for the
    /// traces the files also hold: those are loaded and merged with the files' spans.
    /// O(traces) plus O(spans of the overlapping traces).
    func traceRows() throws -> (rows: [TraceRow], idWidth: Int) {
        guard let store else {
            let files = files!
            return (files.byStart.map { TraceRow(catalog: files, index: $0) }, files.uniquePrefixLength())
        }
        let listing = try storeOperation { () throws(StoreError) in try store.traceListing() }
        guard let files else {
            let rows = listing.summaries.map { TraceRow(summary: $0, strings: listing.strings) }
            return (rows, TraceIDPrefix.uniqueLength(listing.summaries.map(\.traceID)))
        }
        let fileIDs = Set(files.table.traces.map(\.traceID))
        let shared = listing.summaries.map(\.traceID).filter { fileIDs.contains($0) }
        let merged = TraceCatalog(table: try traces(shared))
        var rows = listing.summaries.filter { !fileIDs.contains($0.traceID) }
            .map { TraceRow(summary: $0, strings: listing.strings) }
        let sharedSet = Set(shared)
        rows += files.table.traces.indices.filter { !sharedSet.contains(files.table.traces[$0].traceID) }
            .map { TraceRow(catalog: files, index: $0) }
        rows += merged.table.traces.indices.map { TraceRow(catalog: merged, index: $0) }
        rows.sort { a, b in
            a.summary.start != b.summary.start ? a.summary.start < b.summary.start : a.summary.traceID < b.summary.traceID
        }
        return (rows, TraceIDPrefix.uniqueLength(rows.map(\.summary.traceID)))
    }
}
