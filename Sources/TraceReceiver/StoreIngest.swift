import Foundation
import TraceModel
import TraceStore

/// Writes received batches into the store, each committed (durable) before its caller hears
/// `.stored`, so a request is acknowledged only once its spans would survive a `kill -9`.
///
/// Group commit: one writer thread takes every batch waiting when it is free (up to
/// `groupSpans` spans) and commits them in one transaction, so concurrent requests share a
/// commit instead of queueing for one each. At most `maxWaiting` batches wait; beyond that a
/// caller hears `.busy` at once (the receiver answers 503 or RESOURCE_EXHAUSTED) instead of
/// queueing without bound. Thread-safe: called from any thread; a caller blocks until its
/// batch is committed.
public final class StoreIngest: @unchecked Sendable {
    private let importer: StoreImporter
    private let queue = DispatchQueue(label: "trex.receiver.store")
    private let lock = NSLock()
    private let maxWaiting: Int
    /// Batches admitted and not answered yet (waiting or being written).
    private var waiting = 0
    /// Batches waiting for the writer, in arrival order.
    private var pending: [Ticket] = []
    private var writerRunning = false
    private var counts = Counts()
    /// Traces that got spans since the last `takeChanges()`.
    private var changed = Set<TraceID>()

    /// The most spans one group commit takes (a larger batch is committed on its own).
    static let groupSpans = 16_384

    /// What the receiver took so far.
    public struct Counts: Sendable, Equatable {
        public var requests = 0
        public var spansStored = 0
        /// Spans requests carried that were invalid (no trace or span id), answered as rejected.
        public var spansRejected = 0
        public var batchesRefused = 0
        public var failures = 0
        /// Transactions committed (fewer than requests when they were grouped).
        public var commits = 0
    }

    /// One caller's batch and, once written, its outcome.
    private final class Ticket: @unchecked Sendable {
        let table: SpanTable
        let rejected: Int
        let done = DispatchSemaphore(value: 0)
        var result: IngestResult = .stored
        init(_ table: SpanTable, rejected: Int) {
            self.table = table
            self.rejected = rejected
        }
    }

    public init(store: PersistentStore, maxWaiting: Int = 64) {
        importer = StoreImporter(store: store, options: .init(batchSpans: 20_000))
        self.maxWaiting = max(1, maxWaiting)
    }

    /// The counts so far.
    public var totals: Counts { lock.withLock { counts } }

    /// Stores a request's spans, waiting for their commit; `.busy` without waiting when too many
    /// wait. `rejected` counts the request's invalid spans (nothing to store).
    public func ingest(_ table: SpanTable, rejected: Int = 0) -> IngestResult {
        guard !table.spans.isEmpty else {
            lock.withLock { counts.spansRejected += rejected }
            return .stored
        }
        let ticket = Ticket(table, rejected: rejected)
        let (admitted, startWriter): (Bool, Bool) = lock.withLock {
            guard waiting < maxWaiting else {
                counts.batchesRefused += 1
                return (false, false)
            }
            waiting += 1
            pending.append(ticket)
            defer { writerRunning = true }
            return (true, !writerRunning)
        }
        guard admitted else { return .busy(retryAfter: 1) }
        if startWriter { queue.async { self.writeWhilePending() } }
        ticket.done.wait()
        return ticket.result
    }

    /// The writer: commits what waits, group by group, until nothing does.
    private func writeWhilePending() {
        while let group = takeGroup() {
            var failure: String?
            do {
                if group.count == 1 { try importer.add(group[0].table) } else { try importer.add(together: group.map(\.table)) }
            } catch {
                failure = "\(error)"
            }
            lock.withLock {
                waiting -= group.count
                if failure == nil {
                    counts.commits += 1
                    for ticket in group {
                        counts.requests += 1
                        counts.spansStored += ticket.table.spans.count
                        counts.spansRejected += ticket.rejected
                        for span in ticket.table.spans { changed.insert(span.traceID) }
                    }
                } else {
                    counts.failures += group.count
                }
            }
            for ticket in group {
                if let failure { ticket.result = .failed(failure) }
                ticket.done.signal()
            }
        }
    }

    /// The batches waiting, up to `groupSpans` spans (at least one); nil, and the writer
    /// marked stopped, when none waits.
    private func takeGroup() -> [Ticket]? {
        lock.withLock {
            guard !pending.isEmpty else {
                writerRunning = false
                return nil
            }
            var spans = 0
            var count = 0
            while count < pending.count, count == 0 || spans + pending[count].table.spans.count <= Self.groupSpans {
                spans += pending[count].table.spans.count
                count += 1
            }
            let group = Array(pending.prefix(count))
            pending.removeFirst(count)
            return group
        }
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
