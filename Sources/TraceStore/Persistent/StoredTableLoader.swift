import GRDB
import TraceModel

/// Rebuilds spans from store rows into a `SpanTableBuilder`, so everything that works on an
/// in-memory `SpanTable` (list, show, analysis, the explorer, the query engine) works on stored
/// traces unchanged. Valid inside one read block.
struct StoredTableLoader {
    static let columns = """
        trace_key, span_id, parent_id, start_ns, duration_ns, name_id, kind, status, status_message_id,
        trace_state_id, flags, markers, dropped_attributes, dropped_events, dropped_links, resource_id, scope_id,
        attributes, events, links
        """

    private(set) var builder = SpanTableBuilder()
    private var strings: StoreStringLoader
    private var resources: [Int64: UInt32] = [:]
    private var scopes: [Int64: UInt32] = [:]
    /// trace key -> trace id, for the traces being loaded.
    private var traceIDs: [Int64: TraceID] = [:]
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        strings = try StoreStringLoader(db)
    }

    /// Interns every stored string up front (worth it when loading most of the store).
    mutating func preloadStrings() throws {
        try strings.preloadAll(db, into: &builder)
    }

    /// Loads the whole store. O(spans).
    mutating func loadAll() throws {
        try registerTraces(sql: "SELECT key, trace_id FROM traces")
        let scan = try RawStatement(db, "SELECT \(Self.columns) FROM spans")
        defer { scan.reset() }
        while try scan.step() { try appendSpan(scan) }
    }

    /// Loads the traces with the given keys (unknown keys are skipped). O(their spans · log n).
    ///
    /// Two passes over the traces' rows: the first only collects the string ids they use, so the
    /// strings are fetched in id order (neighbouring B-tree pages) rather than in the random order
    /// spans mention them; the second, on rows now in SQLite's cache, builds the spans.
    mutating func load(keys: [Int64]) throws {
        let idOf = try RawStatement(db, "SELECT trace_id FROM traces WHERE key = ?")
        var wanted: [Int64] = []
        for key in Set(keys).sorted() where traceIDs[key] == nil {
            idOf.bind(1, key)
            let found = try idOf.step()
            let id = found ? Self.traceID(idOf.blob(0)) : nil
            idOf.reset()
            guard let id else { continue }
            traceIDs[key] = id
            wanted.append(key)
        }
        let spans = try RawStatement(db, "SELECT \(Self.columns) FROM spans WHERE trace_key = ?")
        if wanted.count > 1 {
            var used = Set<Int64>()
            for key in wanted {
                spans.bind(1, key)
                defer { spans.reset() }
                while try spans.step() { Self.collectStrings(spans, into: &used) }
            }
            try strings.prefetch(used.sorted(), into: &builder)
        }
        for key in wanted {
            spans.bind(1, key)
            defer { spans.reset() }
            while try spans.step() { try appendSpan(spans) }
        }
    }

    /// The string ids a span row refers to (its name, status message, trace state and blobs).
    private static func collectStrings(_ row: RawStatement, into used: inout Set<Int64>) {
        for column: Int32 in [5, 8, 9] { used.insert(row.int64(column)) }
        StringReferenceScan.attributeBlock(row.blob(17)) { used.insert(Int64(bitPattern: $0)) }
        StringReferenceScan.events(row.blob(18)) { used.insert(Int64(bitPattern: $0)) }
        StringReferenceScan.links(row.blob(19)) { used.insert(Int64(bitPattern: $0)) }
    }

    /// The table of everything loaded. O(n log n).
    mutating func finish() -> SpanTable { builder.finish() }

    // MARK: - Rows

    /// Registers the traces a query returns as (key, trace_id) rows.
    private mutating func registerTraces(sql: String) throws {
        let rows = try RawStatement(db, sql)
        defer { rows.reset() }
        while try rows.step() {
            guard let id = Self.traceID(rows.blob(1)) else { throw CorruptRow(detail: "a trace id is not 16 bytes") }
            traceIDs[rows.int64(0)] = id
        }
    }

    static func traceID(_ blob: UnsafeRawBufferPointer?) -> TraceID? {
        guard let blob, blob.count == 16 else { return nil }
        return TraceID(bytes: blob)
    }

    private mutating func appendSpan(_ row: RawStatement) throws {
        guard let traceID = traceIDs[row.int64(0)] else { return }
        let start = Timestamp(unixNanos: row.int64(3))
        let resource = try resourceIndex(row.int64(15))
        let scope = try scopeIndex(row.int64(16))
        let attributes = try AttributeDecoding.decode(row.blob(17), into: &builder, strings: &strings)
        let events = try EventLinkEncoding.decodeEvents(row.blob(18), spanStart: start, into: &builder, strings: &strings)
        let links = try EventLinkEncoding.decodeLinks(row.blob(19), traceID: traceID, into: &builder, strings: &strings)
        let span = Span(
            traceID: traceID, spanID: SpanID(UInt64(bitPattern: row.int64(1))),
            parentSpanID: SpanID(UInt64(bitPattern: row.int64(2))),
            name: try strings.builderID(row.int64(5), in: &builder),
            kind: SpanKind(rawValue: UInt8(truncatingIfNeeded: row.int64(6))) ?? .unspecified,
            start: start, end: Timestamp(unixNanos: start.unixNanos &+ row.int64(4)),
            resource: resource, scope: scope,
            status: StatusCode(rawValue: UInt8(truncatingIfNeeded: row.int64(7))) ?? .unset,
            statusMessage: try strings.builderID(row.int64(8), in: &builder),
            traceState: try strings.builderID(row.int64(9), in: &builder),
            attributes: attributes, events: events, links: links,
            droppedAttributesCount: UInt32(truncatingIfNeeded: row.int64(12)),
            droppedEventsCount: UInt32(truncatingIfNeeded: row.int64(13)),
            droppedLinksCount: UInt32(truncatingIfNeeded: row.int64(14)),
            flags: UInt32(truncatingIfNeeded: row.int64(10)),
            markers: SpanMarkers(rawValue: UInt16(truncatingIfNeeded: row.int64(11))))
        builder.append(span)
    }

    private mutating func resourceIndex(_ id: Int64) throws -> UInt32 {
        if let index = resources[id] { return index }
        let row = try RawStatement(db, "SELECT schema_url_id, dropped_attributes, attributes FROM resources WHERE id = ?")
        row.bind(1, id)
        defer { row.reset() }
        guard try row.step() else { throw CorruptRow(detail: "a span refers to resource \(id), which is missing") }
        let schemaURL = try strings.builderID(row.int64(0), in: &builder)
        let attributes = try AttributeDecoding.decode(row.blob(2), into: &builder, strings: &strings)
        let index = builder.addResource(attributes: attributes, droppedAttributesCount: UInt32(truncatingIfNeeded: row.int64(1)),
                                        schemaURL: schemaURL)
        resources[id] = index
        return index
    }

    private mutating func scopeIndex(_ id: Int64) throws -> UInt32 {
        if let index = scopes[id] { return index }
        let row = try RawStatement(db, """
            SELECT name_id, version_id, schema_url_id, dropped_attributes, attributes FROM scopes WHERE id = ?
            """)
        row.bind(1, id)
        defer { row.reset() }
        guard try row.step() else { throw CorruptRow(detail: "a span refers to scope \(id), which is missing") }
        let name = try strings.builderID(row.int64(0), in: &builder)
        let version = try strings.builderID(row.int64(1), in: &builder)
        let schemaURL = try strings.builderID(row.int64(2), in: &builder)
        let attributes = try AttributeDecoding.decode(row.blob(4), into: &builder, strings: &strings)
        let index = builder.addScope(InstrumentationScope(
            name: name, version: version, attributes: attributes,
            droppedAttributesCount: UInt32(truncatingIfNeeded: row.int64(3)), schemaURL: schemaURL))
        scopes[id] = index
        return index
    }
}
