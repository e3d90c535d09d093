import TerminalCore
import TraceAnalysis
import TraceModel

/// The service map screen (`m` from the trace list or a waterfall): the services of the whole
/// workspace laid out as `trex deps --graph` draws them, one service selected with its calls
/// highlighted, one of its calls chosen with Tab, Enter filtering the trace list to the traces
/// through that call. Scrolls to keep the selection on screen.
struct ServiceMapScreen {
    let layout: ServiceMapLayout
    /// The selected service (a box index, which is its service index).
    private(set) var selected: Int
    /// The chosen call among the selected service's (an index into `calls`), nil for none.
    private(set) var chosenCall: Int?
    /// The canvas position at the screen area's top-left corner.
    private(set) var origin = (x: 0, y: 0)
    /// The area the map is drawn in (set by the app from the terminal size).
    var viewport = Size(width: 80, height: 20) { didSet { reveal() } }

    init(graph: ServiceGraph, ascii: Bool) {
        layout = ServiceMapLayout(graph, ascii: ascii)
        // Start on the busiest caller: the service with the most calls out.
        var calls = [Int](repeating: 0, count: graph.services.count)
        for e in graph.edges { calls[e.from] += e.calls }
        selected = calls.indices.max { (calls[$0], -$0) < (calls[$1], -$1) } ?? 0
    }

    /// The selected service's calls, out then in, busiest first: edge indices.
    var calls: [Int] {
        let edges = layout.graph.edges
        let out = edges.indices.filter { edges[$0].from == selected }.sorted { edges[$0].calls > edges[$1].calls }
        let into = edges.indices.filter { edges[$0].to == selected }.sorted { edges[$0].calls > edges[$1].calls }
        return out + into
    }

    /// The chosen call's edge index.
    var chosenEdge: Int? { chosenCall.flatMap { calls.indices.contains($0) ? calls[$0] : nil } }

    enum Effect: Equatable {
        case none
        case redraw
        /// Filter the trace list with this query.
        case filter(String)
        case flash(String)
    }

    mutating func perform(_ command: Command) -> Effect {
        switch command {
        case .moveDown: moveInColumn(by: 1)
        case .moveUp: moveInColumn(by: -1)
        case .mapLeft: moveAcross(by: -1)
        case .mapRight: moveAcross(by: 1)
        case .nextCall:
            let count = calls.count
            guard count > 0 else { return .flash("\(layout.graph.services[selected].visiblyEscaped) has no calls.") }
            chosenCall = chosenCall.map { ($0 + 1) % count } ?? 0
        case .filterToCall:
            if let edge = chosenEdge { return .filter(layout.graph.query(for: layout.graph.edges[edge])) }
            let name = DependencyGraph.queryLiteral(layout.graph.services[selected])
            return .filter("resource.service.name = \(name)")
        case .first:
            select(layout.boxes.min { ($0.rect.x, $0.rect.y) < ($1.rect.x, $1.rect.y) }?.service ?? 0)
        case .last:
            select(layout.boxes.max { ($0.rect.x, $0.rect.y) < ($1.rect.x, $1.rect.y) }?.service ?? 0)
        default:
            return .none
        }
        return .redraw
    }

    private mutating func select(_ service: Int) {
        guard service != selected else { return }
        selected = service
        chosenCall = nil
        reveal()
    }

    private var selectedRect: Rect { layout.boxes[selected].rect }

    /// The next box above or below in the same column.
    private mutating func moveInColumn(by step: Int) {
        let here = selectedRect
        let column = layout.boxes.filter { $0.rect.x == here.x }.sorted { $0.rect.y < $1.rect.y }
        guard let index = column.firstIndex(where: { $0.service == selected }) else { return }
        let next = index + step
        if column.indices.contains(next) { select(column[next].service) }
    }

    /// The nearest box (by row) in the column to the left or right.
    private mutating func moveAcross(by step: Int) {
        let here = selectedRect
        let columns = Set(layout.boxes.map(\.rect.x)).sorted()
        guard let index = columns.firstIndex(of: here.x), columns.indices.contains(index + step) else { return }
        let x = columns[index + step]
        let middle = here.y + here.height / 2
        if let nearest = layout.boxes.filter({ $0.rect.x == x })
            .min(by: { abs($0.rect.y + $0.rect.height / 2 - middle) < abs($1.rect.y + $1.rect.height / 2 - middle) }) {
            select(nearest.service)
        }
    }

    /// Scrolls so the selected box is on screen (as much of it as fits).
    private mutating func reveal() {
        let r = selectedRect
        var (x, y) = origin
        if r.right > x + viewport.width { x = r.right - viewport.width }
        if r.x < x { x = r.x }
        if r.bottom > y + viewport.height { y = r.bottom - viewport.height }
        if r.y < y { y = r.y }
        origin = (max(0, x), max(0, y))
    }

    /// The line above the map: the selected service and its chosen call's figures.
    var headline: String {
        let graph = layout.graph
        let name = graph.services[selected].visiblyEscaped
        guard let edge = chosenEdge.map({ graph.edges[$0] }) else {
            let out = calls.filter { graph.edges[$0].from == selected }.count
            return "\(name): calls \(NumberFormat.count(out, "service")), called by "
                + "\(NumberFormat.count(calls.count - out, "service")) · Tab picks a call, Enter filters the traces"
        }
        return "\(graph.services[edge.from].visiblyEscaped) → \(graph.services[edge.to].visiblyEscaped): "
            + "\(NumberFormat.count(edge.calls, "call")) · \(NumberFormat.count(edge.errors, "error")) · "
            + "p95 \(DurationFormat.string(edge.p95))\(edge.instrumented ? "" : " · not instrumented")"
            + " · Enter filters the traces through it"
    }
}
