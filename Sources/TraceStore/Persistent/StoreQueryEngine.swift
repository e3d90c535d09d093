import GRDB
import TraceModel
import TraceQuery

/// Runs queries against the persistent store with exactly the in-memory semantics.
///
/// 1. `StoredTraceFilter(query)` extracts what every match implies (indexed fields per
///    spanset, trace-level fields, attribute equalities);
/// 2. `PushdownPlanner` turns it into candidate traces through the `traces` table, the
///    `facets_by_value` index and `trex_chunk_match` on attribute blocks;
/// 3. the candidates are loaded whole into a `SpanTable` and `QueryEngine` evaluates the full
///    query there.
///
/// Steps 2 and 3 read one snapshot. Since candidates are a superset of the matches and each
/// candidate is a complete trace, the result equals the in-memory engine's on the same data.
public enum StoreQueryEngine {
    /// Runs a query on the store. O(index entries + attribute bytes scanned + spans of the
    /// candidates); a query with nothing to push down loads the whole store.
    public static func run(_ query: Query, on store: PersistentStore) throws(StoreError) -> StoreQueryResult {
        try run(query, on: store, merging: nil)
    }

    /// Runs a query on the store's traces together with traces held in memory (files), as if
    /// all had been loaded together: a trace present in both is merged span by span (see
    /// `SpanTable.merging`). The store's copies of the in-memory traces are loaded too, whatever the
    /// filter says, so such a trace is evaluated whole.
    public static func run(_ query: Query, on store: PersistentStore,
                           merging files: SpanTable?) throws(StoreError) -> StoreQueryResult {
        let filter = StoredTraceFilter(query)
        let (stored, count, everything) = try store.read { db -> (SpanTable, Int, Bool) in
            guard var keys = try PushdownPlanner(db).traceKeys(filter) else {
                let all = try PersistentStore.loadAll(db)
                return (all, all.traces.count, true)
            }
            if let files { keys.formUnion(try PersistentStore.traceKeys(ids: files.traces.map(\.traceID), db)) }
            let table = try PersistentStore.load(keys: Array(keys), db)
            return (table, table.traces.count, false)
        }
        let table = files.map { SpanTable.merging([$0, stored].filter { !$0.spans.isEmpty }) } ?? stored
        return StoreQueryResult(table: table, matches: QueryEngine.run(query, on: table), filter: filter,
                                loadedFromStore: count, loadedEverything: everything)
    }
}
