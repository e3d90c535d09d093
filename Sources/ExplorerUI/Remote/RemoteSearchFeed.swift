import Foundation
import Synchronization
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// Searches the workspace's backends (`SearchableSource`) from background threads, so the
/// screen never waits for the network: each filter the list applies starts a search for it
/// (`search(_:)`), which cancels the one running; each page that arrives is posted as an
/// update (the listing read again, the new traces' neighbours' problems forgotten, the filter's
/// matches), and every tenth of a second while it runs the status moves the spinner.
///
/// Cancelling stops a search before its next request; what it found stays.
public final class RemoteSearchFeed: Sendable {
    public let workspace: Workspace
    let sources: [any SearchableSource]
    private let state: Mutex<State>
    private let origin = ContinuousClock.now

    private struct State {
        var status: RemoteSearchStatus
        /// Raised by every new search and by `cancel`: a search whose number is older stops.
        var generation = 0
        var started = ContinuousClock.now
        var stopped = false
        var post: (@Sendable (AppMessage) -> Void)?
        /// The trace ids listed at the last update, to tell which arrived.
        var listed: Set<TraceID> = []
    }

    /// A feed over a workspace whose listing is `listing` now.
    public init(workspace: Workspace, listing: TraceListing) {
        self.workspace = workspace
        sources = workspace.sources.compactMap { $0 as? any SearchableSource }
        var initial = State(status: RemoteSearchStatus(backends: sources.map(\.backendName)))
        initial.listed = Set(listing.summaries.map(\.traceID))
        state = Mutex(initial)
    }

    /// Whether the workspace has a backend to search.
    public var isEmpty: Bool { sources.isEmpty }

    public var status: RemoteSearchStatus { state.withLock { $0.status } }

    /// Where updates go (the loop's mailbox); the ticker that moves the spinner starts here.
    public func start(post: @escaping @Sendable (AppMessage) -> Void) {
        state.withLock { $0.post = post }
        let thread = Thread { [self] in
            while !state.withLock({ $0.stopped }) {
                Thread.sleep(forTimeInterval: 0.1)
                let update: RemoteSearchStatus? = state.withLock { s in
                    guard s.status.running else { return nil }
                    s.status.seconds = Self.seconds(ContinuousClock.now - s.started)
                    return s.status
                }
                if let update { post(.remoteSearch(RemoteSearchUpdate(status: update))) }
            }
        }
        thread.start()
    }

    public func stop() {
        state.withLock {
            $0.stopped = true
            $0.generation += 1
        }
    }

    /// Stops the running search (Esc); true when one was running.
    @discardableResult
    public func cancel() -> Bool {
        state.withLock { s in
            guard s.status.running else { return false }
            s.generation += 1
            s.status.running = false
            s.status.cancelled = true
            return true
        }
    }

    /// Searches every backend for a filter ("" for none), on a thread of its own. A filter that
    /// does not parse is not searched (the list says what is wrong with it).
    public func search(_ filterText: String) {
        guard !sources.isEmpty else { return }
        var query: Query?
        if !filterText.isEmpty {
            guard case .success(let parsed) = Query.result(filterText) else { return }
            query = parsed
        }
        let generation = state.withLock { s in
            s.generation += 1
            s.started = ContinuousClock.now
            s.status = RemoteSearchStatus(backends: s.status.backends)
            s.status.filterText = filterText
            s.status.running = true
            return s.generation
        }
        let thread = Thread { [self, query] in run(query, filterText: filterText, generation: generation) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The search itself: each backend in turn, an update after each page and at the end.
    /// Runs on the caller's thread (tests call it directly).
    func run(_ query: Query?, filterText: String, generation: Int) {
        let isCancelled = { @Sendable [self] in state.withLock { $0.generation != generation || $0.stopped } }
        var foundBefore = 0
        for source in sources {
            if isCancelled() { return }
            do {
                let outcome = try source.search(for: query, progress: { found in
                    let current = state.withLock { s in
                        guard s.generation == generation else { return false }
                        s.status.found = foundBefore + found
                        return true
                    }
                    if current { publish(filterText: filterText, generation: generation) }
                }, isCancelled: isCancelled)
                foundBefore += max(outcome.found, outcome.fromCache)
                state.withLock { s in
                    guard s.generation == generation else { return }
                    s.status.outcomes.append(outcome)
                    s.status.cancelled = outcome.cancelled
                }
            } catch {
                state.withLock { s in
                    guard s.generation == generation else { return }
                    s.status.failures.append("\(source.backendName): \(error)")
                }
            }
        }
        let finished = state.withLock { s -> Bool in
            guard s.generation == generation else { return false }
            s.status.running = false
            s.status.seconds = Self.seconds(ContinuousClock.now - s.started)
            return true
        }
        if finished { publish(filterText: filterText, generation: generation) }
    }

    /// Fetches a trace by id from the backends (in the background: a request may take long),
    /// then posts the listing with it and whether it was found.
    public func fetch(_ id: TraceID, filterText: String) {
        let thread = Thread { [self] in
            var failure: String? = "no backend has the trace \(id.shownHex)"
            for source in sources {
                do {
                    if case .success = try source.findTrace(id.shownHex) {
                        failure = nil
                        break
                    }
                } catch {
                    failure = "\(source.backendName): \(error)"
                }
            }
            publish(filterText: filterText, generation: nil, fetched: FetchedTrace(id: id, failure: failure))
        }
        thread.start()
    }

    /// Posts the status, with the listing when traces arrived since the last update.
    private func publish(filterText: String, generation: Int?, fetched: FetchedTrace? = nil) {
        guard let listing = try? workspace.listing() else { return }
        let ids = Set(listing.summaries.map(\.traceID))
        let (post, arrived, status): ((@Sendable (AppMessage) -> Void)?, Set<TraceID>, RemoteSearchStatus) = state.withLock { s in
            s.status.seconds = Self.seconds(ContinuousClock.now - s.started)
            let arrived = ids.subtracting(s.listed)
            s.listed = ids
            return (s.post, arrived, s.status)
        }
        var update = RemoteSearchUpdate(status: status, fetched: fetched)
        if !arrived.isEmpty {
            workspace.tracesChanged(arrived, listing: listing)
            var snapshot = LiveSnapshot(listing: listing, changed: arrived, filterText: filterText)
            if filterText.isEmpty {
                snapshot.matches = [:]
            } else if case .success(let query) = Query.result(filterText), !query.isMetrics {
                snapshot.matches = (try? workspace.query(query))?.matchedSpanCounts
            }
            update.snapshot = snapshot
        }
        post?(.remoteSearch(update))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
