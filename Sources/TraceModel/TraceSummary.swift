/// What the trace list shows of one trace, computed in one pass over its spans.
public struct TraceSummary: Sendable, Hashable {
    public var traceID: TraceID
    /// The text the id was written as when it was not hex (`trace-123`), else nil.
    public var writtenID: String?
    /// The local index of the span standing for the root: the single true root when there is
    /// exactly one, else the earliest span.
    public var rootIndex: Int
    /// True when the trace has exactly one span without a parent id.
    public var hasSingleRoot: Bool
    public var rootService: StringID
    public var rootName: StringID
    /// Earliest span start.
    public var start: Timestamp
    /// Latest span end.
    public var end: Timestamp
    public var spanCount: Int
    public var errorCount: Int
    /// Distinct service names, in order of first appearance (by span start).
    public var services: [StringID]

    /// The id as people know it: its written text, else `TraceID.shownHex`.
    public var shownID: String { writtenID ?? traceID.shownHex }

    /// Latest span end minus earliest span start.
    public var duration: Nanoseconds { end - start }

    public init(_ trace: Trace) {
        let table = trace.table
        traceID = trace.id
        writtenID = table.writtenID(of: trace.id)
        spanCount = trace.spanCount
        var rootCount = 0
        var firstRoot = 0
        var start = Int64.max
        var end = Int64.min
        var errors = 0
        var services: [StringID] = []
        var seen = Set<StringID>()
        for (offset, span) in trace.spans.enumerated() {
            if !span.parentSpanID.isValid {
                if rootCount == 0 { firstRoot = offset }
                rootCount += 1
            }
            start = min(start, span.start.unixNanos)
            end = max(end, span.end.unixNanos)
            if span.status == .error { errors += 1 }
            let service = table.serviceID(of: span)
            if services.count < 16 {
                if !services.contains(service) { services.append(service) }
            } else {
                if seen.isEmpty { seen.formUnion(services) }
                if seen.insert(service).inserted { services.append(service) }
            }
        }
        hasSingleRoot = rootCount == 1
        rootIndex = rootCount == 1 ? firstRoot : 0
        let root = trace.spanCount > 0 ? trace[rootIndex] : nil
        rootService = root.map { table.serviceID(of: $0) } ?? .empty
        rootName = root?.name ?? .empty
        self.start = Timestamp(unixNanos: trace.spanCount > 0 ? start : 0)
        self.end = Timestamp(unixNanos: trace.spanCount > 0 ? end : 0)
        errorCount = errors
        self.services = services
    }
}
