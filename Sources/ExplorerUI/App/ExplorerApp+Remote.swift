import Foundation
import TerminalCore
import TraceModel
import TraceStore
import TraceWorkspace

/// The explorer over tracing backends (`trex --source`): the feed that searches them and where
/// its search stands.
struct RemoteState {
    let feed: RemoteSearchFeed
    var status: RemoteSearchStatus
    /// The feed was started (it needs the loop's mailbox).
    var started = false
}

extension ExplorerApp {
    /// Whether the workspace has backends the filter searches.
    public var searchesBackends: Bool { remote != nil }

    /// What the searches said that the user should read after exit: each backend's failures
    /// and what decoding skipped.
    public var searchMessages: [String] {
        guard let status = remote?.status else { return [] }
        return status.failures + status.outcomes.flatMap { outcome in
            outcome.warnings + (outcome.unreachable.map { ["\($0) — \(outcome.sentence)"] } ?? [])
        }
    }

    /// Sets up the search of the workspace's backends (when it has any) and starts the opening
    /// one, the filter of the moment's, once background work may run.
    func startRemoteSearch(_ workspace: Workspace, listing: TraceListing) {
        remote?.feed.stop()
        let feed = RemoteSearchFeed(workspace: workspace, listing: listing)
        guard !feed.isEmpty else {
            remote = nil
            return
        }
        remote = RemoteState(feed: feed, status: feed.status)
        startRemoteFeedIfPossible()
    }

    /// Starts the feed and its opening search when the mailbox is known.
    func startRemoteFeedIfPossible() {
        guard let post, var state = remote, !state.started else { return }
        state.started = true
        state.feed.start(post: post)
        if case .ready(let list) = phase { state.feed.search(list.state.filterText) }
        state.status = state.feed.status
        remote = state
    }

    /// The filter changed: the backends are searched for it (the running search stops).
    func remoteFilterChanged() {
        guard let state = remote, state.started, case .ready(let list) = phase else { return }
        state.feed.search(list.state.filterText)
        remote?.status = state.feed.status
    }

    /// Esc on the list while a search runs: stops it, keeping what it found.
    func cancelRemoteSearch() -> Bool {
        guard let state = remote, state.feed.cancel() else { return false }
        remote?.status = state.feed.status
        flash = "Search stopped: \(NumberFormat.count(state.status.found, "trace")) found before it was."
        return true
    }

    /// A search moved on: its status, and the list over the new listing when traces arrived.
    /// A failure is also said in the status line, once.
    func applyRemote(_ update: RemoteSearchUpdate) -> LoopAction {
        guard let state = remote else { return .none }
        // The feed's status, not the message's: a message posted before a cancel must not bring
        // the spinner back.
        let status = state.feed.status
        remote?.status = status
        if let snapshot = update.snapshot, case .ready(let list) = phase {
            // A list the user has not moved in stays at its top as pages arrive.
            let atTop = list.state.cursor.selected == 0
            if var next = adoptListing(snapshot), atTop {
                next.state.cursor.home()
                phase = .ready(next)
            }
        }
        if state.status.running, !status.running, let failure = status.failures.first {
            flash = failure
        }
        if let fetched = update.fetched { finishFetch(fetched) }
        return .redraw
    }

    /// `#` with an id: selects the trace. With backends, a whole id the list does not hold is
    /// fetched in the background and selected when it arrives.
    func goToTraceID(_ text: String) {
        guard case .ready(var list) = phase else { return }
        let typed = text.trimmingCharacters(in: .whitespaces)
        if let remote, typed.count == 16 || typed.count == 32, let id = TraceID(hex: typed), list.indexByID[id] == nil {
            remote.feed.fetch(id, filterText: list.state.filterText)
            flash = "Fetching the trace \(id.shownHex) from \(remote.status.backends.joined(separator: ", "))…"
            return
        }
        let message = list.goToTrace(text)
        if !message.isEmpty { flash = message }
        phase = .ready(list)
    }

    /// Following a link to a trace no search brought: fetched in the background (a request may
    /// take long) and opened when it arrives. False when there is no backend or the workspace
    /// holds the trace.
    func fetchLinkedTrace(_ id: TraceID, span: SpanID, from list: TraceListScreen) -> Bool {
        guard let remote, list.indexByID[id] == nil else { return false }
        pendingLink = (id, span)
        remote.feed.fetch(id, filterText: list.state.filterText)
        flash = "Fetching the linked trace \(id.shownHex) from \(remote.status.backends.joined(separator: ", "))…"
        return true
    }

    /// A fetch by id ended: the linked trace opened, or the trace selected, or why not.
    private func finishFetch(_ fetched: FetchedTrace) {
        guard case .ready(var list) = phase else { return }
        let link = pendingLink?.trace == fetched.id ? pendingLink : nil
        if link != nil { pendingLink = nil }
        if let failure = fetched.failure {
            flash = failure
            return
        }
        if let link {
            // Opened over the waterfall the link was followed from, if it is still showing.
            if let screen = traceScreen { openLinkedTrace(link.trace, span: link.span, from: screen, in: list.workspace) }
            return
        }
        let message = list.goToTrace(fetched.id.shownHex)
        flash = message.isEmpty ? "Fetched the trace \(fetched.id.shownHex)." : message
        phase = .ready(list)
    }

    /// The list over a newer listing (traces arrived from a receiver or a backend): sort,
    /// filter and selection kept, the problem scan restarted over it.
    @discardableResult
    func adoptListing(_ snapshot: LiveSnapshot) -> TraceListScreen? {
        guard case .ready(let list) = phase else { return nil }
        let sameFilter = snapshot.filterText == list.state.filterText
        let next = list.refreshed(with: snapshot.listing, matches: sameFilter ? snapshot.matches : nil)
        // The count a filter reported when applied is out of date: the status line's own is not.
        if next.state.isFiltered, traceScreen == nil { flash = nil }
        phase = .ready(next)
        updatePages()
        restartProblemScan(next)
        return next
    }

    /// The lines above the list's overview: the live line, the search line.
    var listTopLines: Int { (live == nil ? 0 : 1) + (remote == nil ? 0 : 1) }
}
