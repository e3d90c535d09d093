import TraceModel
import TraceStore

extension Workspace {
    /// Every trace's summary, earliest first (then by trace id), without loading spans, except
    /// for the traces several sources hold: those are loaded, merged and summarised again.
    /// O(traces) plus O(spans of the shared traces).
    public func listing() throws -> TraceListing {
        if let single { return try single.traceListing() }
        let shared = try sharedTraceIDs()
        var strings = StringTable()
        var summaries: [TraceSummary] = []
        func add(_ summary: TraceSummary, from table: StringTable) {
            var s = summary
            s.rootService = strings.intern(table[summary.rootService])
            s.rootName = strings.intern(table[summary.rootName])
            s.services = summary.services.map { strings.intern(table[$0]) }
            summaries.append(s)
        }
        for source in sources {
            let listing = try source.traceListing()
            for summary in listing.summaries where !shared.contains(summary.traceID) {
                add(summary, from: listing.strings)
            }
        }
        if !shared.isEmpty {
            let merged = try catalog(of: Array(shared))
            for summary in merged.summaries { add(summary, from: merged.table.strings) }
        }
        summaries.sort { a, b in a.start != b.start ? a.start < b.start : a.traceID < b.traceID }
        return TraceListing(strings: strings, summaries: summaries)
    }
}
