import TraceModel
import TraceQuery

/// What `StoreQueryEngine` found: the traces it loaded and the matches among them.
public struct StoreQueryResult: Sendable {
    /// The candidate traces the store let through (with the in-memory traces merged in, when
    /// some were given), loaded whole: everything `TraceCatalog`, `show` or `analyze` need.
    public let table: SpanTable
    /// The matching traces of `table`, in trace id order, with their matched spans: exactly
    /// what `QueryEngine.run(query, on: <every trace>)` reports for them.
    public let matches: [TraceMatch]
    /// What the query pushed down.
    public let filter: StoredTraceFilter
    /// Traces read from the store.
    public let loadedFromStore: Int
    /// True when the filter narrowed nothing and the whole store was loaded.
    public let loadedEverything: Bool

    /// The summaries of the matching traces, in match order, for list output (string ids refer
    /// to `table.strings`). O(spans of the matching traces).
    public var matchedSummaries: [TraceSummary] {
        matches.map { TraceSummary(table.trace(at: $0.traceIndex)) }
    }

    /// The matches as trace ids with their matched span ids (in trace order).
    public var matchedTraces: [StoredTraceMatch] {
        matches.map { m in
            let trace = table.trace(at: m.traceIndex)
            return StoredTraceMatch(traceID: trace.id, spans: m.matchedSpans.map { trace[Int($0)].spanID })
        }
    }
}
