import Foundation
import Synchronization
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// Reads the filter's vocabulary off the loop's thread: the names once loading ends (the local
/// sample's posted first, then again with the backends' as they may be slow), and the values of
/// a field when a Tab asks (backends are network calls). Each job runs on a thread of its own
/// and posts what it found; a stopped lookup posts nothing more.
final class CompletionLookup: Sendable {
    let workspace: Workspace
    private let post: @Sendable (AppMessage) -> Void
    private let stopped = Atomic(false)

    init(workspace: Workspace, post: @escaping @Sendable (AppMessage) -> Void) {
        self.workspace = workspace
        self.post = post
    }

    /// Whether values come from the network (the workspace has a backend), so a Tab waits.
    var asksBackends: Bool { !workspace.searchableSources.isEmpty }

    func stop() { stopped.store(true, ordering: .relaxed) }

    /// Loads the names: the local vocabulary, then (with backends) the backends' names added.
    func loadNames(listing: TraceListing) {
        run { [self] in
            let local = workspace.localVocabulary(listing: listing)
            deliver(.completionNames(local))
            guard asksBackends else { return }
            deliver(.completionNames(workspace.addingBackendNames(to: local)))
        }
    }

    /// Asks the values of a field, `local` first.
    func loadValues(of field: Field, local: FilterVocabulary) {
        run { [self] in deliver(.completionValues(workspace.completionValues(of: field, local: local))) }
    }

    private func deliver(_ message: AppMessage) {
        if !stopped.load(ordering: .relaxed) { post(message) }
    }

    private func run(_ job: @escaping @Sendable () -> Void) {
        let thread = Thread { job() }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
