import Foundation
import Synchronization
import TraceFormats
import TraceModel
import TraceQuery
import TraceStore

/// A backend as a source of the workspace: the traces one search found, decoded into a
/// catalog, so the list, the filter, the waterfall, the analysis and every view work on them
/// unchanged; a trace asked for by id that the search did not bring is fetched
/// (`/api/traces/{id}` and the like) and kept.
///
/// The search runs once, when the source is opened (`open`): the last hour by default
/// (`RemoteOptions.lookback`), at most `limit` traces, with what the backend can search of the
/// query (`RemoteSearch`); trex evaluates the whole query on what came back.
public final class RemoteSource: TraceSource, Sendable {
    public let endpoint: RemoteEndpoint
    public let search: RemoteSearch
    /// What the search brought, and what was fetched by id since.
    private let state: Mutex<TraceCatalog>
    private let backend: any RemoteBackend
    /// What decoding skipped (a backend's malformed span), for the load report.
    public let warnings: [String]

    init(endpoint: RemoteEndpoint, search: RemoteSearch, catalog: TraceCatalog, backend: any RemoteBackend, warnings: [String]) {
        self.endpoint = endpoint
        self.search = search
        state = Mutex(catalog)
        self.backend = backend
        self.warnings = warnings
    }

    /// Connects and runs the search. Throws `RemoteError` when the backend cannot be reached or
    /// answers with an error.
    public static func open(_ endpoint: RemoteEndpoint, options: RemoteOptions, query: Query? = nil,
                            window: ClosedRange<Timestamp>? = nil) throws -> RemoteSource {
        let http = RemoteHTTP(endpoint: endpoint, options: options)
        let backend = makeBackend(http)
        let now = Timestamp(unixNanos: Int64(Date().timeIntervalSince1970 * 1e9))
        let search = RemoteSearch(query: query, options: options, now: now, window: window)
        let documents = try backend.search(search)
        var builder = SpanTableBuilder()
        var warnings: [String] = []
        for (i, document) in documents.enumerated() where !document.isEmpty {
            warnings += Self.decode(document, source: "\(endpoint) search \(i + 1)", into: &builder)
        }
        return RemoteSource(endpoint: endpoint, search: search, catalog: TraceCatalog(table: builder.finish()),
                            backend: backend, warnings: warnings)
    }

    /// Decodes one answer, returning what was skipped. An answer holding no trace format at all
    /// is a warning too (an empty search answers `{"data": []}`, which decodes to nothing).
    static func decode(_ bytes: [UInt8], source: String, into builder: inout SpanTableBuilder) -> [String] {
        do {
            let report = try TraceDecoder.decode(bytes, source: source, into: &builder)
            return report.warnings.map { "\($0)" }
        } catch {
            return ["\(error)"]
        }
    }

    private var catalog: TraceCatalog { state.withLock { $0 } }

    // MARK: - TraceSource

    public var sourceDescription: String { "\(endpoint.backend.rawValue) at \(endpoint.baseURL)" }
    public var holdsSpansInMemory: Bool { true }
    public func countSpans() -> Int { catalog.countSpans() }

    public func traceListing(overlapping window: ClosedRange<Timestamp>?) -> TraceListing {
        catalog.traceListing(overlapping: window)
    }

    /// An id the search did not bring is asked of the backend when it is a whole id.
    public func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError> {
        let found = catalog.findTrace(text)
        if case .success = found { return found }
        guard text.count == 16 || text.count == 32, let id = TraceID(hex: text) else { return found }
        return try fetch([id]).isEmpty ? found : .success(id)
    }

    public func loadTraces(_ ids: [TraceID]) throws -> SpanTable {
        let have = catalog
        let missing = ids.filter { have.table.traceIndex(of: $0) == nil }
        if !missing.isEmpty { _ = try fetch(missing) }
        return catalog.loadTraces(ids)
    }

    public func loadTraces(overlapping window: ClosedRange<Timestamp>) -> SpanTable { catalog.loadTraces(overlapping: window) }
    public func traceIDs() -> [TraceID] { catalog.traceIDs() }
    public func traceIDs(overlapping window: ClosedRange<Timestamp>) -> [TraceID] { catalog.traceIDs(overlapping: window) }
    public func traceIDs(containingSpans ids: Set<SpanID>) -> [TraceID] { catalog.traceIDs(containingSpans: ids) }
    public func candidateTraceIDs(for query: Query) -> [TraceID]? { nil }
    public func forEachBatch(spans: Int, _ body: (SpanTable) throws -> Void) throws { try catalog.forEachBatch(spans: spans, body) }

    /// Fetches traces by id and adds them to the catalog; returns the ids the backend had.
    private func fetch(_ ids: [TraceID]) throws -> [TraceID] {
        var builder = SpanTableBuilder()
        var found: [TraceID] = []
        for id in ids {
            guard let bytes = try backend.trace(id) else { continue }
            _ = Self.decode(bytes, source: "\(endpoint) trace \(id.shownHex)", into: &builder)
            found.append(id)
        }
        guard !found.isEmpty else { return [] }
        let table = SpanTable.merging([catalog.table, builder.finish()])
        state.withLock { $0 = TraceCatalog(table: table) }
        return found.filter { table.traceIndex(of: $0) != nil }
    }
}
