import GRDB
import TraceModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Store maintenance: statistics, pruning old traces, exporting.
extension PersistentStore {
    /// What a prune removed.
    public struct PruneResult: Sendable, Hashable {
        public var traces = 0
        public var spans = 0
        public var strings = 0
        public var resources = 0
        public var scopes = 0
        public var bytesBefore = 0
        public var bytesAfter = 0
    }

    /// Counts, time range, services and sizes. O(facets) for the per-service counts (an index
    /// scan), O(1) or O(traces) for the rest.
    public func info() throws(StoreError) -> StoreInfo {
        let (fileBytes, _) = Self.fileBytes(path)
        return try read { db in
            let counts = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM traces), (SELECT coalesce(sum(span_count), 0) FROM traces),
                       (SELECT count(*) FROM strings), (SELECT count(*) FROM resources), (SELECT count(*) FROM scopes),
                       (SELECT min(start_ns) FROM traces), (SELECT max(end_ns) FROM traces),
                       (SELECT max(updated_ns) FROM traces), (SELECT created_ns FROM store_state)
                """)!
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            let freePages = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let services = try Row.fetchAll(db, sql: """
                SELECT strings.value, counts.n FROM
                    (SELECT value AS service_id, sum(spans) AS n FROM facets WHERE field = 0 GROUP BY value) AS counts
                    JOIN strings ON strings.id = counts.service_id
                ORDER BY counts.n DESC, strings.value
                """).map { StoreInfo.ServiceSpans(name: $0[0], spans: $0[1]) }
            let earliest: Int64? = counts[5]
            let latest: Int64? = counts[6]
            let lastImport: Int64? = counts[7]
            return StoreInfo(
                path: path, fileBytes: fileBytes, freeBytes: freePages * pageSize,
                schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                traceCount: counts[0], spanCount: counts[1], stringCount: counts[2], resourceCount: counts[3],
                scopeCount: counts[4],
                timeRange: earliest.flatMap { e in latest.map { Timestamp(unixNanos: e)...Timestamp(unixNanos: max(e, $0)) } },
                services: services, created: Timestamp(unixNanos: counts[8]),
                lastImport: lastImport.map { Timestamp(unixNanos: $0) }, missingIndexes: try StoreIndexes.missing(db))
        }
    }

    /// The number of stored spans, from the trace summaries. O(traces).
    public func spanCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT coalesce(sum(span_count), 0) FROM traces") ?? 0 }
    }

    /// Deletes the traces that started before `cutoff`, with their spans. See `prune(keys:)`.
    public func prune(olderThan cutoff: Timestamp) throws(StoreError) -> PruneResult {
        let keys = try read { db in
            try Int64.fetchAll(db, sql: "SELECT key FROM traces WHERE start_ns < ? ORDER BY start_ns",
                               arguments: [cutoff.unixNanos])
        }
        return try prune(keys: keys)
    }

    /// Keeps the `count` traces that started last and deletes the others. See `prune(keys:)`.
    public func prune(keepLast count: Int) throws(StoreError) -> PruneResult {
        let keys = try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT key FROM traces ORDER BY start_ns DESC, trace_id DESC LIMIT -1 OFFSET ?
                """, arguments: [max(0, count)])
        }
        return try prune(keys: keys)
    }

    /// Deletes traces with all their spans, 1,000 traces per transaction (each commit leaves a
    /// consistent store), then the strings, resources and scopes nothing refers to any more,
    /// and gives free pages back to the file system (incremental vacuum, WAL checkpoint).
    /// O(deleted spans · log n) plus one O(store) scan when anything was deleted.
    func prune(keys: [Int64]) throws(StoreError) -> PruneResult {
        var result = PruneResult()
        result.bytesBefore = Self.fileBytes(path).total
        var start = 0
        while start < keys.count {
            let chunk = keys[start..<min(keys.count, start + 1_000)]
            try write { db in
                let spans = try RawStatement(db, "SELECT coalesce(sum(span_count), 0) FROM span_chunks WHERE id BETWEEN ?1 AND ?2")
                let chunks = try RawStatement(db, "DELETE FROM span_chunks WHERE id BETWEEN ?1 AND ?2")
                let facets = try FacetWriter(db)
                let traces = try RawStatement(db, "DELETE FROM traces WHERE key = ?")
                let written = try RawStatement(db, "DELETE FROM written_trace_ids WHERE trace_key = ?")
                for key in chunk {
                    let rows = SpanChunk.rowIDs(traceKey: key)
                    for s in [spans, chunks] {
                        s.bind(1, rows.lowerBound)
                        s.bind(2, rows.upperBound)
                    }
                    if try spans.step() { result.spans += Int(spans.int64(0)) }
                    spans.reset()
                    try chunks.run()
                    try facets.deleteAll(traceKey: key)
                    written.bind(1, key)
                    try written.run()
                    traces.bind(1, key)
                    try traces.run()
                    result.traces += db.changesCount
                }
            }
            start += chunk.count
        }
        if result.traces > 0 {
            let collected = try write { db in try StoreGarbageCollector.collect(db) }
            result.strings = collected.strings
            result.resources = collected.resources
            result.scopes = collected.scopes
            try compact()
        }
        result.bytesAfter = Self.fileBytes(path).total
        return result
    }

    /// Refreshes the planner's statistics from a sample of each index (`PRAGMA
    /// analysis_limit`), so it takes milliseconds even on a large store.
    public func analyze() throws(StoreError) {
        try writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA analysis_limit = 2000")
            try db.execute(sql: "ANALYZE")
        }
    }

    /// Returns free pages to the file system and empties the write-ahead log into the file.
    public func compact() throws(StoreError) {
        try writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA incremental_vacuum")
            // Copy the log into the file and empty it; best effort: wait at most a second for
            // readers of older snapshots (the explorer) rather than the usual minute.
            try db.execute(sql: "PRAGMA busy_timeout = 1000")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = 60000") }
            _ = try? db.checkpoint(.truncate)
        }
    }

    /// The database file's size plus its WAL's, and the main file's alone.
    static func fileBytes(_ path: String) -> (total: Int, main: Int) {
        func size(_ p: String) -> Int {
            var info = stat()
            return stat(p, &info) == 0 ? Int(info.st_size) : 0
        }
        let main = size(path)
        return (main + size(path + "-wal"), main)
    }
}
