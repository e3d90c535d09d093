import TraceModel
import TraceQuery
import TraceStore

/// What a query found across a workspace's sources: per part, the traces it evaluated and the
/// matches among them. A part is one source's candidates (read without copying), or the traces
/// several sources hold, merged.
public struct WorkspaceQueryResult: Sendable {
    public struct Part: Sendable {
        /// The traces the query was evaluated on.
        public let catalog: TraceCatalog
        /// Matches among `catalog`'s traces, in trace order.
        public let matches: [TraceMatch]
    }

    public let parts: [Part]
    /// Traces evaluated exactly, over all parts (the pushdown's candidates).
    public let tracesEvaluated: Int
    /// True when some source could not narrow the query down and was streamed whole.
    public let streamedASource: Bool

    /// How many traces matched.
    public var matchCount: Int { parts.reduce(0) { $0 + $1.matches.count } }

    /// Every match with its part's catalog, earliest trace first.
    public var orderedMatches: [(catalog: TraceCatalog, match: TraceMatch)] {
        parts.flatMap { part in part.matches.map { (part.catalog, $0) } }.sorted { a, b in
            let sa = a.catalog.summaries[a.match.traceIndex], sb = b.catalog.summaries[b.match.traceIndex]
            return sa.start != sb.start ? sa.start < sb.start : sa.traceID < sb.traceID
        }
    }

    /// Matched trace id -> number of matched spans (what the trace list's MATCH column shows).
    public var matchedSpanCounts: [TraceID: Int] {
        var counts: [TraceID: Int] = [:]
        for part in parts {
            for match in part.matches {
                counts[part.catalog.table.traces[match.traceIndex].traceID] = match.matchedSpans.count
            }
        }
        return counts
    }
}
