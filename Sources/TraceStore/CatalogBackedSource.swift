import TraceModel
import TraceQuery

/// A source whose traces sit in memory in a catalog it replaces as it grows (a backend's
/// searches, a test's stub): everything `TraceSource` asks is answered from the catalog of the
/// moment, unless the source says otherwise (a backend fetches an id it does not hold).
public protocol CatalogBackedSource: TraceSource {
    /// What the source holds now.
    var heldCatalog: TraceCatalog { get }
}

extension CatalogBackedSource {
    public var holdsSpansInMemory: Bool { true }
    public func countSpans() -> Int { heldCatalog.countSpans() }
    public func traceListing(overlapping window: ClosedRange<Timestamp>?) -> TraceListing {
        heldCatalog.traceListing(overlapping: window)
    }
    public func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError> { heldCatalog.findTrace(text) }
    public func loadTraces(_ ids: [TraceID]) throws -> SpanTable { heldCatalog.loadTraces(ids) }
    public func loadTraces(overlapping window: ClosedRange<Timestamp>) -> SpanTable { heldCatalog.loadTraces(overlapping: window) }
    public func traceIDs() -> [TraceID] { heldCatalog.traceIDs() }
    public func traceIDs(overlapping window: ClosedRange<Timestamp>) -> [TraceID] { heldCatalog.traceIDs(overlapping: window) }
    public func traceIDs(containingSpans ids: Set<SpanID>) -> [TraceID] { heldCatalog.traceIDs(containingSpans: ids) }
    public func candidateTraceIDs(for query: Query) -> [TraceID]? { nil }
    public func forEachBatch(spans: Int, _ body: (SpanTable) throws -> Void) throws { try heldCatalog.forEachBatch(spans: spans, body) }
}
