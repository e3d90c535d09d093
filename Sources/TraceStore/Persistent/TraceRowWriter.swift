import GRDB
import TraceModel

/// Reads and writes rows of the `traces` table during an import.
struct TraceRowWriter {
    private let lookup: RawStatement
    private let insert: RawStatement
    private let update: RawStatement
    private let db: Database
    private let now: Int64

    init(_ db: Database, now: Int64) throws {
        self.db = db
        self.now = now
        lookup = try RawStatement(db, "SELECT key FROM traces WHERE trace_id = ?")
        insert = try RawStatement(db, """
            INSERT INTO traces (trace_id, start_ns, end_ns, duration_ns, span_count, error_count, root_index,
                single_root, root_service_id, root_name_id, services, updated_ns, last_start_ns)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """)
        update = try RawStatement(db, """
            UPDATE traces SET start_ns = ?2, end_ns = ?3, duration_ns = ?4, span_count = ?5, error_count = ?6,
                root_index = ?7, single_root = ?8, root_service_id = ?9, root_name_id = ?10, services = ?11,
                updated_ns = ?12, last_start_ns = ?13
            WHERE key = ?1
            """)
    }

    /// The stored key of a trace, or nil when the store does not have it. O(log traces).
    func key(of id: TraceID) throws -> Int64? {
        lookup.bind(1, blob: id.bytes)
        defer { lookup.reset() }
        return try lookup.step() ? lookup.int64(0) : nil
    }

    /// Adds a trace with its summary and returns its key.
    func insert(_ id: TraceID, _ summary: StoredSummary) throws -> Int64 {
        insert.bind(1, blob: id.bytes)
        bind(insert, summary)
        try insert.run()
        return db.lastInsertedRowID
    }

    /// Replaces the summary of a stored trace.
    func update(key: Int64, _ summary: StoredSummary) throws {
        update.bind(1, key)
        bind(update, summary)
        try update.run()
    }

    private func bind(_ s: RawStatement, _ summary: StoredSummary) {
        s.bind(2, summary.start)
        s.bind(3, summary.end)
        s.bind(4, summary.end &- summary.start)
        s.bind(5, summary.spanCount)
        s.bind(6, summary.errorCount)
        s.bind(7, summary.rootIndex)
        s.bind(8, summary.hasSingleRoot ? 1 : 0)
        s.bind(9, summary.rootService)
        s.bind(10, summary.rootName)
        s.bind(11, blob: summary.servicesBlob)
        s.bind(12, now)
        s.bind(13, summary.lastStart)
    }
}
