/// One trace: a view of its contiguous spans in a `SpanTable`.
///
/// Spans are addressed by their *local* index, 0..<spanCount, ordered by start time. Every
/// per-trace structure (`TraceTree`, analysis results, view rows) uses local indices.
public struct Trace: Sendable {
    public let table: SpanTable
    /// The index of this trace in `table.traces`.
    public let index: Int
    public let id: TraceID
    /// The trace's spans as indices into `table.spans`.
    public let spanRange: Range<Int>

    public init(table: SpanTable, index: Int) {
        self.table = table
        self.index = index
        let entry = table.traces[index]
        self.id = entry.traceID
        self.spanRange = entry.spanRange
    }

    public var spanCount: Int { spanRange.count }

    /// The id as people know it (`SpanTable.shownID(of:)`).
    public var shownID: String { table.shownID(of: id) }

    /// The span at a local index.
    @inlinable public subscript(local: Int) -> Span { table.spans[spanRange.lowerBound + local] }

    /// The spans in local-index order.
    public var spans: ArraySlice<Span> { table.spans[spanRange] }

    /// The local index of the first span with a span id. O(spanCount); build a `TraceTree`
    /// for repeated lookups.
    public func localIndex(of spanID: SpanID) -> Int? {
        spans.firstIndex { $0.spanID == spanID }.map { $0 - spanRange.lowerBound }
    }
}
