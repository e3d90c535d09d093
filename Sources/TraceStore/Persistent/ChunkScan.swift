import GRDB

/// Reads every span of the store from `span_chunks`, for the whole-store passes: consistency
/// checks, garbage collection, the migration's checks. O(spans).
enum ChunkScan {
    /// One decoded span: its trace key, id, record and attribute block (valid during the call).
    struct Span {
        var traceKey: Int64
        var id: UInt64
        var record: SpanRecord
        /// The record's bytes (the events and links ranges of `record` point into them).
        var recordBytes: ByteReader
        var attributes: ByteReader
    }

    /// Calls `body` for every stored span, chunk by chunk in row id order (so trace by trace).
    /// Throws `CorruptRow` for a chunk that does not decode.
    static func forEachSpan(_ db: Database, _ body: (Span) throws -> Void) throws {
        let scan = try RawStatement(db, "SELECT id, span_count, base_ns, ids, records, attributes FROM span_chunks ORDER BY id")
        defer { scan.reset() }
        while try scan.step() {
            let key = SpanChunk.traceKey(ofRow: scan.int64(0))
            let base = scan.int64(2)
            try SpanChunk.forEach(ids: scan.blob(3), records: scan.blob(4), attributes: scan.blob(5),
                                  count: Int(scan.int64(1))) { entry in
                var reader = entry.record
                let record = SpanRecord(&reader, base: base)
                guard reader.isValid else { throw CorruptRow(detail: "a span record of trace key \(key) is truncated") }
                try body(Span(traceKey: key, id: entry.id, record: record, recordBytes: reader,
                              attributes: entry.attributes))
            }
        }
    }

    /// Resource row id -> its service's string id, for every stored resource. O(resources).
    static func servicesByResource(_ db: Database) throws -> [Int64: Int64] {
        var services: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, service_id FROM resources") { services[row[0]] = row[1] }
        return services
    }
}
