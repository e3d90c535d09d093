import TraceModel

/// The waterfall's row structure for one trace: the span tree in display order, with orphans
/// gathered under a synthetic "missing span" row per missing parent id.
///
/// Built once per trace in O(n); collapsing never rebuilds it (see `WaterfallRows`).
public struct WaterfallTree: Sendable {
    /// What one row shows.
    public enum Node: Sendable, Hashable {
        /// A span, by local index.
        case span(Int32)
        /// The parent that orphans point to but that is not in the trace.
        case missingParent(SpanID)
    }

    public let nodes: [Node]
    /// Indentation depth per display position.
    public let depth: [Int32]
    /// Rows in each position's subtree, itself included (so a position p's descendants are
    /// p+1 ..< p+subtreeSize[p]).
    public let subtreeSize: [Int32]
    /// The display position of each span's row, by local index.
    public let positionOfSpan: [Int32]
    /// The display position of each row's parent row, or -1.
    public let parentPosition: [Int32]

    public var count: Int { nodes.count }

    public func hasChildren(_ position: Int) -> Bool { subtreeSize[position] > 1 }

    public init(_ trace: Trace, tree: TraceTree) {
        let n = trace.spanCount
        // Top-level entries: true roots, and one group per missing parent id, in order of the
        // earliest member's start (roots are already ordered by start).
        var groups: [SpanID: [Int32]] = [:]
        var tops: [Node] = []
        let orphanSet = Set(tree.orphans)
        for root in tree.roots {
            if orphanSet.contains(root) {
                let missing = trace[Int(root)].parentSpanID
                if groups[missing] == nil { tops.append(.missingParent(missing)) }
                groups[missing, default: []].append(root)
            } else {
                tops.append(.span(root))
            }
        }

        var nodes: [Node] = []
        nodes.reserveCapacity(n + groups.count)
        var depth: [Int32] = []
        depth.reserveCapacity(n + groups.count)
        var parentPosition: [Int32] = []
        parentPosition.reserveCapacity(n + groups.count)
        var positionOfSpan = [Int32](repeating: -1, count: n)

        // Iterative pre-order: (span, depth, parent position).
        var stack: [(Int32, Int32, Int32)] = []
        func emit(span: Int32, depth d: Int32, parent: Int32) {
            stack.append((span, d, parent))
            while let (node, nodeDepth, nodeParent) = stack.popLast() {
                let position = Int32(nodes.count)
                nodes.append(.span(node))
                depth.append(nodeDepth)
                parentPosition.append(nodeParent)
                positionOfSpan[Int(node)] = position
                for child in tree.children(of: Int(node)).reversed() {
                    stack.append((child, nodeDepth + 1, position))
                }
            }
        }
        for top in tops {
            switch top {
            case .span(let root):
                emit(span: root, depth: 0, parent: -1)
            case .missingParent(let id):
                let position = Int32(nodes.count)
                nodes.append(top)
                depth.append(0)
                parentPosition.append(-1)
                for orphan in groups[id] ?? [] { emit(span: orphan, depth: 1, parent: position) }
            }
        }

        // Subtree sizes, from the back: each row adds its size to its parent's.
        var subtreeSize = [Int32](repeating: 1, count: nodes.count)
        for position in stride(from: nodes.count - 1, through: 0, by: -1) {
            let parent = parentPosition[position]
            if parent >= 0 { subtreeSize[Int(parent)] += subtreeSize[position] }
        }

        self.nodes = nodes
        self.depth = depth
        self.subtreeSize = subtreeSize
        self.positionOfSpan = positionOfSpan
        self.parentPosition = parentPosition
    }
}
