import GRDB
import TraceModel

/// Imports `SpanTable`s into a `PersistentStore`, one committed batch of whole traces at a time.
///
/// - Idempotent: spans are keyed by (trace id, span id); a span stored with identical content
///   (compared as encoded bytes) is not written again, so importing the same data twice changes
///   nothing.
/// - Merging: spans of a trace that is already stored join it (in its span chunks), and the
///   trace's summary and facets are recomputed from all of its stored spans (`TraceWriter`).
/// - Crash-safe: each batch (whole traces, their spans, strings, resources and summaries) is one
///   SQLite transaction, so a killed import leaves every committed batch and nothing of the
///   rest; at every commit each summary matches its spans.
///
/// Not thread-safe: use one importer from one thread (other importers and readers, in this
/// process or others, may run at the same time).
public final class StoreImporter {
    public struct Options: Sendable {
        /// A batch closes after the trace that brings it to this many spans (a trace is never
        /// split across batches).
        public var batchSpans: Int
        /// Preload the store's strings when it has at most `StoreStrings.preloadLimit` (faster
        /// imports); when false, unknown strings are looked up one by one.
        public var preloadStrings: Bool

        /// Drop the secondary indexes for the duration of the import and build them again in
        /// `finish()`: faster when the import is at least as large as the store already is;
        /// readers meanwhile fall back to scans. See `StoreIndexes`.
        public var deferIndexes: Bool
        /// SQLite's page cache for the writer connection, in KiB.
        public var cacheKiB: Int
        /// Pages the write-ahead log may hold before it is copied back into the database file.
        public var checkpointPages: Int

        public init(batchSpans: Int = 50_000, preloadStrings: Bool = true, deferIndexes: Bool = false,
                    cacheKiB: Int = 256 * 1024, checkpointPages: Int = 16_384) {
            self.batchSpans = max(1, batchSpans)
            self.preloadStrings = preloadStrings
            self.deferIndexes = deferIndexes
            self.cacheKiB = max(2_048, cacheKiB)
            self.checkpointPages = max(1_000, checkpointPages)
        }
    }

    public let store: PersistentStore
    public let options: Options
    /// Everything imported through this importer so far.
    public private(set) var totals = ImportTotals()

    private let strings = StoreStrings()
    private let resources = StoreResources()
    /// `store_state.write_seq` after our last commit: when it differs at the next batch, another
    /// writer committed in between.
    private var lastWriteSeq: Int64?
    private var lastGCGeneration: Int64?
    /// Whether this session dropped (deferring) or restored (not deferring) the secondary
    /// indexes yet; set once the batch that did it committed.
    private var indexesSettled = false
    private var pendingIndexesSettled = false

    public init(store: PersistentStore, options: Options = Options()) {
        self.store = store
        self.options = options
    }

    /// Imports every trace of a table. O(spans) SQLite upserts, in batches.
    ///
    /// - Parameter progress: called after each committed batch with the totals so far.
    /// - Returns: what this table contributed.
    @discardableResult
    public func add(_ table: SpanTable, progress: ((ImportTotals) -> Void)? = nil) throws(StoreError) -> ImportTotals {
        var mapping = SourceMapping(table: table, strings: strings)
        var tableTotals = ImportTotals()
        var next = 0
        while next < table.traces.count {
            var end = next
            var spans = 0
            while end < table.traces.count, spans < options.batchSpans {
                spans += Int(table.traces[end].spanCount)
                end += 1
            }
            var parts = [BatchPart(table: table, traces: next..<end, mapping: mapping)]
            let batch = try writeBatch(&parts)
            mapping = parts[0].mapping
            tableTotals = tableTotals + batch
            totals = totals + batch
            progress?(totals)
            next = end
        }
        return tableTotals
    }

    /// Imports several tables in one transaction, all or nothing: the group commit of a
    /// receiver, whose requests that waited together are committed together (one commit
    /// instead of one each). Meant for tables of at most a few `batchSpans`: they are never
    /// split. O(spans) SQLite upserts.
    @discardableResult
    public func add(together tables: [SpanTable]) throws(StoreError) -> ImportTotals {
        var parts = tables.map { BatchPart(table: $0, traces: 0..<$0.traces.count, mapping: SourceMapping(table: $0, strings: strings)) }
        let batch = try writeBatch(&parts)
        totals = totals + batch
        return batch
    }

    /// Ends the import: builds the indexes it deferred (or any an interrupted import left
    /// missing), then refreshes the query planner's statistics (a sampled `ANALYZE`,
    /// milliseconds): the indexes on (service, duration) and (kind, name, duration) answer
    /// duration-only and name-only lookups by skip-scan, which SQLite chooses only when it
    /// knows the leading columns have few distinct values.
    public func finish() throws(StoreError) {
        try store.ensureIndexes()
        try store.analyze()
    }

    // MARK: - Batches

    /// Some traces of one table, with the table's string and resource mapping into the store.
    struct BatchPart {
        let table: SpanTable
        let traces: Range<Int>
        var mapping: SourceMapping
    }

    /// Writes the parts' traces in one transaction.
    private func writeBatch(_ parts: inout [BatchPart]) throws(StoreError) -> ImportTotals {
        var batch = ImportTotals()
        var committedSeq: Int64 = 0
        do {
            try store.write { db in
                if try synchronize(db) {
                    for i in parts.indices { parts[i].mapping.invalidate() }
                }
                try strings.attach(db)
                defer { strings.detach() }
                var writer = try TraceWriter(db, now: WallClock.nowNanos())
                let stringsBefore = strings.insertedCount
                for i in parts.indices {
                    let table = parts[i].table
                    for index in parts[i].traces {
                        let outcome = try writer.write(table.trace(at: index), mapping: &parts[i].mapping, resources: resources)
                        if outcome.created { batch.tracesCreated += 1 } else if outcome.changedSpans > 0 { batch.tracesUpdated += 1 }
                        batch.traces += 1
                        batch.spansRead += Int(table.traces[index].spanCount)
                        batch.spansWritten += outcome.changedSpans
                    }
                }
                // A batch that changed nothing leaves no trace, not even in the bookkeeping.
                if batch.spansWritten > 0 || batch.tracesCreated > 0 || strings.insertedCount != stringsBefore {
                    try db.execute(sql: "UPDATE store_state SET write_seq = write_seq + 1")
                }
                committedSeq = try Int64.fetchOne(db, sql: "SELECT write_seq FROM store_state") ?? 0
            }
        } catch {
            // The transaction rolled back: ids cached during it may not exist.
            strings.reset()
            resources.reset()
            for i in parts.indices { parts[i].mapping.invalidate() }
            lastWriteSeq = nil
            lastGCGeneration = nil
            throw error
        }
        lastWriteSeq = committedSeq
        indexesSettled = indexesSettled || pendingIndexesSettled
        batch.batches = 1
        return batch
    }

    /// Brings the caches up to date with the store at the start of a write transaction; true
    /// when they were emptied (every source mapping must then be invalidated).
    private func synchronize(_ db: Database) throws -> Bool {
        var emptied = false
        let state = try Row.fetchOne(db, sql: "SELECT write_seq, gc_generation FROM store_state")
        let seq: Int64 = state?[0] ?? 0
        let gc: Int64 = state?[1] ?? 0
        if lastGCGeneration != gc {
            // Strings, resources or scopes may have been deleted since the caches were filled.
            strings.reset()
            resources.reset()
            emptied = true
            lastGCGeneration = gc
            lastWriteSeq = nil
        }
        if !resources.isLoaded {
            // Index inserts land all over large B-trees: keep them in memory between commits,
            // and let the log grow before copying it back into the file.
            try db.execute(sql: "PRAGMA cache_size = -\(options.cacheKiB)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(options.checkpointPages)")
        }
        if !indexesSettled {
            // Committed with this batch: a rollback puts things back as they were.
            if options.deferIndexes { try StoreIndexes.drop(db) } else { try StoreIndexes.create(db) }
            pendingIndexesSettled = true
        }
        if lastWriteSeq != seq || !resources.isLoaded {
            try strings.catchUp(db, allowPreload: options.preloadStrings)
            try resources.reload(db)
        }
        return emptied
    }

    /// True when two spans of the trace share a span id. O(n log n).
    static func hasRepeatedSpanIDs(_ trace: Trace) -> Bool {
        guard trace.spanCount > 1 else { return false }
        let ids = trace.spans.map(\.spanID.rawValue).sorted()
        for i in 1..<ids.count where ids[i] == ids[i - 1] { return true }
        return false
    }
}
