import TraceModel
import TraceQuery

/// A place traces come from: files loaded into memory (`TraceCatalog`), the persistent store
/// (`PersistentStore`), and later a live receiver or a remote backend. The workspace
/// (`TraceWorkspace.Workspace`) composes any number of them; everything the commands and the
/// explorer ask goes through these requirements, so a new source is one new conforming type.
///
/// What a source must answer cheaply: its summaries (without loading spans), which trace an id
/// text names, and which of its traces a query or a time window can concern. Spans are loaded
/// only for the traces asked for, or streamed in batches for whole-set work.
public protocol TraceSource: Sendable {
    /// Says where the traces come from, for messages ("3 files", "the store at PATH").
    var sourceDescription: String { get }

    /// True when every span is in memory already: loading costs a copy, streaming is free,
    /// and a query needs no pushdown.
    var holdsSpansInMemory: Bool { get }

    /// How many spans it holds, cheaply (a count, not a scan).
    func countSpans() throws -> Int

    /// The summaries of the traces that overlap a time window (all when nil), earliest first.
    func traceListing(overlapping window: ClosedRange<Timestamp>?) throws -> TraceListing

    /// Resolves a full trace id or a unique hex prefix of one.
    func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError>

    /// The traces with these ids (ids it does not have are skipped), in a table of their own.
    func loadTraces(_ ids: [TraceID]) throws -> SpanTable

    /// The traces that overlap a time window (a trace's span from its earliest start to its
    /// latest end intersects the window).
    func loadTraces(overlapping window: ClosedRange<Timestamp>) throws -> SpanTable

    /// Every trace id it holds, in order.
    func traceIDs() throws -> [TraceID]

    /// The ids of the traces that overlap a time window, from the summaries alone.
    func traceIDs(overlapping window: ClosedRange<Timestamp>) throws -> [TraceID]

    /// The ids of the traces holding a span with one of these ids (the analysis looks for
    /// orphans' parents in other traces).
    func traceIDs(containingSpans ids: Set<SpanID>) throws -> [TraceID]

    /// The traces that can match a query (a superset of the exact matches), or nil when the
    /// source cannot narrow it down (every trace is a candidate).
    func candidateTraceIDs(for query: Query) throws -> [TraceID]?

    /// Calls `body` with every trace, in tables of whole traces of about `spans` spans each
    /// (one trace larger than that comes alone), so whole-set work runs in bounded memory.
    func forEachBatch(spans: Int, _ body: (SpanTable) throws -> Void) throws
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
