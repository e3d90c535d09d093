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
