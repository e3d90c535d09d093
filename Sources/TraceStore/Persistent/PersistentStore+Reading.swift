import GRDB
import TraceModel
import TraceQuery

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
                       root_service_id, root_name_id, services, written.text
                FROM traces LEFT JOIN written_trace_ids written ON written.trace_key = traces.key
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
                    spanCount: Int(rows.int64(3)), errorCount: Int(rows.int64(4)), services: services,
                    writtenID: rows.isNull(10) ? nil : String(decoding: rows.text(10), as: UTF8.self)))
            }
            if latestFirst { summaries.reverse() }
            return TraceListing(strings: builder.strings, summaries: summaries)
        }
    }

    /// Resolves a trace id as people write it (`TraceIDPattern`): a whole id in any of its forms
    /// or a unique prefix of one, with range scans of the trace id index (one per place the
    /// digits can stand) and of the written texts of non-hex ids. A whole id wins over longer ids
    /// it is a prefix of. O(log traces + matches).
    public func findTrace(_ text: String) throws(StoreError) -> Result<TraceID, TraceCatalog.LookupError> {
        guard let pattern = TraceIDPattern(text) else { return .failure(.empty) }
        return try read { db in
            var candidates: [TraceID: String?] = [:]
            let range = try RawStatement(db, """
                SELECT trace_id, written.text FROM traces LEFT JOIN written_trace_ids written ON written.trace_key = traces.key
                WHERE trace_id BETWEEN ? AND ?
                """)
            func collect(_ statement: RawStatement) throws {
                while try statement.step() {
                    guard let id = StoredTableLoader.traceID(statement.blob(0)) else { continue }
                    candidates[id] = statement.isNull(1) ? nil : String(decoding: statement.text(1), as: UTF8.self)
                }
                statement.reset()
            }
            var ranges = pattern.hexRanges
            if let whole = pattern.wholeID { ranges.append(whole...whole) }
            for r in ranges {
                range.bind(1, blob: r.lowerBound.bytes)
                range.bind(2, blob: r.upperBound.bytes)
                try collect(range)
            }
            let written = try RawStatement(db, """
                SELECT traces.trace_id, written.text FROM written_trace_ids written JOIN traces ON traces.key = written.trace_key
                WHERE written.text >= ?1 AND substr(written.text, 1, length(?1)) = ?1
                """)
            var typed = text
            typed.withUTF8 { written.bind(1, text: $0) }
            try collect(written)

            let matches = candidates.filter { pattern.matches($0.key, written: $0.value) }
            if matches.count == 1 { return .success(matches.first!.key) }
            if let whole = matches.first(where: { pattern.isWhole($0.key, written: $0.value) }) { return .success(whole.key) }
            if matches.isEmpty { return .failure(.notFound(text)) }
            return .failure(.ambiguous(text, candidates: matches.map {
                TraceIDCandidate(id: $0.key, shown: $0.value ?? $0.key.shownHex)
            }.sorted()))
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

/// The store as a `TraceSource`: most requirements are the methods above and in
/// PersistentStore+Pushdown.swift.
extension PersistentStore: TraceSource {
    public var sourceDescription: String { "the store at \(path)" }

    public var holdsSpansInMemory: Bool { false }

    public func countSpans() throws -> Int { try spanCount() }

    public func traceListing(overlapping window: ClosedRange<Timestamp>?) throws -> TraceListing {
        try traceListing(overlapping: window, limit: nil, latestFirst: false)
    }

    /// The query's pushdown (`StoredTraceFilter`, `PushdownPlanner`): nil when nothing in it
    /// narrows the traces down.
    public func candidateTraceIDs(for query: Query) throws -> [TraceID]? {
        try candidateTraces(StoredTraceFilter(query))
    }

    /// One scan of the chunks' span ids per id (see `traceIDs(containingSpan:)`).
    public func traceIDs(containingSpans ids: Set<SpanID>) throws -> [TraceID] {
        var found = Set<TraceID>()
        for id in ids { found.formUnion(try traceIDs(containingSpan: id)) }
        return found.sorted()
    }

    /// Batches of whole traces in key (import) order, each loaded in a read of its own, so at
    /// most one batch of spans is in memory. O(spans) in all; O(traces) for the key list.
    public func forEachBatch(spans: Int, _ body: (SpanTable) throws -> Void) throws {
        let traces = try read { db in
            try Row.fetchAll(db, sql: "SELECT key, span_count FROM traces ORDER BY key")
                .map { (key: $0[0] as Int64, spans: $0[1] as Int) }
        }
        var batch: [Int64] = []
        var count = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let keys = batch
            let table = try read { db in try Self.load(keys: keys, db) }
            batch.removeAll(keepingCapacity: true)
            count = 0
            try body(table)
        }
        for trace in traces {
            if count > 0, count + trace.spans > spans { try flush() }
            batch.append(trace.key)
            count += trace.spans
        }
        try flush()
    }
}
