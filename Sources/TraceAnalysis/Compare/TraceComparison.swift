import TraceModel

/// Two traces (or a trace and a baseline) side by side: their `OperationTree`s merged by path,
/// each node holding both sides' figures and the difference, B minus A.
///
/// Nodes only one side has are kept (`isOnlyInA`, `isOnlyInB`), with zero figures on the other
/// side. Siblings are ordered by the size of the difference in total duration, biggest first
/// (then by the larger duration, then by operation), so following the first child down from
/// the first root follows the biggest change; `nodes` is that order's pre-order. A node is on a
/// side's critical path when its spans have critical time there; `criticalPathDiffers` marks a
/// node on one side's path only.
///
/// For a baseline, A is the median of the traces with the trace's root operation
/// (`OperationTree.init(medianOf:)`) and B the trace, so the differences say how the trace
/// departs from the usual.
///
/// O(n log n) in the number of nodes (sorting siblings), no recursion.
public struct TraceComparison: Sendable {
    /// One path in either trace.
    public struct Node: Sendable, Hashable {
        public let key: OperationKey
        /// 0 at the root level.
        public let depth: Int
        /// The parent's index in `nodes`, or nil at the root level.
        public let parent: Int?
        /// The index just past this node's subtree: its descendants are `nodes[index + 1 ..< subtreeEnd]`.
        public let subtreeEnd: Int
        /// A's figures at this path (zero when A lacks it).
        public let a: OperationTotals
        /// B's figures at this path (zero when B lacks it).
        public let b: OperationTotals
        /// How many of A's traces have the path: 0 or 1 for a trace, up to N for a baseline.
        public let tracesInA: Int
        /// How many of B's traces have the path.
        public let tracesInB: Int

        public var isInA: Bool { a.count > 0 }
        public var isInB: Bool { b.count > 0 }
        public var isOnlyInA: Bool { isInA && !isInB }
        public var isOnlyInB: Bool { isInB && !isInA }

        /// B's total duration minus A's.
        public var durationDelta: Nanoseconds { b.duration - a.duration }
        /// B's self time minus A's.
        public var selfTimeDelta: Nanoseconds { b.selfTime - a.selfTime }
        /// B's critical time minus A's.
        public var criticalTimeDelta: Nanoseconds { b.criticalTime - a.criticalTime }
        /// B's span count minus A's.
        public var countDelta: Int { b.count - a.count }
        /// The change in total duration relative to A's (0.5 is 50% slower); nil when A's is 0.
        public var durationChange: Double? {
            a.duration > .zero ? durationDelta.ratio(to: a.duration) : nil
        }

        public var isCriticalInA: Bool { a.isCritical }
        public var isCriticalInB: Bool { b.isCritical }
        /// True when the node is on one side's critical path and not on the other's.
        public var criticalPathDiffers: Bool { isCriticalInA != isCriticalInB }
    }

    /// Every path of either side, in pre-order, siblings biggest difference first.
    public let nodes: [Node]
    /// A's whole-trace figures (medians for a baseline).
    public let a: TraceFigures
    /// B's whole-trace figures.
    public let b: TraceFigures

    /// Compares two traces.
    public init(_ a: Trace, _ b: Trace) {
        self.init(OperationTree(a), OperationTree(b))
    }

    /// Compares two operation trees (a trace's, or a baseline's).
    public init(_ a: OperationTree, _ b: OperationTree) {
        let union = OperationTreeUnion([a, b])
        let m = union.count
        var totalsA = [OperationTotals](repeating: .zero, count: m)
        var totalsB = totalsA
        var tracesA = [Int](repeating: 0, count: m)
        var tracesB = tracesA
        for (i, node) in a.nodes.enumerated() {
            let u = Int(union.nodeOf[0][i])
            totalsA[u] = node.totals
            tracesA[u] = node.traceCount
        }
        for (i, node) in b.nodes.enumerated() {
            let u = Int(union.nodeOf[1][i])
            totalsB[u] = node.totals
            tracesB[u] = node.traceCount
        }

        // Children in CSR form (the roots under the virtual node m), each group sorted.
        var childStart = [Int](repeating: 0, count: m + 2)
        for u in 0..<m {
            let p = union.parent[u] < 0 ? m : Int(union.parent[u])
            childStart[p + 1] += 1
        }
        for i in 0...m { childStart[i + 1] += childStart[i] }
        var fill = childStart
        var childList = [Int32](repeating: 0, count: m)
        for u in 0..<m {
            let p = union.parent[u] < 0 ? m : Int(union.parent[u])
            childList[fill[p]] = Int32(u)
            fill[p] += 1
        }
        func before(_ x: Int32, _ y: Int32) -> Bool {
            let i = Int(x), j = Int(y)
            let di = (totalsB[i].duration - totalsA[i].duration).magnitude
            let dj = (totalsB[j].duration - totalsA[j].duration).magnitude
            if di != dj { return di > dj }
            let si = max(totalsA[i].duration, totalsB[i].duration)
            let sj = max(totalsA[j].duration, totalsB[j].duration)
            if si != sj { return si > sj }
            return union.keys[Int(union.key[i])] < union.keys[Int(union.key[j])]
        }
        for p in 0...m where childStart[p + 1] - childStart[p] > 1 {
            childList[childStart[p]..<childStart[p + 1]].sort(by: before)
        }

        // Subtree sizes: union nodes are numbered parents first, so a reverse pass meets
        // children before their parents.
        var size = [Int](repeating: 1, count: m)
        for u in stride(from: m - 1, through: 0, by: -1) where union.parent[u] >= 0 {
            size[Int(union.parent[u])] += size[u]
        }

        // Iterative pre-order.
        var position = [Int](repeating: -1, count: m)
        var nodes: [Node] = []
        nodes.reserveCapacity(m)
        var stack: [(node: Int32, depth: Int)] = []
        for c in childList[childStart[m]..<childStart[m + 1]].reversed() { stack.append((c, 0)) }
        while let (node, depth) = stack.popLast() {
            let u = Int(node)
            let here = nodes.count
            position[u] = here
            let up = union.parent[u]
            nodes.append(Node(key: union.keys[Int(union.key[u])], depth: depth,
                              parent: up < 0 ? nil : position[Int(up)], subtreeEnd: here + size[u],
                              a: totalsA[u], b: totalsB[u], tracesInA: tracesA[u], tracesInB: tracesB[u]))
            for c in childList[childStart[u]..<childStart[u + 1]].reversed() { stack.append((c, depth + 1)) }
        }
        self.nodes = nodes
        self.a = a.figures
        self.b = b.figures
    }

    /// The indices of the nodes whose self time changed most, biggest change first, at most
    /// `limit` of them, leaving out unchanged nodes: where the time went, wherever in the tree it is.
    /// O(n log n).
    public func largestSelfTimeChanges(limit: Int) -> [Int] {
        nodes.indices.filter { nodes[$0].selfTimeDelta != .zero }
            .sorted { i, j in
                let di = nodes[i].selfTimeDelta.magnitude, dj = nodes[j].selfTimeDelta.magnitude
                return di != dj ? di > dj : i < j
            }
            .prefix(max(0, limit)).map { $0 }
    }

    /// The operations from the root level down to a node, for a label such as
    /// `frontend GET /checkout > checkout POST /charge`. O(depth).
    public func path(to node: Int) -> [OperationKey] {
        var keys: [OperationKey] = []
        var at: Int? = node
        while let i = at {
            keys.append(nodes[i].key)
            at = nodes[i].parent
        }
        return keys.reversed()
    }
}
