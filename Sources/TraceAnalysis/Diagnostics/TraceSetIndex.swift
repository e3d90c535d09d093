import TraceModel

/// What the analyses of one trace need to know about the other loaded traces: where a span
/// id lives, and which root server spans probably continue a client call of another trace.
///
/// Built once for a table. O(N) over all spans, plus O(c log c) to order c leaf client spans
/// by start.
public struct TraceSetIndex: Sendable {
    public let table: SpanTable
    /// Every probable broken propagation, ordered by server trace then client trace.
    public let candidates: [BrokenPropagationCandidate]
    private let location: [UInt64: Int32]   // span id -> trace index of its first span

    /// Indexes every span id and searches for broken propagation. O(N).
    public init(_ table: SpanTable) {
        self.table = table
        var location: [UInt64: Int32] = [:]
        location.reserveCapacity(table.spans.count)
        for (t, entry) in table.traces.enumerated() {
            for s in entry.spanRange where location[table.spans[s].spanID.rawValue] == nil {
                location[table.spans[s].spanID.rawValue] = Int32(t)
            }
        }
        self.location = location
        candidates = BrokenPropagationSearch.run(table)
    }

    /// The trace and span of another trace than `traceIndex` holding a span id.
    public func locate(_ id: SpanID, notIn traceIndex: Int) -> (traceID: TraceID, span: Span)? {
        guard let t = location[id.rawValue], Int(t) != traceIndex else { return nil }
        let trace = table.trace(at: Int(t))
        guard let local = trace.localIndex(of: id) else { return nil }
        return (trace.id, trace[local])
    }

    /// The candidates in which a trace takes part, on either side.
    public func candidates(involving traceIndex: Int) -> [BrokenPropagationCandidate] {
        candidates.filter { $0.serverTrace == traceIndex || $0.clientTrace == traceIndex }
    }
}
