import TerminalCore
import TraceModel

extension ExplorerApp {
    /// `L`: the latency plot of the traces the list shows (its filter's and selection's), the
    /// cursor on the open trace's cell (from a waterfall) or the list's selected one's.
    func openLatency() -> LoopAction {
        guard case .ready(let list) = phase else { return .none }
        guard !list.state.rows.isEmpty else {
            flash = "No traces to plot" + (list.state.isRestricted ? ": press \\ to clear the filter." : ".")
            return .redraw
        }
        let selected = traceScreen.flatMap { list.indexByID[$0.trace.id] } ?? list.state.selectedTrace
        var screen = LatencyScreen(listing: list.listing, shown: list.state.rows, selected: selected,
                                   scale: latencyLook.scale, heatmap: latencyLook.heatmap)
        screen.layOut(in: latencyArea, kind: asciiOnly ? .ascii : .braille)
        latency = screen
        return .redraw
    }

    /// The latency plot's area: the screen under its headline, above the status line.
    var latencyArea: Rect { mainArea.splitTop(1).rest }

    /// A key on the latency screen; Enter lists the rectangle's traces.
    func performInLatency(_ command: Command) -> LoopAction {
        guard var screen = latency else { return .none }
        let effect = screen.perform(command)
        latency = screen
        return latencyEffect(effect)
    }

    /// What the latency screen asked for, done.
    func latencyEffect(_ effect: LatencyScreen.Effect) -> LoopAction {
        switch effect {
        case .none: return .none
        case .redraw: return .redraw
        case .flash(let message):
            flash = message
            return .redraw
        case .list(let selection):
            latency = nil
            traceScreen = nil
            backStack.removeAll()
            guard case .ready(var list) = phase else { return .redraw }
            flash = list.applySelection(selection, ascii: asciiOnly)
            phase = .ready(list)
            updatePages()
            return .redraw
        }
    }

    /// The mouse on the latency screen: a press and a release at another cell drag a
    /// rectangle, a click moves the cursor, a double click in the rectangle lists its traces.
    func handleLatencyMouse(_ mouse: MouseEvent) -> LoopAction {
        guard var screen = latency else { return .none }
        let effect: LatencyScreen.Effect
        switch mouse.action {
        case .click: effect = screen.press(at: mouse.position)
        case .release: effect = screen.release(at: mouse.position)
        case .doubleClick: effect = screen.doubleClick(at: mouse.position)
        case .rightClick, .wheelUp, .wheelDown: effect = .none
        }
        latency = screen
        return latencyEffect(effect)
    }

    /// Draws the latency screen: its headline and the plot; returns the status line's text.
    func renderLatency(_ screen: LatencyScreen, in main: Rect, into buffer: inout Buffer, context: RenderContext) -> String {
        let ascii = !context.glyphs.hasEighthBlocks
        let (headline, rest) = main.splitTop(1)
        buffer.setTruncated(" " + screen.headline(ascii: ascii), x: headline.x, y: headline.y, width: headline.width,
                            style: context.style(.title), ellipsis: context.glyphs.ellipsis)
        LatencyPlotView(screen: screen, context: context).render(in: rest, into: &buffer)
        return screen.status(ascii: ascii)
    }
}
