import GRDB

/// Writes and deletes a trace's `facets` rows inside an import or prune transaction.
struct FacetWriter {
    private let insert: RawStatement
    private let delete: RawStatement

    init(_ db: Database) throws {
        insert = try RawStatement(db, """
            INSERT INTO facets (trace_key, field, value, spans, min_duration_ns, max_duration_ns)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        delete = try RawStatement(db, "DELETE FROM facets WHERE trace_key = ?")
    }

    /// Adds the facet rows of a trace that has none yet. O(groups · log n).
    func insert(traceKey: Int64, _ facets: TraceFacets) throws {
        for (key, g) in facets.groups {
            insert.bind(1, traceKey)
            insert.bind(2, key >> 56)
            insert.bind(3, key & ((1 << 56) - 1))
            insert.bind(4, g.spans)
            insert.bind(5, g.minDuration)
            insert.bind(6, g.maxDuration)
            try insert.run()
        }
    }

    /// Replaces the facet rows of a trace.
    func replace(traceKey: Int64, _ facets: TraceFacets) throws {
        try deleteAll(traceKey: traceKey)
        try insert(traceKey: traceKey, facets)
    }

    /// Deletes every facet row of a trace (a range of the primary key).
    func deleteAll(traceKey: Int64) throws {
        delete.bind(1, traceKey)
        try delete.run()
    }
}
