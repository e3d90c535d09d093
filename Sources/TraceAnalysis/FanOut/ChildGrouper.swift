import TraceModel

/// Groups one span's children by operation, reusing scratch buffers across spans.
struct ChildGrouper {
    let trace: Trace
    let tree: TraceTree
    var shapes: StatementShapes
    private var keyed: [(key: UInt64, shape: Int32, start: Int64, child: Int32)] = []
    private var starts: [Int64] = []
    private var ends: [Int64] = []

    init(trace: Trace, tree: TraceTree) {
        self.trace = trace
        self.tree = tree
        shapes = StatementShapes(trace.table)
    }

    /// The groups of a span's children, in order of each group's first call.
    mutating func groups(of span: Int) -> [ChildGroup] {
        let table = trace.table
        keyed.removeAll(keepingCapacity: true)
        for c in tree.children(of: span) {
            let child = trace[Int(c)]
            let key = UInt64(table.serviceID(of: child).rawValue) << 32 | UInt64(child.name.rawValue)
            keyed.append((key, shapes.shapeID(of: child), child.start.unixNanos, c))
        }
        keyed.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.shape != b.shape { return a.shape < b.shape }
            if a.start != b.start { return a.start < b.start }
            return a.child < b.child
        }
        var groups: [ChildGroup] = []
        var lo = 0
        while lo < keyed.count {
            var hi = lo + 1
            while hi < keyed.count, keyed[hi].key == keyed[lo].key, keyed[hi].shape == keyed[lo].shape { hi += 1 }
            groups.append(group(span: span, range: lo..<hi))
            lo = hi
        }
        groups.sort { $0.children[0] < $1.children[0] }
        return groups
    }

    private mutating func group(span: Int, range: Range<Int>) -> ChildGroup {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var children: [Int] = []
        children.reserveCapacity(range.count)
        var total: Int64 = 0
        var longest = Int(keyed[range.lowerBound].child)
        for k in range {
            let c = Int(keyed[k].child)
            let s = trace[c]
            children.append(c)
            starts.append(s.start.unixNanos)
            ends.append(s.end.unixNanos)
            total &+= s.duration.value
            if s.duration > trace[longest].duration { longest = c }
        }
        let first = trace[children[0]]
        return ChildGroup(
            parent: span, service: trace.table.serviceID(of: first), name: first.name,
            statementShape: shapes.shape(keyed[range.lowerBound].shape), children: children,
            maxConcurrency: Concurrency.maximum(starts: starts, ends: &ends),
            totalTime: Nanoseconds(total), longest: longest)
    }

    /// The wide fan-out finding of a span, if enough of its children ran at once.
    mutating func wideFanOut(of span: Int, groups: [ChildGroup]) -> WideFanOutFinding? {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var slowest = -1
        for c in tree.children(of: span) {
            let s = trace[Int(c)]
            starts.append(s.start.unixNanos)
            ends.append(s.end.unixNanos)
            if slowest < 0 || s.end > trace[slowest].end
                || (s.end == trace[slowest].end && s.duration > trace[slowest].duration) {
                slowest = Int(c)
            }
        }
        let concurrency = Concurrency.maximum(starts: starts, ends: &ends)
        guard concurrency >= AnalysisThresholds.wideFanOutMinimumConcurrency,
              let main = groups.max(by: { $0.count < $1.count }) else { return nil }
        return WideFanOutFinding(
            parent: span, childCount: tree.childCount(of: span), maxConcurrency: concurrency, slowest: slowest,
            mainService: main.service, mainName: main.name, mainCount: main.count)
    }
}
