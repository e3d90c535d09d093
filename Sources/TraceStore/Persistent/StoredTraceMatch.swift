import TraceModel

/// One matching trace by id, with the ids of its matched spans.
public struct StoredTraceMatch: Sendable, Hashable {
    public var traceID: TraceID
    public var spans: [SpanID]

    public init(traceID: TraceID, spans: [SpanID]) {
        self.traceID = traceID
        self.spans = spans
    }
}
