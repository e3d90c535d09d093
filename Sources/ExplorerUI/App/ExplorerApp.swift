import TerminalCore
import TraceModel
import TraceStore
import TraceWorkspace

/// The explorer: which screen is showing, what overlays are open, and how input changes them.
///
/// Views never draw themselves in response to input: `handle` updates state and says whether
/// to redraw; `render` draws the current state into a frame (the loop flushes it).
public final class ExplorerApp {
    enum Phase {
        case loading(LoadProgress)
        case ready(TraceListScreen)
    }

    var phase: Phase
    /// The open trace, above the list.
    var traceScreen: WaterfallScreen?
    /// The service map, above the list or the trace it was opened from.
    var serviceMap: ServiceMapScreen?
    /// The statistics, above the list or the trace they were opened from.
    var statistics: StatisticsScreen?
    /// The instrumentation lint, above the list or the trace it was opened from.
    var lint: LintScreen?
    /// The sampling what-if, above the list or the trace it was opened from.
    var sampling: SamplingScreen?
    /// The trace compare, above the list or the trace it was opened from.
    var compare: CompareScreen?
    /// The trace `x` marked as A for `=`.
    var markedForCompare: TraceID?
    /// The windows last typed at the statistics' `w` prompt, offered again.
    var lastWrittenWindows = ""
    /// The latency plot, above the list or the trace it was opened from.
    var latency: LatencyScreen? { didSet { if let latency { latencyLook = (latency.scale, latency.heatmap) } } }
    /// How the latency plot was last shown, to show it so again.
    var latencyLook = (scale: DurationScale.logarithmic, heatmap: false)
    /// The terminal draws ASCII only (as of the last frame): views laid out with their own
    /// glyphs (the service map's labels) follow it.
    var asciiOnly = false
    var help: HelpOverlay?
    /// Where Esc and q go back to after a jump (a link, the parent, an origin, the bottleneck):
    /// the waterfall as it was, its trace, selection, scroll and folds. Emptied when the list
    /// is reached.
    var backStack: [WaterfallScreen] = []
    static let backStackLimit = 100
    var filterBar: FilterBar?
    var history: FilterHistory
    /// A one-line message in the status line until the next key.
    var flash: String?
    var report: LoadReport?
    public let theme: Theme
    /// The terminal's size, for page sizes (set before the loop starts and on every resize).
    public var screenSize = Size(width: 120, height: 40) { didSet { updatePages() } }
    /// Text the user asked to copy; the terminal driver takes it and sends it (OSC 52).
    public private(set) var clipboardRequest: String?
    /// Finds every listed trace's problems, the rows on screen first (`ProblemScan`).
    public private(set) var problemScan: ProblemScan?
    /// Where background work reports back (the loop's mailbox), once `startBackgroundWork`
    /// gave it. Until then nothing runs in the background (tests call
    /// `problemScan.runToEnd()` to do the scan on their own thread).
    var post: (@Sendable (AppMessage) -> Void)?
    /// Live (`receiveLive`): what arrives, how fast, following or not; nil otherwise.
    var live: LiveState?
    /// Backends to search (`trex --source`): the feed and where its search stands; nil otherwise.
    var remote: RemoteState?
    /// A linked trace being fetched from a backend, opened (at its span) when it arrives.
    var pendingLink: (trace: TraceID, span: SpanID)?
    /// The filter's completion: its vocabulary and the values asked for (`ExplorerApp+Completion`).
    var completion = CompletionState()

    public init(theme: Theme, historyPath: String?) {
        self.theme = theme
        history = FilterHistory(path: historyPath)
        phase = .loading(LoadProgress())
    }

    /// Opens directly on traces in memory (tests, benchmarks).
    public convenience init(catalog: TraceCatalog, report: LoadReport, theme: Theme = .standard, historyPath: String? = nil) {
        self.init(workspace: Workspace(sources: [catalog]), listing: catalog.traceListing(overlapping: nil), report: report,
                  theme: theme, historyPath: historyPath)
    }

    /// Opens directly on a workspace whose listing is at hand.
    public convenience init(workspace: Workspace, listing: TraceListing, report: LoadReport, theme: Theme = .standard,
                            historyPath: String? = nil) {
        self.init(theme: theme, historyPath: historyPath)
        finishLoading(workspace, listing, report)
    }

    /// The trace list's sort column (nil while loading).
    public var sortColumn: TraceListSort.Column? {
        if case .ready(let list) = phase { list.state.sort.column } else { nil }
    }

    /// The keymap of whatever has the keys now.
    var activeKeymap: Keymap {
        if compare != nil { return Keymaps.compare }
        if latency != nil { return Keymaps.latency }
        if serviceMap != nil { return Keymaps.serviceMap }
        if statistics != nil { return Keymaps.statistics }
        if lint != nil { return Keymaps.lint }
        if sampling != nil { return Keymaps.sampling }
        if let traceScreen { return traceScreen.keymap }
        return Keymaps.traceList
    }

    // MARK: - Events

    public func handle(_ event: LoopEvent<AppMessage>) -> LoopAction {
        switch event {
        case .message(.progress(let progress)):
            if case .loading = phase { phase = .loading(progress) }
            return .redraw
        case .message(.loaded(let workspace, let listing, let report)):
            finishLoading(workspace, listing, report)
            return .redraw
        case .message(.problemsFound):
            if problemScan?.isFinished == true, case .ready(var list) = phase {
                list.problemsChanged()
                phase = .ready(list)
                // The provisional-order note is out of date now.
                if flash?.hasPrefix(Self.provisionalOrderPrefix) == true { flash = nil }
            }
            return traceScreen == nil ? .redraw : .none
        case .message(.liveTraces(let snapshot)):
            return applyLive(snapshot)
        case .message(.liveStatus(let status)):
            guard live != nil else { return .none }
            live?.status = status
            return .redraw
        case .message(.remoteSearch(let update)):
            return applyRemote(update)
        case .message(.completionNames(let vocabulary)):
            return applyCompletionNames(vocabulary)
        case .message(.completionValues(let values)):
            return applyCompletionValues(values)
        case .input(.key(let key)):
            defer { prioritizeVisibleRows() }
            return handle(key)
        case .input(.mouse(let mouse)) where mouse.action == .release && latency == nil:
            return .none   // only the latency plot drags
        case .input(.mouse(let mouse)):
            defer { prioritizeVisibleRows() }
            flash = nil
            return handle(mouse)
        case .input(.resize(let size)):
            screenSize = size
            prioritizeVisibleRows()
            return .redraw
        case .input(.resumed):
            return .redraw
        case .input(.interrupt), .tick:
            return .none
        }
    }

    private func finishLoading(_ workspace: Workspace, _ listing: TraceListing, _ report: LoadReport) {
        self.report = report
        let list = TraceListScreen(workspace: workspace, listing: listing)
        phase = .ready(list)
        updatePages()
        restartProblemScan(list)
        startLiveFeed(workspace)
        startRemoteSearch(workspace, listing: listing)
        startCompletion(workspace, listing: listing)
        if report.spansSkipped > 0 || !report.messages.isEmpty {
            flash = "\(NumberFormat.count(report.messages.count, "warning")) while loading"
                + (report.spansSkipped > 0 ? " (\(NumberFormat.count(report.spansSkipped, "span")) skipped)" : "")
                + "; printed when trex exits."
        }
    }

    func handle(_ key: Key) -> LoopAction {
        flash = nil
        if filterBar != nil { return handleFilterKey(key) }
        if help != nil { return handleHelpKey(key) }
        guard case .ready = phase else {
            return key == .char("q") || key == .escape ? .quit : .none
        }
        guard let command = activeKeymap.command(for: key) else { return .none }
        return perform(command)
    }

    /// Does what a command of the active keymap does, from a key or the mouse.
    func perform(_ command: Command) -> LoopAction {
        guard case .ready(var list) = phase else { return .none }
        switch command {
        case .help:
            help = HelpOverlay(keymap: activeKeymap)
            return .redraw
        case .redraw:
            return .repaint
        case .quit where compare != nil, .back where compare != nil:
            compare = nil
            return .redraw
        case _ where compare != nil:
            return performInCompare(command)
        case .markForCompare:
            return markForCompare()
        case .compareWithMarked:
            return compareWithMarked()
        case .compareWithBaseline:
            return compareWithBaseline()
        case .back where latency?.anchor != nil:
            latency?.dropRectangle()
            return .redraw
        case .quit where latency != nil, .back where latency != nil, .openLatency where latency != nil:
            latency = nil
            return .redraw
        case _ where latency != nil:
            return performInLatency(command)
        case .quit where serviceMap != nil, .back where serviceMap != nil, .openServiceMap where serviceMap != nil:
            serviceMap = nil
            return .redraw
        case _ where serviceMap != nil:
            return performInServiceMap(command)
        case .quit where statistics != nil, .back where statistics != nil, .openStatistics where statistics != nil:
            statistics = nil
            return .redraw
        case _ where statistics != nil:
            return performInStatistics(command)
        case .quit where lint != nil, .back where lint != nil, .openLint where lint != nil:
            lint = nil
            return .redraw
        case _ where lint != nil:
            return performInLint(command)
        case .quit where sampling != nil, .back where sampling != nil, .openSampling where sampling != nil:
            sampling = nil
            return .redraw
        case _ where sampling != nil:
            return performInSampling(command)
        case .openLint:
            return openLint()
        case .openSampling:
            return openSampling()
        case .openStatistics:
            return openStatistics()
        case .openServiceMap:
            return openServiceMap()
        case .openLatency:
            return openLatency()
        case .jumpToNew where traceScreen == nil:
            return jumpToNewTraces()
        case .toggleFollow where traceScreen == nil:
            return toggleFollowing()
        case .quit, .back:
            if traceScreen?.raw != nil || traceScreen?.panel != nil {
                if traceScreen?.raw != nil { traceScreen?.raw = nil } else { traceScreen?.panel = nil }
                refreshOpenTraceIfStale()
                return .redraw
            }
            if traceScreen != nil {
                if command == .back, traceScreen?.closeInnerState() == true { return .redraw }
                if let previous = backStack.popLast() {
                    let sameTrace = previous.trace.id == traceScreen?.trace.id
                    traceScreen = previous
                    updatePages()
                    if !sameTrace { flash = "Back to trace \(previous.trace.shownID)." }
                    return .redraw
                }
                traceScreen = nil
                backStack.removeAll()
                return .redraw
            }
            if command == .back, cancelRemoteSearch() { return .redraw }
            return command == .quit ? .quit : .none
        default:
            break
        }
        if var screen = traceScreen {
            let before = screen
            let effect = screen.perform(command)
            // A jump, or Enter in a panel: the place before it goes on the back stack.
            if Self.jumps.contains(command) || before.panel != nil, screen.selectedSpan != before.selectedSpan {
                var from = before
                from.panel = nil
                pushBack(from)
            }
            traceScreen = screen
            updatePages()
            refreshOpenTraceIfStale()
            switch effect {
            case .openFilter: openFilter(initial: screen.filterText, prompt: "find spans")
            case .openRawSearch(let last):
                filterBar = FilterBar(initial: last, prompt: Self.rawSearchPrompt, history: [], isQuery: false)
            case .flash(let message): flash = message
            case .copy(let text):
                clipboardRequest = text
                flash = "Copied \(text.count > 40 ? String(text.prefix(40)) + "…" : text)"
            case .openTrace(let traceID, let spanID):
                // A backend's trace the workspace does not hold is fetched in the background.
                if fetchLinkedTrace(traceID, span: spanID, from: list) { break }
                openLinkedTrace(traceID, span: spanID, from: screen, in: list.workspace)
            case .none, .redraw: break
            }
            return .redraw
        }
        let effect = list.perform(command)
        phase = .ready(list)
        if command == .clearSelectionOrFilter {
            updatePages()   // a metrics chart may have gone
            liveFilterChanged()
        }
        if command == .cycleSort || command == .reverseSort, list.state.sort.column == .problems,
           let scan = problemScan, !scan.isFinished {
            flash = Self.provisionalOrderPrefix + "\(NumberFormat.grouped(list.workspace.knownProblemCount)) of "
                + "\(NumberFormat.count(list.listing.count, "trace")) so far: the order is updated when all are known."
        }
        switch effect {
        case .open(let index):
            backStack.removeAll()
            traceScreen = openWaterfall(list.traceID(at: index), filter: list.state.isFiltered ? list.state.filterText : nil,
                                        in: list.workspace)
            updatePages()
        case .openFilter:
            openFilter(initial: list.state.filterText, prompt: "filter traces")
        case .openTraceIDPrompt:
            filterBar = FilterBar(initial: "", prompt: Self.traceIDPrompt, history: [], isQuery: false)
        case .none, .redraw, .unhandled:
            break
        }
        return .redraw
    }

    /// Opens a linked trace over `screen` (which goes on the back stack), its span selected.
    func openLinkedTrace(_ traceID: TraceID, span spanID: SpanID, from screen: WaterfallScreen, in workspace: Workspace) {
        guard var other = openWaterfall(traceID, filter: nil, in: workspace) else {
            flash = flash ?? "The linked trace \(traceID.shownHex) is not loaded."
            return
        }
        if let local = other.trace.localIndex(of: spanID) { other.select(span: local) }
        pushBack(screen)
        traceScreen = other
        updatePages()
        flash = "Opened the linked trace \(other.trace.shownID)."
    }

    /// A trace's waterfall, its spans and neighbours loaded from the workspace (the analysis
    /// `trex analyze` runs); nil, with a message in the status line, when it cannot be read.
    func openWaterfall(_ id: TraceID, filter: String?, in workspace: Workspace) -> WaterfallScreen? {
        do {
            guard let subject = try workspace.analysisSubject(id) else {
                flash = "The trace \(id.shownHex) is no longer there."
                return nil
            }
            var screen = WaterfallScreen(subject: subject, filter: filter)
            screen.loadMessages = report?.messages ?? []
            return screen
        } catch {
            flash = "Cannot read the trace \(id.shownHex): \(error)"
            return nil
        }
    }

    /// Finds the problems of the list's traces in the background (those not known yet), the
    /// rows on screen first.
    func restartProblemScan(_ list: TraceListScreen) {
        problemScan?.stop()
        problemScan = ProblemScan(workspace: list.workspace, order: list.state.rows.map(list.traceID(at:)))
        prioritizeVisibleRows()
        if let post { problemScan?.start { post(.problemsFound) } }
    }

    /// Tells the problem scan which traces the list shows now, so their marks come first.
    private func prioritizeVisibleRows() {
        guard let problemScan, !problemScan.isFinished, traceScreen == nil, case .ready(let list) = phase else { return }
        problemScan.prioritize(list.visibleTraceIDs)
    }

    /// Runs the background work (the problem scan) on its own thread from now on, reporting
    /// to `post` (the loop's mailbox); the scan starts as soon as loading ends.
    public func startBackgroundWork(post: @escaping @Sendable (AppMessage) -> Void) {
        self.post = post
        problemScan?.start { post(.problemsFound) }
        live?.feed?.start(post: post)
        startRemoteFeedIfPossible()
        startCompletionIfPossible()
    }

    /// Stops background work (before the app goes away).
    public func stopBackgroundWork() {
        problemScan?.stop()
        completion.lookup?.stop()
        live?.feed?.stop()
        remote?.feed.stop()
    }

    /// Hands over (and forgets) text waiting to be copied to the clipboard.
    public func takeClipboardRequest() -> String? {
        defer { clipboardRequest = nil }
        return clipboardRequest
    }

    /// Rows of the list or waterfall area: the screen minus the status line and the key hints.
    var mainArea: Rect { Rect(x: 0, y: 0, width: screenSize.width, height: max(1, screenSize.height - 2)) }

    /// Tells the screens how many rows they show, so paging and scrolling match the screen.
    func updatePages() {
        if case .ready(var list) = phase {
            // The overview, the p95 line and the column titles, and the metrics chart when the
            // filter has one.
            let sparkline = list.sparklineRows(in: mainArea)
            list.state.cursor.page = max(1, mainArea.height - 2 - sparkline - list.chartRows(in: mainArea) - listTopLines)
            if sparkline > 0 { list.refreshSparkline(width: mainArea.width) }
            phase = .ready(list)
        }
        if serviceMap != nil {
            serviceMap?.viewport = Size(width: mainArea.width, height: max(1, mainArea.height - 1))
        }
        statistics?.cursor.page = max(1, mainArea.height - 1)
        lint?.cursor.page = max(1, max(2, mainArea.height / 2) - 1)
        sampling?.cursor.page = max(1, mainArea.height / 2)
        compare?.cursor.page = max(1, mainArea.height - 5)
        latency?.layOut(in: latencyArea, kind: asciiOnly ? .ascii : .braille)
        if var screen = traceScreen {
            screen.page = WaterfallLayout(area: mainArea, detailOpen: screen.detail != nil).pageRows
            screen.detailWidth = WaterfallLayout(area: mainArea, detailOpen: true).detail?.width ?? mainArea.width
            traceScreen = screen
        }
    }

    /// Commands that jump rather than step: the place before them goes on the back stack.
    static let jumps: Set<Command> = [.goToParent, .nextOrigin, .previousOrigin, .goToBottleneck, .followLink]

    func pushBack(_ screen: WaterfallScreen) {
        backStack.append(screen)
        if backStack.count > Self.backStackLimit { backStack.removeFirst() }
    }

    /// How the note about sorting by problems not all known yet begins.
    static let provisionalOrderPrefix = "Problems are known for "

    private func handleHelpKey(_ key: Key) -> LoopAction {
        let visible = help?.bodyHeight(in: mainArea) ?? 1
        switch Keymaps.help.command(for: key) {
        case .closeHelp: help = nil
        case .scrollDown: help?.scroll(by: 1, visible: visible)
        case .scrollUp: help?.scroll(by: -1, visible: visible)
        case .pageDown: help?.scroll(by: visible, visible: visible)
        case .pageUp: help?.scroll(by: -visible, visible: visible)
        case .first: help?.scroll(by: -Int.max / 2, visible: visible)
        case .last: help?.scroll(by: Int.max / 2, visible: visible)
        default: return .none
        }
        return .redraw
    }
}
