import TraceModel
import TraceQuery

/// Files loaded into memory as a `TraceSource`. Never throws.
extension TraceCatalog: TraceSource {
    public var sourceDescription: String { "\(traceCount) loaded traces" }

    public var holdsSpansInMemory: Bool { true }

    public func countSpans() -> Int { table.spans.count }

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

    /// O(traces).
    public func traceIDs() -> [TraceID] { table.traces.map(\.traceID).sorted() }

    /// O(traces).
    public func traceIDs(overlapping window: ClosedRange<Timestamp>) -> [TraceID] {
        summaries.filter { overlaps(start: $0.start, end: $0.end, window) }.map(\.traceID).sorted()
    }

    /// One pass over the spans. O(spans).
    public func traceIDs(containingSpans ids: Set<SpanID>) -> [TraceID] {
        guard !ids.isEmpty else { return [] }
        return Set(table.spans.lazy.filter { ids.contains($0.spanID) }.map(\.traceID)).sorted()
    }

    /// Every span is at hand: the exact evaluation needs no narrowing.
    public func candidateTraceIDs(for query: Query) -> [TraceID]? { nil }

    /// The whole table at once: it is in memory already.
    public func forEachBatch(spans: Int, _ body: (SpanTable) throws -> Void) throws {
        if !table.spans.isEmpty { try body(table) }
    }

    /// A table with only some traces (the whole table when all are kept).
    private func subset(_ indices: Set<Int>) -> SpanTable {
        indices.count == table.traces.count ? table : table.copying(traces: indices.sorted())
    }
}
