import GRDB
import TraceModel

/// The query pushdown's entry points on the store: string lookups, and the candidate traces of
/// a `StoredTraceFilter` (see `PushdownPlanner`; `StoreQueryEngine` runs whole queries).
extension PersistentStore {
    /// The id of a string in the `strings` table, or nil when the store does not hold it (then
    /// no stored span can equal it). O(log strings) through `strings_by_hash`.
    public func stringID(for text: String) throws(StoreError) -> Int64? {
        try read { db in try StringResolver(db).id(for: text) }
    }

    /// The ids of the traces a filter lets through, in trace id order, or nil when it accepts
    /// every trace. A superset of the traces that satisfy it exactly (see `StoredTraceFilter`).
    /// O(index entries read + attribute bytes scanned).
    public func candidateTraces(_ filter: StoredTraceFilter) throws(StoreError) -> [TraceID]? {
        try read { db in
            guard let keys = try PushdownPlanner(db).traceKeys(filter) else { return nil }
            return try Self.traceIDs(keys: keys, db).sorted()
        }
    }

    /// The trace ids of some trace keys (unknown keys are skipped). O(keys · log traces).
    static func traceIDs(keys: Set<Int64>, _ db: Database) throws -> [TraceID] {
        let idOf = try RawStatement(db, "SELECT trace_id FROM traces WHERE key = ?")
        var ids: [TraceID] = []
        for key in keys {
            idOf.bind(1, key)
            if try idOf.step(), let id = StoredTableLoader.traceID(idOf.blob(0)) { ids.append(id) }
            idOf.reset()
        }
        return ids
    }

    /// The keys of the stored traces among some trace ids. O(ids · log traces).
    static func traceKeys(ids: [TraceID], _ db: Database) throws -> [Int64] {
        let keyOf = try RawStatement(db, "SELECT key FROM traces WHERE trace_id = ?")
        var keys: [Int64] = []
        for id in ids {
            keyOf.bind(1, blob: id.bytes)
            if try keyOf.step() { keys.append(keyOf.int64(0)) }
            keyOf.reset()
        }
        return keys
    }
}

extension PersistentStore {
    /// Every stored trace id, in order. O(traces), from the trace id index.
    public func traceIDs() throws(StoreError) -> [TraceID] {
        try read { db in
            let scan = try RawStatement(db, "SELECT trace_id FROM traces ORDER BY trace_id")
            defer { scan.reset() }
            var ids: [TraceID] = []
            while try scan.step() {
                if let id = StoredTableLoader.traceID(scan.blob(0)) { ids.append(id) }
            }
            return ids
        }
    }

    /// The stored traces that hold a span with this id, in order. O(spans): a scan of every
    /// chunk's span ids (8 bytes a span) inside SQLite, for the rare lookups by span id (the
    /// analysis of a trace with orphans looks for their missing parents in other traces).
    public func traceIDs(containingSpan id: SpanID) throws(StoreError) -> [TraceID] {
        try read { db in
            let keys = try Int64.fetchAll(db, sql: "SELECT id FROM span_chunks WHERE trex_chunk_has_span(ids, ?)",
                                          arguments: [Int64(bitPattern: id.rawValue)])
            return try Self.traceIDs(keys: Set(keys.map(SpanChunk.traceKey(ofRow:))), db).sorted()
        }
    }
}

extension PersistentStore {
    /// The ids of the traces that overlap a time window, from the summaries alone.
    /// O(log traces + traces listed).
    public func traceIDs(overlapping window: ClosedRange<Timestamp>) throws(StoreError) -> [TraceID] {
        try read { db in
            let keys = try Int64.fetchAll(db, sql: "SELECT key FROM traces WHERE start_ns <= ? AND end_ns >= ?",
                                          arguments: [window.upperBound.unixNanos, window.lowerBound.unixNanos])
            return try Self.traceIDs(keys: Set(keys), db).sorted()
        }
    }
}
