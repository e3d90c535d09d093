import TerminalCore
import TraceModel
import TraceWorkspace

/// The explorer while a receiver writes into its store (`trex --listen`): what arrived, how
/// fast, and whether the selection follows it.
struct LiveState {
    let source: LiveSource
    var feed: LiveTraceFeed?
    var status: LiveStatus
    /// Traces that arrived and pass the filter, not looked at yet (the "12 new" marker).
    var unseen: [TraceID] = []
    /// The selection moves to each trace as it arrives.
    var following = false
    /// The open waterfall's trace got spans while a panel or the JSON was open: it is
    /// analysed again once they close.
    var openTraceStale = false

    init(source: LiveSource) {
        self.source = source
        status = LiveStatus(endpoints: source.endpoints)
    }
}

extension ExplorerApp {
    /// Listens: the app shows `source`'s traces as they arrive, from the workspace loading
    /// gives it (call before loading ends).
    public func receiveLive(_ source: LiveSource) {
        live = LiveState(source: source)
    }

    /// Whether the app is live (it then stays open on an empty store).
    public var isLive: Bool { live != nil }

    /// Starts the live feed over a workspace (when loading ends).
    func startLiveFeed(_ workspace: Workspace) {
        guard var state = live else { return }
        state.feed?.stop()
        let feed = LiveTraceFeed(workspace: workspace, source: state.source)
        state.feed = feed
        live = state
        if let post { feed.start(post: post) }
    }

    /// Spans arrived: the list over the new listing (selection kept, filter applied), the
    /// marker of unseen traces or, when following, the newest selected; the open waterfall
    /// analysed again when its trace changed.
    func applyLive(_ snapshot: LiveSnapshot) -> LoopAction {
        guard var state = live, case .ready(let list) = phase else { return .none }
        let arrived = snapshot.changed.filter { list.indexByID[$0] == nil }
        guard var next = adoptListing(snapshot) else { return .none }
        // Newest last, as the listing orders them (by start).
        let shownArrivals = next.listing.summaries.lazy.map(\.traceID).filter { arrived.contains($0) && next.isShown($0) }
        if state.following, traceScreen == nil, let newest = shownArrivals.last {
            next.select(trace: newest)
            state.unseen = []
        } else {
            state.unseen = (state.unseen + shownArrivals).filter(next.isShown)
        }
        phase = .ready(next)
        if let screen = traceScreen, snapshot.changed.contains(screen.trace.id) { state.openTraceStale = true }
        live = state
        refreshOpenTraceIfStale()
        return .redraw
    }

    /// Analyses the open trace again when it got spans and nothing derived from it is open.
    func refreshOpenTraceIfStale() {
        guard live?.openTraceStale == true, let screen = traceScreen, screen.panel == nil, screen.raw == nil,
              case .ready(let list) = phase else { return }
        live?.openTraceStale = false
        guard let subject = try? list.workspace.analysisSubject(screen.trace.id) else { return }
        traceScreen = screen.reloaded(with: subject)
        updatePages()
    }

    /// `n`: selects the first unseen trace (in the list's order), all of them seen then.
    func jumpToNewTraces() -> LoopAction {
        guard var state = live else {
            flash = "Not receiving: start trex with --listen to watch traces arrive."
            return .redraw
        }
        guard case .ready(var list) = phase, !state.unseen.isEmpty else {
            flash = "No new traces."
            return .redraw
        }
        let unseen = Set(state.unseen)
        let rows = list.state.rows
        if let row = rows.firstIndex(where: { unseen.contains(list.traceID(at: $0)) }) {
            list.state.cursor.select(row)
            flash = "\(NumberFormat.count(unseen.count, "new trace")) from here."
        }
        state.unseen = []
        live = state
        phase = .ready(list)
        return .redraw
    }

    /// `f`: follow arriving traces on or off.
    func toggleFollowing() -> LoopAction {
        guard var state = live else {
            flash = "Not receiving: start trex with --listen to follow arriving traces."
            return .redraw
        }
        state.following.toggle()
        if state.following, case .ready(var list) = phase {
            if let newest = state.unseen.last ?? list.listing.summaries.last?.traceID, list.select(trace: newest) {
                phase = .ready(list)
            }
            state.unseen = []
        }
        flash = state.following ? "Following new traces: the newest is selected as it arrives (f stops)."
            : "Not following: new traces are counted at the top (n jumps to them)."
        live = state
        return .redraw
    }

    /// The filter the list shows changed: the live feed matches arrivals against it from now
    /// on, and the backends are searched for it.
    func liveFilterChanged() {
        guard case .ready(let list) = phase else { return }
        live?.feed?.setFilter(list.state.filterText)
        remoteFilterChanged()
    }
}
