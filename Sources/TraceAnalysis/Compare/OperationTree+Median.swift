import TraceModel

extension OperationTree {
    /// The median of several trees (traces of one root operation): the baseline a trace is
    /// compared with.
    ///
    /// Definition, for N trees:
    /// - The candidate paths are every path of any of the trees.
    /// - For each path, each figure (span count, duration, self time, critical time) is the
    ///   median over the N trees *separately*, a tree lacking the path counting 0 for it.
    /// - The median is the nearest-rank p50, as `trex stats` computes percentiles: the value at
    ///   rank ceil(N/2) of the N values sorted, an observed value, never an average (of 4 values
    ///   the second smallest).
    /// - A path is kept when its median count is above 0, that is when more than half of the
    ///   trees have it; a path in fewer traces is not what usually happens. A tree lacking a
    ///   path lacks every path below it, so the kept paths still form a tree.
    /// - So a node is on the median's critical path (median critical time above 0) when it is
    ///   on the critical path of more than half of the trees.
    /// - `traceCount` of a node is how many of the N trees have it; `figures` are the medians of
    ///   the trees' figures.
    ///
    /// The medians of different figures, or of a parent and its children, need not come from
    /// the same tree, so they need not add up. O(total nodes × log N). Precondition: at least
    /// one tree.
    public init(medianOf trees: [OperationTree]) {
        precondition(!trees.isEmpty, "the median of no trees")
        let union = OperationTreeUnion(trees)
        let n = trees.count
        let m = union.count

        // Each union node's values, from the trees that have it, in one flat array per figure
        // (CSR by union node); the trees lacking it are the implicit zeros.
        var start = [Int](repeating: 0, count: m + 1)
        for map in union.nodeOf { for u in map { start[Int(u) + 1] += 1 } }
        for u in 0..<m { start[u + 1] += start[u] }
        let total = start[m]
        var counts = [Int64](repeating: 0, count: total)
        var durations = counts, selfTimes = counts, criticalTimes = counts
        var fill = start
        for (t, tree) in trees.enumerated() {
            for (i, node) in tree.nodes.enumerated() {
                let u = Int(union.nodeOf[t][i])
                let at = fill[u]
                fill[u] += 1
                counts[at] = Int64(node.totals.count)
                durations[at] = node.totals.duration.value
                selfTimes[at] = node.totals.selfTime.value
                criticalTimes[at] = node.totals.criticalTime.value
            }
        }

        let rank = (n + 1) / 2   // ceil(N/2), 1-based
        func median(_ values: inout [Int64], _ range: Range<Int>) -> Int64 {
            let zeros = n - range.count   // every value is at least 0, so the zeros sort first
            guard rank > zeros else { return 0 }
            values[range].sort()
            return values[range.lowerBound + rank - zeros - 1]
        }

        var newIndex = [Int32](repeating: -1, count: m)
        var nodes: [Node] = []
        for u in 0..<m {
            let up = union.parent[u]
            if up >= 0, newIndex[Int(up)] < 0 { continue }   // below a dropped path
            let range = start[u]..<start[u + 1]
            let count = median(&counts, range)
            guard count > 0 else { continue }
            let totals = OperationTotals(count: Int(count), duration: Nanoseconds(median(&durations, range)),
                                         selfTime: Nanoseconds(median(&selfTimes, range)),
                                         criticalTime: Nanoseconds(median(&criticalTimes, range)))
            let parent = up < 0 ? -1 : newIndex[Int(up)]
            newIndex[u] = Int32(nodes.count)
            nodes.append(Node(key: union.key[u], parent: parent, depth: parent < 0 ? 0 : nodes[Int(parent)].depth + 1,
                              totals: totals, traceCount: range.count))
        }

        func medianOf(_ figure: (TraceFigures) -> Int64) -> Int64 {
            Percentiles.nearestRank(50, ofSorted: trees.map { figure($0.figures) }.sorted())
        }
        self.init(keys: union.keys, nodes: nodes, figures: TraceFigures(
            traceCount: n, spanCount: Int(medianOf { Int64($0.spanCount) }),
            duration: Nanoseconds(medianOf { $0.duration.value }),
            criticalPathLength: Nanoseconds(medianOf { $0.criticalPathLength.value })))
    }
}
