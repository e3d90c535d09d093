import Foundation
import Synchronization
import TraceModel

/// Finds the problems of every listed trace on a background thread, the traces on screen
/// first, so that the trace list's marks fill in without ever slowing a keypress.
///
/// The list hands over its visible trace ids with `prioritize(_:)` whenever they change;
/// the thread takes those first, then goes down the list in order. What it finds lands in
/// the workspace (`Workspace.knownProblems(of:)`), where the list and the filter read it.
/// `notify` runs on the scan's thread after each chunk (at most every 100 ms, and at once
/// after the traces on screen) and at the end.
public final class ProblemScan: Sendable {
    public let workspace: Workspace
    private let order: [TraceID]
    private let state = Mutex(State())

    private struct State {
        var priority: [TraceID] = []
        var next = 0
        var started = false
        var stopped = false
        var finished = false
        var failure: String?
    }

    /// Traces analysed per step: small enough that the screen's traces jump the queue at once.
    static let chunk = 64

    /// - Parameter order: the trace ids in the order to go through them (the list's).
    public init(workspace: Workspace, order: [TraceID]) {
        self.workspace = workspace
        self.order = order
    }

    /// True once every trace's problems are known (or the scan stopped on an error).
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Why the scan stopped early, if a source could not be read.
    public var failure: String? { state.withLock { $0.failure } }

    /// The traces to do next (the rows on screen); replaces the previous request.
    public func prioritize(_ ids: [TraceID]) {
        let missing = ids.filter { workspace.knownProblems(of: $0) == nil }
        state.withLock { $0.priority = missing }
    }

    /// Starts the background thread (once: later calls do nothing).
    public func start(notify: @escaping @Sendable () -> Void) {
        let first = state.withLock { s in
            defer { s.started = true }
            return !s.started
        }
        guard first else { return }
        let thread = Thread { [self] in runToEnd(notify: notify) }
        thread.stackSize = 8 << 20
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Stops the thread after its current chunk.
    public func stop() { state.withLock { $0.stopped = true } }

    /// Does the whole scan on the calling thread (what `start` runs; tests call it directly).
    public func runToEnd(notify: @Sendable () -> Void = {}) {
        var lastNotice = ContinuousClock.now
        while let (ids, urgent) = takeChunk() {
            do {
                _ = try workspace.problems(of: ids)
            } catch {
                state.withLock { $0.failure = "\(error)"; $0.finished = true }
                notify()
                return
            }
            let now = ContinuousClock.now
            if urgent || now - lastNotice >= .milliseconds(100) {
                lastNotice = now
                notify()
            }
        }
        state.withLock { $0.finished = true }
        notify()
    }

    /// The next traces whose problems are unknown: the priority ones first. Nil when done or
    /// stopped.
    private func takeChunk() -> ([TraceID], urgent: Bool)? {
        state.withLock { s in
            if s.stopped { return nil }
            if !s.priority.isEmpty {
                let ids = Array(s.priority.prefix(Self.chunk))
                s.priority.removeFirst(ids.count)
                return (ids, true)
            }
            var ids: [TraceID] = []
            while s.next < order.count, ids.count < Self.chunk {
                let id = order[s.next]
                s.next += 1
                if workspace.knownProblems(of: id) == nil { ids.append(id) }
            }
            return ids.isEmpty ? nil : (ids, false)
        }
    }
}
