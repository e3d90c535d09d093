import TraceModel

/// Files loaded into memory as a `TraceSource`. Never throws.
extension TraceCatalog: TraceSource {
    public var sourceDescription: String { "\(traceCount) loaded traces" }

    /// O(traces).
    public func traceListing(overlapping window: ClosedRange<Timestamp>?) -> TraceListing {
        var ordered = byStart.map { summaries[$0] }
        if let window { ordered.removeAll { !overlaps(start: $0.start, end: $0.end, window) } }
        return TraceListing(strings: table.strings, summaries: ordered)
    }

    public func findTrace(_ text: String) -> Result<TraceID, LookupError> {
        find(text).map { table.traces[$0].traceID }
    }

    /// O(spans of the chosen traces) — or O(1) when every trace is asked for.
    public func loadTraces(_ ids: [TraceID]) -> SpanTable {
        subset(Set(ids.compactMap { table.traceIndex(of: $0) }))
    }

    public func loadTraces(overlapping window: ClosedRange<Timestamp>) -> SpanTable {
        subset(Set(summaries.indices.filter { overlaps(start: summaries[$0].start, end: summaries[$0].end, window) }))
    }

    public func loadAllTraces() -> SpanTable { table }

    /// A table with only some traces, copied span by span (the whole table when all are kept).
    private func subset(_ indices: Set<Int>) -> SpanTable {
        if indices.count == table.traces.count { return table }
        var builder = SpanTableBuilder()
        builder.writtenTraceIDs = table.writtenTraceIDs
        for index in indices.sorted() {
            for span in table.trace(at: index).spans { builder.copy(span, from: table) }
        }
        return builder.finish()
    }
}
