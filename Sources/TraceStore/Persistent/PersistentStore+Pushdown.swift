import GRDB
import TraceModel

/// Hooks for the query pushdown (phase 2): translating literals to store string ids, and
/// running a condition on the `spans` table's indexed columns to get candidate span rows.
///
/// The plan: the query engine splits a query into the predicates on indexed columns
/// (`start_ns`, `duration_ns`, `service_id`, `name_id`, `kind`, `status`) and attribute
/// equality (`trex_attr_sid(attributes, K) = V`, see `StoreFunctions`), runs them here, loads
/// the candidate traces with `loadTraces(containingSpanRows:)` and evaluates the whole query
/// on them in memory, so results are exactly those of the in-memory path.
extension PersistentStore {
    /// The id of a string in the `strings` table, or nil when the store does not hold it (then
    /// no stored span can equal it). O(log strings) through `strings_by_hash`.
    public func stringID(for text: String) throws(StoreError) -> Int64? {
        let utf8 = Array(text.utf8)
        return try read { db in
            try utf8.withUnsafeBufferPointer { bytes in
                let lookup = try RawStatement(db, "SELECT id, value FROM strings WHERE hash = ?")
                lookup.bind(1, StoreStrings.hash(bytes))
                defer { lookup.reset() }
                while try lookup.step() {
                    let candidate = lookup.text(1)
                    if candidate.count == bytes.count, candidate.elementsEqual(bytes) { return lookup.int64(0) }
                }
                return nil
            }
        }
    }

    /// The `spans.id` of every span satisfying an SQL condition on the `spans` table (its
    /// columns and the `trex_attr_*` functions). O(matching rows) with a usable index.
    ///
    /// The partial index on status covers `status <> 0`: include that term (`status = 2 AND
    /// status <> 0`) for SQLite to use it.
    func spanRowIDs(where condition: String, arguments: StatementArguments = StatementArguments()) throws(StoreError)
        -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM spans WHERE \(condition)", arguments: arguments) }
    }
}
