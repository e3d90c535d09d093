import Foundation
import TraceModel
import TraceStore

/// Writes received batches into the store, one at a time, each committed (durable) before its
/// caller hears `.stored`, so a request is acknowledged only once its spans would survive a
/// `kill -9`. At most `maxWaiting` batches wait for the writer; beyond that a caller hears
/// `.busy` at once (the receiver answers 503 or RESOURCE_EXHAUSTED) instead of queueing without
/// bound. Thread-safe: called from any thread.
public final class StoreIngest: @unchecked Sendable {
    private let importer: StoreImporter
    private let queue = DispatchQueue(label: "trex.receiver.store")
    private let lock = NSLock()
    private let maxWaiting: Int
    private var waiting = 0
    private var counts = Counts()
    /// Traces that got spans since the last `takeChanges()`.
    private var changed = Set<TraceID>()

    /// What the receiver took so far.
    public struct Counts: Sendable, Equatable {
        public var requests = 0
        public var spansStored = 0
        public var batchesRefused = 0
        public var failures = 0
    }

    public init(store: PersistentStore, maxWaiting: Int = 64) {
        // Small batches: one request is usually one transaction.
        importer = StoreImporter(store: store, options: .init(batchSpans: 20_000))
        self.maxWaiting = max(1, maxWaiting)
    }

    /// The counts so far.
    public var totals: Counts { lock.withLock { counts } }

    /// Stores a batch, waiting for the commit; `.busy` without waiting when too many wait.
    public func ingest(_ table: SpanTable) -> IngestResult {
        let admitted: Bool = lock.withLock {
            guard waiting < maxWaiting else {
                counts.batchesRefused += 1
                return false
            }
            waiting += 1
            return true
        }
        guard admitted else { return .busy(retryAfter: 1) }
        defer { lock.withLock { waiting -= 1 } }
        var failure: String?
        queue.sync {
            do {
                try importer.add(table)
            } catch {
                failure = "\(error)"
            }
        }
        lock.withLock {
            if failure == nil {
                counts.requests += 1
                counts.spansStored += table.spans.count
                for span in table.spans { changed.insert(span.traceID) }
            } else {
                counts.failures += 1
            }
        }
        return failure.map { .failed($0) } ?? .stored
    }

    /// The traces that got spans (committed) since the last call, and forgets them: what a live
    /// explorer reloads.
    public func takeChanges() -> Set<TraceID> {
        lock.withLock {
            defer { changed = [] }
            return changed
        }
    }

    /// Builds what the importer deferred (indexes, statistics); call when the receiver stops.
    public func finish() throws {
        var failure: Error?
        queue.sync {
            do { try importer.finish() } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
