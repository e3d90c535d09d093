import Foundation
import Synchronization
import TraceFormats
import TraceModel
import TraceQuery
import TraceStore

/// A backend as a source of the workspace: the traces its searches found, decoded into a
/// catalog, so the list, the filter, the waterfall, the analysis and every view work on them
/// unchanged; a trace asked for by id that no search brought is fetched (`/api/traces/{id}` and
/// the like) and kept.
///
/// - Searching: `open` runs the first search (the last hour by default, at most `limit`
///   traces, what the backend can search of the query); the explorer runs another each time the
///   filter changes (`search(for:progress:isCancelled:)`). Searches are paged (`RemotePager`)
///   and each page joins what the source holds; trex evaluates the whole query on it.
/// - Caching: traces loaded to be read (a waterfall, `trex show`) are written to the backend's
///   `RemoteCache`; when the backend cannot be reached, the source opens on the cache.
public final class RemoteSource: SearchableSource, CatalogBackedSource, Sendable {
    public let endpoint: RemoteEndpoint
    /// The opening search.
    public let search: RemoteSearch
    public let options: RemoteOptions
    /// What the searches brought, and what was fetched by id since.
    private let state: Mutex<TraceCatalog>
    let backend: any RemoteBackend
    public let cache: RemoteCache?
    /// What the opening search skipped (a backend's malformed span), and whether the source
    /// opened on the cache because the backend could not be reached: for the load report.
    public let warnings: [String]
    /// What the opening search did (nil for a source that has not searched yet).
    public let opening: SearchOutcome?

    private init(endpoint: RemoteEndpoint, search: RemoteSearch, options: RemoteOptions, backend: any RemoteBackend,
                 cache: RemoteCache?, catalog: TraceCatalog, warnings: [String], opening: SearchOutcome?) {
        self.endpoint = endpoint
        self.search = search
        self.options = options
        self.backend = backend
        self.cache = cache
        state = Mutex(catalog)
        self.warnings = warnings
        self.opening = opening
    }

    /// A source over a backend that has not searched yet (no request is made): the explorer's,
    /// which searches from its own thread (`search(for:progress:isCancelled:)`) so the list
    /// fills as pages arrive.
    public static func connect(_ endpoint: RemoteEndpoint, options: RemoteOptions) -> RemoteSource {
        let cache = options.cacheDirectory.flatMap { RemoteCache.open(for: endpoint, in: $0) }
        let backend = makeBackend(RemoteHTTP(endpoint: endpoint, options: options))
        let search = RemoteSearch(query: nil, options: options, now: now())
        return RemoteSource(endpoint: endpoint, search: search, options: options, backend: backend, cache: cache,
                            catalog: TraceCatalog(table: .empty), warnings: [], opening: nil)
    }

    /// Connects and runs the first search (the commands'). When the backend cannot be reached
    /// and its cache (`options.cacheDirectory`) holds traces, opens on those (the most recent
    /// `limit`) and says so in `warnings`; otherwise throws the `RemoteError`.
    public static func open(_ endpoint: RemoteEndpoint, options: RemoteOptions, query: Query? = nil,
                            window: ClosedRange<Timestamp>? = nil) throws -> RemoteSource {
        let cache = options.cacheDirectory.flatMap { RemoteCache.open(for: endpoint, in: $0) }
        let backend = makeBackend(RemoteHTTP(endpoint: endpoint, options: options))
        let search = RemoteSearch(query: query, options: options, now: now(), window: window)
        let empty = RemoteSource(endpoint: endpoint, search: search, options: options, backend: backend, cache: cache,
                                 catalog: TraceCatalog(table: .empty), warnings: [], opening: nil)
        let outcome = try empty.run(search)
        var warnings = outcome.warnings
        if let failure = outcome.unreachable {
            warnings.append("\(failure) — \(outcome.sentence) (\(cache?.store.path ?? ""))")
        }
        return RemoteSource(endpoint: endpoint, search: search, options: options, backend: backend, cache: cache,
                            catalog: empty.heldCatalog, warnings: warnings, opening: outcome)
    }

    /// Runs a search, page by page, into what the source holds. When the backend cannot be
    /// reached, the cache's most recent traces stand in (`SearchOutcome.unreachable`); when
    /// there is no cache, or it is empty, the failure is thrown.
    private func run(_ search: RemoteSearch, progress: (Int) -> Void = { _ in }, isCancelled: () -> Bool = { false })
        throws(RemoteError) -> SearchOutcome {
        let pager = RemotePager(backend: backend, pageSize: options.pageSize, sourceName: "\(endpoint)")
        do {
            return try pager.run(search, add: add, progress: progress, isCancelled: isCancelled)
        } catch {
            guard error.isUnreachable, let cached = cache?.recent(options.limit) else { throw error }
            var outcome = SearchOutcome(backend: backend.name, searched: backend.searched(search))
            outcome.unreachable = "\(error)"
            outcome.fromCache = cached.traces.count
            outcome.new = add(cached)
            progress(outcome.fromCache)
            return outcome
        }
    }

    static func now() -> Timestamp { Timestamp(unixNanos: Int64(Date().timeIntervalSince1970 * 1e9)) }

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

    /// What the source holds now (`CatalogBackedSource` answers from it).
    public var heldCatalog: TraceCatalog { state.withLock { $0 } }

    /// Adds traces to what the source holds; returns how many it did not hold yet.
    private func add(_ table: SpanTable) -> Int {
        guard !table.traces.isEmpty else { return 0 }
        return state.withLock { catalog in
            let new = table.traces.count { catalog.table.traceIndex(of: $0.traceID) == nil }
            catalog = TraceCatalog(table: SpanTable.merging([catalog.table, table]))
            return new
        }
    }

    // MARK: - SearchableSource

    public var backendName: String { backend.name }

    /// Another search (the explorer's filter changed): the same window length and limit as the
    /// opening one, ending now.
    public func search(for query: Query?, progress: (Int) -> Void, isCancelled: () -> Bool) throws -> SearchOutcome {
        try run(RemoteSearch(query: query, options: options, now: Self.now()), progress: progress, isCancelled: isCancelled)
    }

    public func attributeNames() throws -> [String] { try backend.attributeNames() }
    public func attributeValues(_ name: String) throws -> [String] { try backend.attributeValues(name) }
    /// Over the searches' window (the last `lookback`) when none is given.
    public func metrics(_ query: Query, window: ClosedRange<Timestamp>?, step: Nanoseconds?) throws -> MetricsResult? {
        try backend.metrics(query, window: window ?? RemoteSearch(query: nil, options: options, now: Self.now()).window, step: step)
    }

    // MARK: - TraceSource

    public var sourceDescription: String { "\(backend.name) at \(endpoint.baseURL)" }

    /// An id no search brought is looked for in the cache, then asked of the backend, when it
    /// is a whole id.
    public func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError> {
        let found = heldCatalog.findTrace(text)
        if case .success = found { return found }
        guard text.count == 16 || text.count == 32, let id = TraceID(hex: text) else { return found }
        return try fetch([id]).isEmpty ? found : .success(id)
    }

    /// The traces asked for (fetched first when missing), which are also written to the cache:
    /// they are being read.
    public func loadTraces(_ ids: [TraceID]) throws -> SpanTable {
        let have = heldCatalog
        let missing = ids.filter { have.table.traceIndex(of: $0) == nil }
        if !missing.isEmpty { _ = try fetch(missing) }
        let table = heldCatalog.loadTraces(ids)
        cache?.keep(table)
        return table
    }

    /// Brings traces the source does not hold: from the cache, else from the backend (which
    /// may be down: then only the cache answers). Returns the ids found.
    private func fetch(_ ids: [TraceID]) throws -> [TraceID] {
        var tables: [SpanTable] = []
        var wanted = ids
        if let cached = cache?.traces(ids) {
            tables.append(cached)
            wanted.removeAll { cached.traceIndex(of: $0) != nil }
        }
        var builder = SpanTableBuilder()
        do {
            for id in wanted {
                guard let bytes = try backend.trace(id) else { continue }
                _ = Self.decode(bytes, source: "\(endpoint) trace \(id.shownHex)", into: &builder)
            }
        } catch {
            if tables.isEmpty { throw error }
        }
        tables.append(builder.finish())
        _ = tables.map(add)
        let held = heldCatalog
        return ids.filter { held.table.traceIndex(of: $0) != nil }
    }
}

extension RemoteError {
    /// The backend could not be reached at all (not an answer it gave): a cache may stand in.
    var isUnreachable: Bool {
        switch kind {
        case .connection, .timeout: true
        case .status(let code, _): code == 502 || code == 503 || code == 504
        default: false
        }
    }
}
