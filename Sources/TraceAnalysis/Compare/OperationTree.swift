import TraceModel

/// A trace folded by path: one node per path of operations (service name, span name) from a
/// root, holding how many spans sit at that path and how long they took.
///
/// Two calls from `checkout "POST /charge"` to `payment "charge"` are one node with a count of
/// 2; the same operation called from two places is two nodes. This is the shape two traces are
/// compared in (`TraceComparison`): spans have no identity across traces, their paths do.
///
/// - Roots (spans without a parent id) are the root level, one node per operation.
/// - A span whose parent id names no span of the trace (an orphan), or whose parent link closed
///   a cycle, roots a fragment: its node hangs under the synthetic root-level node
///   `OperationKey.missingParent`, whose count is the number of such fragments, whose duration
///   is the sum of their roots' durations, and whose self and critical time are 0 (it is no span).
///
/// Built in O(n log n) (the critical path's sort; the folding itself is O(n) with hashing) and
/// without recursion, so a 100,000-deep chain is 100,000 nodes and no stack. `init(medianOf:)`
/// builds the median of several trees (the baseline a trace is compared with).
public struct OperationTree: Sendable {
    /// One path.
    public struct Node: Sendable, Hashable {
        /// The node's operation, an index into `keys`.
        public let key: Int32
        /// The parent node's index in `nodes`, or -1 at the root level.
        public let parent: Int32
        /// 0 at the root level.
        public let depth: Int32
        /// The spans at this path, added up.
        public let totals: OperationTotals
        /// How many of the summarised traces have spans at this path (1 in a single trace's tree).
        public let traceCount: Int
    }

    /// The operations the nodes name (each once).
    public let keys: [OperationKey]
    /// Every path, each node after its parent: a pass in index order meets parents first.
    public let nodes: [Node]
    /// The whole trace's figures (for a median tree, the median of each).
    public let figures: TraceFigures

    /// The operation of a node.
    public func key(of node: Int) -> OperationKey { keys[Int(nodes[node].key)] }

    init(keys: [OperationKey], nodes: [Node], figures: TraceFigures) {
        self.keys = keys
        self.nodes = nodes
        self.figures = figures
    }

    /// Folds a trace. Pass its tree and critical path when they are built already. Times are the
    /// raw times; a span whose end precedes its start counts as lasting 0.
    public init(_ trace: Trace, tree: TraceTree? = nil, criticalPath: CriticalPath? = nil) {
        let tree = tree ?? TraceTree(trace)
        let path = criticalPath ?? CriticalPath(trace, tree: tree)
        let selfTimes = tree.selfTimes(trace)
        let table = trace.table

        var keys: [OperationKey] = []
        var keyOfPair: [UInt64: Int32] = [:]   // (service id, name id) -> index in keys
        var parents: [Int32] = []
        var nodeKeys: [Int32] = []
        var depths: [Int32] = []
        var totals: [OperationTotals] = []
        var nodeOfChild: [UInt64: Int32] = [:]   // (parent node + 1, key) -> node
        var nodeOfSpan = [Int32](repeating: -1, count: tree.count)
        // At most one node per span (and the missing-parent group): never rehashed while folding.
        nodeOfChild.reserveCapacity(tree.count + 1)
        var missingParentNode: Int32 = -1

        func addKey(_ key: OperationKey) -> Int32 {
            keys.append(key)
            return Int32(keys.count - 1)
        }
        func node(under parent: Int32, key: Int32) -> Int32 {
            let slot = UInt64(UInt32(bitPattern: parent + 1)) << 32 | UInt64(UInt32(bitPattern: key))
            if let existing = nodeOfChild[slot] { return existing }
            let index = Int32(parents.count)
            parents.append(parent)
            nodeKeys.append(key)
            depths.append(parent < 0 ? 0 : depths[Int(parent)] + 1)
            totals.append(.zero)
            nodeOfChild[slot] = index
            return index
        }

        var earliest = Int64.max
        var latest = Int64.min
        for s in tree.preorder {
            let local = Int(s)
            let span = trace[local]
            earliest = min(earliest, span.start.unixNanos)
            latest = max(latest, span.end.unixNanos)
            let duration = Nanoseconds(max(0, TimeMath.subtract(span.end.unixNanos, span.start.unixNanos)))

            var parent: Int32 = -1
            if tree.parent[local] >= 0 {
                parent = nodeOfSpan[Int(tree.parent[local])]
            } else if span.parentSpanID.isValid {
                // Its parent is not in the trace (or the link closed a cycle): a fragment.
                if missingParentNode < 0 { missingParentNode = node(under: -1, key: addKey(.missingParent)) }
                parent = missingParentNode
                totals[Int(parent)].add(duration: duration, selfTime: .zero, criticalTime: .zero)
            }

            let service = table.serviceID(of: span)
            let pair = UInt64(service.rawValue) << 32 | UInt64(span.name.rawValue)
            let key: Int32
            if let known = keyOfPair[pair] {
                key = known
            } else {
                key = addKey(OperationKey(service: table.strings[service], name: table.strings[span.name]))
                keyOfPair[pair] = key
            }
            let n = node(under: parent, key: key)
            nodeOfSpan[local] = n
            totals[Int(n)].add(duration: duration, selfTime: Nanoseconds(max(0, selfTimes[local].value)),
                               criticalTime: Nanoseconds(max(0, path.criticalTime[local].value)))
        }

        var nodes: [Node] = []
        nodes.reserveCapacity(parents.count)
        for i in parents.indices {
            nodes.append(Node(key: nodeKeys[i], parent: parents[i], depth: depths[i], totals: totals[i], traceCount: 1))
        }
        self.keys = keys
        self.nodes = nodes
        figures = TraceFigures(
            traceCount: 1, spanCount: trace.spanCount,
            duration: trace.spanCount == 0 ? .zero : Nanoseconds(max(0, TimeMath.subtract(latest, earliest))),
            criticalPathLength: path.paths.reduce(.zero) { $0 + $1.duration })
    }
}
