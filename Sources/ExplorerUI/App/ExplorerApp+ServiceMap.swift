import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

extension ExplorerApp {
    /// `m`: the service map of the whole workspace (the graph `trex deps` finds, read batch by
    /// batch).
    func openServiceMap() -> LoopAction {
        guard case .ready(let list) = phase else { return .none }
        var accumulator = DependencyGraph.Accumulator()
        do {
            try list.workspace.forEachBatch { accumulator.add($0) }
        } catch {
            flash = "Cannot read the traces for the service map: \(error)"
            return .redraw
        }
        let graph = ServiceGraph(accumulator.finish())
        guard !graph.edges.isEmpty else {
            flash = "No calls between services found: the service map would be empty."
            return .redraw
        }
        serviceMap = ServiceMapScreen(graph: graph, ascii: asciiOnly)
        updatePages()
        return .redraw
    }

    /// A key on the service map; Enter lists the traces through the picked call.
    func performInServiceMap(_ command: Command) -> LoopAction {
        guard var map = serviceMap else { return .none }
        let effect = map.perform(command)
        serviceMap = map
        switch effect {
        case .none: return .none
        case .redraw: return .redraw
        case .flash(let message):
            flash = message
            return .redraw
        case .filter(let query):
            serviceMap = nil
            return listTraces(matching: query)
        }
    }

    /// Back to the trace list, filtered with `query` (and sorted by duration, slowest first,
    /// when `slowestFirst`).
    func listTraces(matching query: String, slowestFirst: Bool = false) -> LoopAction {
        traceScreen = nil
        backStack.removeAll()
        guard case .ready(var list) = phase else { return .redraw }
        history.record(query)
        flash = list.applyFilter(query)
        if slowestFirst { list.sortByDuration() }
        phase = .ready(list)
        updatePages()
        liveFilterChanged()
        return .redraw
    }

    /// Draws the map screen: its headline, the map, the status line's counts.
    func renderServiceMap(_ map: ServiceMapScreen, in main: Rect, status: Rect, into buffer: inout Buffer,
                          context: RenderContext) -> String {
        let (headline, rest) = main.splitTop(1)
        buffer.setTruncated(" " + map.headline, x: headline.x, y: headline.y, width: headline.width, style: context.style(.title))
        var drawing = ServiceMapDrawing(layout: map.layout, context: context, selected: map.selected, chosen: map.chosenEdge)
        drawing.origin = map.origin
        drawing.render(in: rest, into: &buffer)
        let graph = map.layout.graph
        return "Service map · \(NumberFormat.count(graph.services.count, "service")) · "
            + "\(NumberFormat.count(graph.edges.count, "call path")) · \(map.layout.size.width)×\(map.layout.size.height), "
            + "arrows move, Tab picks a call"
    }
}
