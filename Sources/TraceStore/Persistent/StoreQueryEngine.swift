import GRDB
import TraceModel
import TraceQuery

/// Runs queries against the persistent store alone with exactly the in-memory semantics (the
/// store's own answer; composing it with other sources is `TraceWorkspace.Workspace.query`).
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
        let filter = StoredTraceFilter(query)
        let (table, everything) = try store.read { db -> (SpanTable, Bool) in
            guard let keys = try PushdownPlanner(db).traceKeys(filter) else { return (try PersistentStore.loadAll(db), true) }
            return (try PersistentStore.load(keys: Array(keys), db), false)
        }
        return StoreQueryResult(table: table, matches: QueryEngine.run(query, on: table), filter: filter,
                                loadedFromStore: table.traces.count, loadedEverything: everything)
    }
}
