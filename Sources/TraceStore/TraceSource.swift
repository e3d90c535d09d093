import TraceModel

/// A place traces come from — files loaded into memory (`TraceCatalog`) or the persistent
/// store (`PersistentStore`) — so the commands and the explorer read both the same way: list
/// summaries cheaply, then load the traces they show or analyze into a `SpanTable`.
public protocol TraceSource: Sendable {
    /// Says where the traces come from, for messages ("3 files", "the store at PATH").
    var sourceDescription: String { get }

    /// The summaries of the traces that overlap a time window (all when nil), earliest first.
    func traceListing(overlapping window: ClosedRange<Timestamp>?) throws -> TraceListing

    /// Resolves a full trace id or a unique hex prefix of one.
    func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError>

    /// The traces with these ids (ids it does not have are skipped), in a table of their own.
    func loadTraces(_ ids: [TraceID]) throws -> SpanTable

    /// The traces that overlap a time window (a trace's span from its earliest start to its
    /// latest end intersects the window).
    func loadTraces(overlapping window: ClosedRange<Timestamp>) throws -> SpanTable

    /// Every trace.
    func loadAllTraces() throws -> SpanTable
}

extension TraceSource {
    /// Every trace's summary, earliest first.
    public func traceListing() throws -> TraceListing { try traceListing(overlapping: nil) }

    /// One trace, or nil when the source does not have it.
    public func loadTrace(_ id: TraceID) throws -> Trace? {
        let table = try loadTraces([id])
        return table.traceIndex(of: id).map { table.trace(at: $0) }
    }
}

/// Whether a trace's time span `[start, end]` intersects a window.
@inlinable
func overlaps(start: Timestamp, end: Timestamp, _ window: ClosedRange<Timestamp>) -> Bool {
    start <= window.upperBound && end >= window.lowerBound
}
