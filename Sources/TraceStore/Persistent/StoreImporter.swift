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
            let batch = try writeBatch(next..<end, of: table, mapping: &mapping)
            tableTotals = tableTotals + batch
            totals = totals + batch
            progress?(totals)
            next = end
        }
        return tableTotals
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

    private func writeBatch(_ traces: Range<Int>, of table: SpanTable,
                            mapping: inout SourceMapping) throws(StoreError) -> ImportTotals {
        var batch = ImportTotals()
        var committedSeq: Int64 = 0
        do {
            try store.write { db in
                try synchronize(db, mapping: &mapping)
                try strings.attach(db)
                defer { strings.detach() }
                var writer = try TraceWriter(db, now: WallClock.nowNanos())
                let stringsBefore = strings.insertedCount
                for index in traces {
                    let outcome = try writer.write(table.trace(at: index), mapping: &mapping, resources: resources)
                    if outcome.created { batch.tracesCreated += 1 } else if outcome.changedSpans > 0 { batch.tracesUpdated += 1 }
                    batch.traces += 1
                    batch.spansRead += Int(table.traces[index].spanCount)
                    batch.spansWritten += outcome.changedSpans
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
            mapping.invalidate()
            lastWriteSeq = nil
            lastGCGeneration = nil
            throw error
        }
        lastWriteSeq = committedSeq
        indexesSettled = indexesSettled || pendingIndexesSettled
        batch.batches = 1
        return batch
    }

    /// Brings the caches up to date with the store at the start of a write transaction.
    private func synchronize(_ db: Database, mapping: inout SourceMapping) throws {
        let state = try Row.fetchOne(db, sql: "SELECT write_seq, gc_generation FROM store_state")
        let seq: Int64 = state?[0] ?? 0
        let gc: Int64 = state?[1] ?? 0
        if lastGCGeneration != gc {
            // Strings, resources or scopes may have been deleted since the caches were filled.
            strings.reset()
            resources.reset()
            mapping.invalidate()
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
    }

    /// True when two spans of the trace share a span id. O(n log n).
    static func hasRepeatedSpanIDs(_ trace: Trace) -> Bool {
        guard trace.spanCount > 1 else { return false }
        let ids = trace.spans.map(\.spanID.rawValue).sorted()
        for i in 1..<ids.count where ids[i] == ids[i - 1] { return true }
        return false
    }
}
