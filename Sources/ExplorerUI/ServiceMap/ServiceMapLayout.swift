import TerminalCore

/// Where everything of the service map goes on a character canvas: a layered drawing
/// (`LayerAssignment`, `CrossingReduction`), callers left and callees right.
///
/// - A service is a box as wide as its name (cut at `maxNameWidth`) and as tall as its busiest
///   side needs: every call leaves on a row of its own on the box's right and arrives on a row
///   of its own on the callee's left (every other row, the rows of a column's parity), so no
///   two calls share a line.
/// - Between two columns, a call runs right from its port (its label on that first stretch),
///   turns in a vertical channel of its own where it would overlap another, and runs right
///   into its callee's port, ending in an arrow. An edge over several columns passes the
///   columns between on rows of their own (the dummy nodes).
/// - Layers are centred vertically. Nothing is drawn over a box.
struct ServiceMapLayout {
    static let maxNameWidth = 24

    /// A box: its service and where it is.
    struct Box: Equatable {
        var service: Int
        var rect: Rect
    }

    /// One edge's line: the cells it covers (with the directions it leaves each by), its arrow
    /// and its label.
    struct Path {
        var edge: Int
        /// (x, y) -> directions (`Directions`), in drawing order.
        var cells: [(x: Int, y: Int, directions: Directions)]
        var arrow: (x: Int, y: Int, pointsLeft: Bool)
        var label: (x: Int, y: Int, text: String)
    }

    /// The directions a line leaves a cell by.
    struct Directions: OptionSet, Hashable {
        let rawValue: UInt8
        static let up = Directions(rawValue: 1), down = Directions(rawValue: 2)
        static let left = Directions(rawValue: 4), right = Directions(rawValue: 8)
    }

    let graph: ServiceGraph
    private(set) var boxes: [Box] = []
    private(set) var paths: [Path] = []
    private(set) var size = Size(width: 0, height: 0)
    /// Edge crossings left between adjacent columns (the heuristic's best).
    private(set) var crossings = 0

    init(_ graph: ServiceGraph, ascii: Bool = false) {
        self.graph = graph
        guard !graph.services.isEmpty else { return }
        let layers = LayerAssignment(graph)
        let ordering = CrossingReduction(layers)
        crossings = ordering.crossings
        let order = ordering.order
        let nodeCount = layers.nodeCount
        let isService = { (node: Int) in node < layers.serviceCount }

        // Segments (left node, right node, chain index, position in the chain).
        struct Segment { var from: Int, to: Int, chain: Int, first: Bool, last: Bool }
        var segments: [Segment] = []
        for (c, chain) in layers.chains.enumerated() {
            let pairs = Array(zip(chain.nodes, chain.nodes.dropFirst()))
            for (i, (a, b)) in pairs.enumerated() {
                segments.append(Segment(from: a, to: b, chain: c, first: i == 0, last: i == pairs.count - 1))
            }
        }
        var outOf = [[Int]](repeating: [], count: nodeCount), into = [[Int]](repeating: [], count: nodeCount)
        for (s, segment) in segments.enumerated() {
            outOf[segment.from].append(s)
            into[segment.to].append(s)
        }

        // Sizes.
        var width = [Int](repeating: 1, count: nodeCount), height = [Int](repeating: 1, count: nodeCount)
        for node in 0..<layers.serviceCount {
            width[node] = min(DisplayWidth.of(graph.services[node]), Self.maxNameWidth) + 4
            // A port every other row (see the vertical placement).
            height[node] = 2 * max(1, outOf[node].count, into[node].count) + 1
        }
        // Vertical placement: each column stacked with a row (or two) between nodes, centred,
        // so that every port of column l is on a row of l's parity: a call leaving column l
        // then never runs on the row another enters column l + 1 by.
        var top = [Int](repeating: 0, count: nodeCount)
        func portParityTop(_ y: Int, _ node: Int, _ l: Int) -> Int {
            let firstPort = isService(node) ? y + 1 : y
            return (firstPort - l) % 2 == 0 ? y : y + 1
        }
        var columnHeights = [Int](repeating: 0, count: order.count)
        for (l, column) in order.enumerated() {
            var y = 0
            for node in column { y = portParityTop(y, node, l) + height[node] + 1 }
            columnHeights[l] = max(0, y - 1)
        }
        let canvasHeight = (columnHeights.max() ?? 0) + 1
        for (l, column) in order.enumerated() {
            var y = (canvasHeight - columnHeights[l]) / 2
            for node in column {
                y = portParityTop(y, node, l)
                top[node] = y
                y += height[node] + 1
            }
        }
        // Ports: a row per segment on each side, ordered by where the other end is.
        func middle(_ node: Int) -> Int { top[node] + height[node] / 2 }
        var exitRow = [Int](repeating: 0, count: segments.count), entryRow = [Int](repeating: 0, count: segments.count)
        for node in 0..<nodeCount {
            let outs = outOf[node].sorted { (middle(segments[$0].to), $0) < (middle(segments[$1].to), $1) }
            let ins = into[node].sorted { (middle(segments[$0].from), $0) < (middle(segments[$1].from), $1) }
            for (i, s) in outs.enumerated() { exitRow[s] = isService(node) ? top[node] + 1 + 2 * i : top[node] }
            for (i, s) in ins.enumerated() { entryRow[s] = isService(node) ? top[node] + 1 + 2 * i : top[node] }
        }
        // Channels: within each gap, segments whose vertical runs overlap get different columns.
        let layerCount = order.count
        var channel = [Int](repeating: 0, count: segments.count)
        var channelsInGap = [Int](repeating: 0, count: layerCount)
        var labelWidth = [Int](repeating: 0, count: layerCount)
        var labels = [String](repeating: "", count: segments.count)
        for l in 0..<layerCount {
            let here = segments.indices.filter { layers.layer[segments[$0].from] == l }
            for s in here where segments[s].first {
                // The label goes on the line's first stretch, leaving its left end.
                labels[s] = ServiceGraph.label(graph.edges[segments[s].chain], ascii: ascii)
                labelWidth[l] = max(labelWidth[l], DisplayWidth.of(labels[s]))
            }
            // Ports of adjacent columns are on rows of different parity (below), so no
            // segment leaves on a row another enters by: only vertical runs can collide, and
            // overlapping ones get different channels (greedy interval colouring, top first).
            var ends: [Int] = []   // the last row used by each channel
            let sorted = here.sorted {
                (min(exitRow[$0], entryRow[$0]), $0) < (min(exitRow[$1], entryRow[$1]), $1)
            }
            for s in sorted {
                let low = min(exitRow[s], entryRow[s]), high = max(exitRow[s], entryRow[s])
                if let free = ends.firstIndex(where: { $0 < low - 1 }) {
                    channel[s] = free
                    ends[free] = high
                } else {
                    channel[s] = ends.count
                    ends.append(high)
                }
            }
            channelsInGap[l] = ends.count
        }
        // Columns: each layer as wide as its widest node, then its gap.
        var layerX = [Int](repeating: 0, count: layerCount), layerWidth = [Int](repeating: 1, count: layerCount)
        var gapChannelsX = [Int](repeating: 0, count: layerCount)
        var x = 0
        for l in 0..<layerCount {
            layerX[l] = x
            layerWidth[l] = order[l].map { width[$0] }.max() ?? 1
            x += layerWidth[l]
            let labelRoom = labelWidth[l] > 0 ? labelWidth[l] + 2 : 1
            gapChannelsX[l] = x + labelRoom
            x += labelRoom + channelsInGap[l] + 2
        }
        func left(_ node: Int) -> Int { layerX[layers.layer[node]] }
        func right(_ node: Int) -> Int {
            isService(node) ? layerX[layers.layer[node]] + width[node] : layerX[layers.layer[node]] + layerWidth[layers.layer[node]]
        }

        // Boxes.
        for node in 0..<layers.serviceCount {
            boxes.append(Box(service: node, rect: Rect(x: left(node), y: top[node], width: width[node], height: height[node])))
        }
        // Lines, chain by chain.
        var cellsOfChain = [[(x: Int, y: Int, directions: Directions)]](repeating: [], count: layers.chains.count)
        var labelOfChain = [(x: Int, y: Int, text: String)](repeating: (0, 0, ""), count: layers.chains.count)
        for (s, segment) in segments.enumerated() {
            var cells: [(x: Int, y: Int, directions: Directions)] = []
            let l = layers.layer[segment.from]
            let startX = right(segment.from)
            let channelX = gapChannelsX[l] + channel[s]
            let endX = isService(segment.to) ? left(segment.to) - 1 : left(segment.to)
            let y0 = exitRow[s], y1 = entryRow[s]
            for cx in startX..<channelX { cells.append((cx, y0, [.left, .right])) }
            if y0 == y1 {
                cells.append((channelX, y0, [.left, .right]))
            } else {
                let down = y1 > y0
                cells.append((channelX, y0, [.left, down ? .down : .up]))
                for cy in stride(from: y0 + (down ? 1 : -1), to: y1, by: down ? 1 : -1) { cells.append((channelX, cy, [.up, .down])) }
                cells.append((channelX, y1, [down ? .up : .down, .right]))
            }
            if channelX + 1 <= endX { for cx in (channelX + 1)...endX { cells.append((cx, y1, [.left, .right])) } }
            if !isService(segment.to) {
                // Across the dummy's column.
                for cx in (endX + 1)..<right(segment.to) { cells.append((cx, y1, [.left, .right])) }
            }
            if segment.first { labelOfChain[segment.chain] = (startX + 1, y0, labels[s]) }
            cellsOfChain[segment.chain] += cells
        }
        for (c, chain) in layers.chains.enumerated() {
            let head = chain.nodes.last!, tail = chain.nodes.first!
            // The arrow points at the callee: the right end, or the left end of a reversed edge.
            let arrow = chain.reversed ? (x: right(tail), y: cellsOfChain[c].first?.y ?? top[tail], pointsLeft: true)
                : (x: left(head) - 1, y: cellsOfChain[c].last?.y ?? top[head], pointsLeft: false)
            var label = labelOfChain[c]
            if chain.reversed { label.x += 1 }   // after the arrow
            paths.append(Path(edge: c, cells: cellsOfChain[c], arrow: arrow, label: label))
        }
        size = Size(width: max(0, x - 2), height: canvasHeight)
    }
}
