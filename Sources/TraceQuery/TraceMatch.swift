/// One matching trace and the spans that made it match.
public struct TraceMatch: Sendable, Hashable {
    /// Index into `SpanTable.traces`.
    public var traceIndex: Int
    /// Local span indices (in `Trace` order), sorted, never empty.
    public var matchedSpans: [Int32]

    public init(traceIndex: Int, matchedSpans: [Int32]) {
        self.traceIndex = traceIndex
        self.matchedSpans = matchedSpans
    }
}
