import TerminalCore

/// The filter bar and the plain prompts it also serves (`#` a trace id, `/` in the raw JSON,
/// the statistics' windows): opening it and what its keys do.
extension ExplorerApp {
    /// The prompt of the bar `/` opens over the raw JSON.
    static let rawSearchPrompt = "search the JSON"

    /// The prompt of the bar `#` opens.
    static let traceIDPrompt = "go to trace id"

    /// The prompt of the bar the statistics' `w` opens.
    static let windowsPrompt = "compare windows (START..END START..END, e.g. 0m..15m 45m..)"

    func openFilter(initial: String, prompt: String) {
        filterBar = FilterBar(initial: initial, prompt: prompt, history: history.entries)
    }

    func handleFilterKey(_ key: Key) -> LoopAction {
        guard var bar = filterBar else { return .none }
        switch bar.handle(key) {
        case .unchanged:
            return .none
        case .changed:
            filterBar = bar
            return .redraw
        case .cancel:
            filterBar = nil
            return .redraw
        case .complete:
            completeFilter(&bar)
            filterBar = bar
            return .redraw
        case .apply(let text) where !bar.isQuery:
            filterBar = nil
            if bar.prompt == Self.rawSearchPrompt, var screen = traceScreen {
                flash = screen.searchRaw(text)
                traceScreen = screen
                return .redraw
            }
            if bar.prompt == Self.windowsPrompt { return compareStatistics(written: text) }
            if bar.prompt == Self.samplingPrompt { return replaySampling(written: text) }
            if bar.prompt == Self.traceIDPrompt { goToTraceID(text) }
            return .redraw
        case .apply(let text):
            filterBar = nil
            history.record(text)
            if var screen = traceScreen {
                flash = screen.applyFilter(text)
                traceScreen = screen
            } else if case .ready(var list) = phase {
                flash = list.applyFilter(text)
                phase = .ready(list)
                updatePages()   // a metrics chart takes rows from the list, or gives them back
                liveFilterChanged()
            }
            return .redraw
        }
    }
}
