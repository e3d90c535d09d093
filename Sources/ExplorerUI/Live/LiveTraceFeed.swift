import Foundation
import Synchronization
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// Where live spans come from, as the explorer sees it: what `trex --listen` wires to its
/// receiver (`StoreIngest`), so the explorer knows nothing of OTLP.
public struct LiveSource: Sendable {
    /// `grpc 127.0.0.1:4317`, `http 127.0.0.1:4318`.
    public var endpoints: [String]
    /// The traces stored since the last call (and forgets them).
    public var takeChanges: @Sendable () -> Set<TraceID>
    /// Spans stored and requests refused (busy or failed) so far.
    public var counts: @Sendable () -> (stored: Int, refused: Int)

    public init(endpoints: [String], takeChanges: @escaping @Sendable () -> Set<TraceID>,
                counts: @escaping @Sendable () -> (stored: Int, refused: Int)) {
        self.endpoints = endpoints
        self.takeChanges = takeChanges
        self.counts = counts
    }
}

/// Watches a live source from a background thread, so that ingest never waits for the screen
/// nor the screen for ingest: every `interval` it posts the receiver's status and, when spans
/// arrived, a `LiveSnapshot`: the workspace's listing read again, the changed traces' problems
/// forgotten (`Workspace.tracesChanged`), and the filter of the moment run on it.
public final class LiveTraceFeed: Sendable {
    public let workspace: Workspace
    public let source: LiveSource
    let interval: Duration
    private let state = Mutex(State())

    private struct State {
        var filterText = ""
        var started = false
        var stopped = false
        /// (seconds since start, spans stored) samples of the last few seconds, for the rate.
        var samples: [(Double, Int)] = []
    }

    /// Seconds the rate is averaged over.
    static let rateWindow = 5.0
    private let origin = ContinuousClock.now

    public init(workspace: Workspace, source: LiveSource, interval: Duration = .milliseconds(500)) {
        self.workspace = workspace
        self.source = source
        self.interval = interval
    }

    /// The filter the list shows now: later snapshots carry its matches.
    public func setFilter(_ text: String) { state.withLock { $0.filterText = text } }

    /// Starts the thread (once).
    public func start(post: @escaping @Sendable (AppMessage) -> Void) {
        let first = state.withLock { s in
            defer { s.started = true }
            return !s.started
        }
        guard first else { return }
        let thread = Thread { [self] in
            while !state.withLock({ $0.stopped }) {
                Thread.sleep(forTimeInterval: Self.seconds(interval))
                post(.liveStatus(status()))
                if let snapshot = poll() { post(.liveTraces(snapshot)) }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func stop() { state.withLock { $0.stopped = true } }

    /// The receiver's status now: endpoints, the rate over the last `rateWindow` seconds.
    public func status() -> LiveStatus {
        let counts = source.counts()
        let now = Self.seconds(ContinuousClock.now - origin)
        let rate: Double = state.withLock { s in
            s.samples.append((now, counts.stored))
            s.samples.removeAll { now - $0.0 > Self.rateWindow }
            guard let first = s.samples.first, now - first.0 > 0.1 else { return 0 }
            return Double(counts.stored - first.1) / (now - first.0)
        }
        return LiveStatus(endpoints: source.endpoints, spansPerSecond: rate, spansReceived: counts.stored,
                          refused: counts.refused)
    }

    /// What changed since the last call, nil when nothing did (the thread's step; tests call
    /// it directly). A listing or query that fails is skipped until the next change.
    public func poll() -> LiveSnapshot? {
        let changed = source.takeChanges()
        guard !changed.isEmpty, let listing = try? workspace.listing() else { return nil }
        workspace.tracesChanged(changed, listing: listing)
        let filterText = state.withLock { $0.filterText }
        var snapshot = LiveSnapshot(listing: listing, changed: changed, filterText: filterText)
        if filterText.isEmpty {
            snapshot.matches = [:]
        } else if case .success(let query) = Query.result(filterText), !query.isMetrics {
            snapshot.matches = (try? workspace.query(query))?.matchedSpanCounts
        }
        return snapshot
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
