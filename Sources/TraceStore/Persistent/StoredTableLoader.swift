import GRDB
import TraceModel

/// Rebuilds spans from store rows into a `SpanTableBuilder`, so everything that works on an
/// in-memory `SpanTable` (list, show, analysis, the explorer, the query engine) works on stored
/// traces unchanged. Valid inside one read block.
struct StoredTableLoader {
    static let columns = "id, span_count, base_ns, ids, records, attributes"

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
        let rows = try RawStatement(db, "SELECT key, trace_id FROM traces")
        while try rows.step() {
            guard let id = Self.traceID(rows.blob(1)) else { throw CorruptRow(detail: "a trace id is not 16 bytes") }
            traceIDs[rows.int64(0)] = id
        }
        rows.reset()
        let scan = try RawStatement(db, "SELECT \(Self.columns) FROM span_chunks")
        defer { scan.reset() }
        while try scan.step() { try appendChunk(scan) }
        try loadWrittenIDs()
    }

    /// The written text of the loaded traces' non-hex ids (`SpanTable.writtenTraceIDs`).
    /// O(rows of written_trace_ids), which only non-hex ids have.
    private mutating func loadWrittenIDs() throws {
        let rows = try RawStatement(db, "SELECT trace_key, text FROM written_trace_ids")
        defer { rows.reset() }
        while try rows.step() {
            if let id = traceIDs[rows.int64(0)] { builder.writtenTraceIDs[id] = String(decoding: rows.text(1), as: UTF8.self) }
        }
    }

    /// Loads the traces with the given keys (unknown keys are skipped). O(their spans · log n).
    ///
    /// Two passes over the traces' chunks: the first only collects the string ids they use, so
    /// the strings are fetched in id order (neighbouring B-tree pages) rather than in the random
    /// order spans mention them; the second, on rows now in SQLite's cache, builds the spans.
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
        let chunks = try RawStatement(db, "SELECT \(Self.columns) FROM span_chunks WHERE id BETWEEN ?1 AND ?2")
        if wanted.count > 1 {
            var used = Set<Int64>()
            for key in wanted {
                try forEachChunk(of: key, chunks) { try Self.collectStrings(chunks, into: &used) }
            }
            try strings.prefetch(used.sorted(), into: &builder)
        }
        for key in wanted {
            try forEachChunk(of: key, chunks) { try appendChunk(chunks) }
        }
        if !wanted.isEmpty { try loadWrittenIDs() }
    }

    private func forEachChunk(of key: Int64, _ statement: RawStatement, _ body: () throws -> Void) throws {
        let range = SpanChunk.rowIDs(traceKey: key)
        statement.bind(1, range.lowerBound)
        statement.bind(2, range.upperBound)
        defer { statement.reset() }
        while try statement.step() { try body() }
    }

    /// The dictionary string ids a chunk row refers to (names, status messages, trace states,
    /// attribute blocks, events and links).
    private static func collectStrings(_ row: RawStatement, into used: inout Set<Int64>) throws {
        let base = row.int64(2)
        try SpanChunk.forEach(ids: row.blob(3), records: row.blob(4), attributes: row.blob(5),
                              count: Int(row.int64(1))) { entry in
            var reader = entry.record
            let r = SpanRecord(&reader, base: base)
            used.insert(r.nameID)
            used.insert(r.statusMessageID)
            used.insert(r.traceStateID)
            StringReferenceScan.events(reader.slice(r.events)) { used.insert(Int64(bitPattern: $0)) }
            StringReferenceScan.links(reader.slice(r.links)) { used.insert(Int64(bitPattern: $0)) }
            StringReferenceScan.attributeBlock(entry.attributes.slice) { used.insert(Int64(bitPattern: $0)) }
        }
    }

    /// The table of everything loaded. O(n log n).
    mutating func finish() -> SpanTable { builder.finish() }

    // MARK: - Rows

    static func traceID(_ blob: UnsafeRawBufferPointer?) -> TraceID? {
        guard let blob, blob.count == 16 else { return nil }
        return TraceID(bytes: blob)
    }

    /// Appends every span of the chunk row the statement is on.
    private mutating func appendChunk(_ row: RawStatement) throws {
        guard let traceID = traceIDs[SpanChunk.traceKey(ofRow: row.int64(0))] else { return }
        let base = row.int64(2)
        try SpanChunk.forEach(ids: row.blob(3), records: row.blob(4), attributes: row.blob(5),
                              count: Int(row.int64(1))) { entry in
            var reader = entry.record
            let r = SpanRecord(&reader, base: base)
            guard reader.isValid else { throw CorruptRow(detail: "a span record is truncated") }
            try appendSpan(r, id: entry.id, traceID: traceID, record: reader, attributes: entry.attributes)
        }
    }

    private mutating func appendSpan(_ r: SpanRecord, id: UInt64, traceID: TraceID, record: ByteReader,
                                     attributes: ByteReader) throws {
        let resource = try resourceIndex(r.resourceID)
        let scope = try scopeIndex(r.scopeID)
        let span = try r.span(id: id, traceID: traceID, record: record, attributes: attributes,
                              resource: resource, scope: scope, into: &builder, strings: &strings)
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
