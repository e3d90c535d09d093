import GRDB
import TraceModel

/// Reading traces back: the summary fast path and loading spans into a `SpanTable`.
extension PersistentStore {
    /// Summaries from the `traces` table alone (no span is read), earliest first.
    /// O(listed traces) plus an index range scan for a window.
    ///
    /// - Parameters:
    ///   - window: only traces whose `[start, end]` intersects it.
    ///   - limit: at most this many, the *latest* ones when `latestFirst`, else the earliest.
    public func traceListing(overlapping window: ClosedRange<Timestamp>? = nil, limit: Int? = nil,
                             latestFirst: Bool = false) throws(StoreError) -> TraceListing {
        try read { db in
            var sql = """
                SELECT trace_id, start_ns, end_ns, span_count, error_count, root_index, single_root,
                       root_service_id, root_name_id, services FROM traces
                """
            if window != nil { sql += " WHERE start_ns <= ?1 AND end_ns >= ?2" }
            sql += latestFirst ? " ORDER BY start_ns DESC, trace_id DESC" : " ORDER BY start_ns, trace_id"
            if let limit { sql += " LIMIT \(max(0, limit))" }
            let rows = try RawStatement(db, sql)
            defer { rows.reset() }
            if let window {
                rows.bind(1, window.upperBound.unixNanos)
                rows.bind(2, window.lowerBound.unixNanos)
            }
            var builder = SpanTableBuilder()
            var strings = try StoreStringLoader(db)
            var summaries: [TraceSummary] = []
            while try rows.step() {
                guard let id = StoredTableLoader.traceID(rows.blob(0)) else {
                    throw CorruptRow(detail: "a trace id is not 16 bytes")
                }
                let services = try StoredSummary.services(rows.blob(9)).map { try strings.builderID($0, in: &builder) }
                summaries.append(TraceSummary(
                    traceID: id, rootIndex: Int(rows.int64(5)), hasSingleRoot: rows.int64(6) != 0,
                    rootService: try strings.builderID(rows.int64(7), in: &builder),
                    rootName: try strings.builderID(rows.int64(8), in: &builder),
                    start: Timestamp(unixNanos: rows.int64(1)), end: Timestamp(unixNanos: rows.int64(2)),
                    spanCount: Int(rows.int64(3)), errorCount: Int(rows.int64(4)), services: services))
            }
            if latestFirst { summaries.reverse() }
            return TraceListing(strings: builder.strings, summaries: summaries)
        }
    }

    /// Resolves a full trace id, or a unique hex prefix, with a range scan of the trace id index.
    /// A 16-digit id also matches its left-padded 128-bit form. O(log traces + matches).
    public func findTrace(_ text: String) throws(StoreError) -> Result<TraceID, TraceCatalog.LookupError> {
        let hex = text.lowercased()
        guard !hex.isEmpty, hex.count <= 32, hex.utf8.allSatisfy({ HexDigits.value($0) != nil }) else {
            return .failure(.notHex(text))
        }
        let low = TraceID(hex: hex + String(repeating: "0", count: 32 - hex.count))!
        let high = TraceID(hex: hex + String(repeating: "f", count: 32 - hex.count))!
        return try read { db in
            let exists = try RawStatement(db, "SELECT 1 FROM traces WHERE trace_id = ?")
            if hex.count == 32 || hex.count == 16, let exact = TraceID(hex: hex) {
                exists.bind(1, blob: exact.bytes)
                let found = try exists.step()
                exists.reset()
                if found { return .success(exact) }
            }
            let range = try RawStatement(db, "SELECT trace_id FROM traces WHERE trace_id BETWEEN ? AND ?")
            range.bind(1, blob: low.bytes)
            range.bind(2, blob: high.bytes)
            defer { range.reset() }
            var matches: [TraceID] = []
            while try range.step() {
                if let id = StoredTableLoader.traceID(range.blob(0)) { matches.append(id) }
            }
            switch matches.count {
            case 0: return .failure(.notFound(text))
            case 1: return .success(matches[0])
            default: return .failure(.ambiguous(text, candidates: matches))
            }
        }
    }

    /// Loads the traces with these ids into a new table. O(their spans · log n).
    public func loadTraces(_ ids: [TraceID]) throws(StoreError) -> SpanTable {
        try read { db in try Self.load(keys: try Self.traceKeys(ids: ids, db), db) }
    }

    /// Loads the traces that overlap a time window. O(their spans · log n).
    public func loadTraces(overlapping window: ClosedRange<Timestamp>) throws(StoreError) -> SpanTable {
        try read { db in
            let keys = try Int64.fetchAll(db, sql: "SELECT key FROM traces WHERE start_ns <= ? AND end_ns >= ?",
                                          arguments: [window.upperBound.unixNanos, window.lowerBound.unixNanos])
            return try Self.load(keys: keys, db)
        }
    }

    /// Loads every stored trace. O(spans).
    public func loadAllTraces() throws(StoreError) -> SpanTable {
        try read { db in try Self.loadAll(db) }
    }

    static func loadAll(_ db: Database) throws -> SpanTable {
        var loader = try StoredTableLoader(db)
        try loader.preloadStrings()
        try loader.loadAll()
        return loader.finish()
    }

    static func load(keys: [Int64], _ db: Database) throws -> SpanTable {
        var loader = try StoredTableLoader(db)
        try loader.load(keys: keys)
        return loader.finish()
    }
}

/// The store as a `TraceSource`: the protocol's requirements are the methods above.
extension PersistentStore: TraceSource {
    public var sourceDescription: String { "the store at \(path)" }

    public func traceListing(overlapping window: ClosedRange<Timestamp>?) throws -> TraceListing {
        try traceListing(overlapping: window, limit: nil, latestFirst: false)
    }
}
