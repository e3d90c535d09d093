/// The parent/child structure of one trace, in local span indices.
///
/// Built in O(n) (spans are already ordered by start time, so children come out ordered
/// by start with no sort) and without recursion, so a chain of a million spans is fine.
/// A span whose parent id is not in the trace is an *orphan* and becomes a root of its own
/// fragment; a span whose parent chain loops back on itself has its parent link cut (and is
/// listed in `cycleBreaks`), so every span appears exactly once in `preorder`.
public struct TraceTree: Sendable {
    public let count: Int
    /// The local index of each span's parent, or -1.
    public let parent: [Int32]
    /// CSR offsets into `childList`: the children of i are childList[childStart[i]..<childStart[i+1]].
    public let childStart: [Int32]
    public let childList: [Int32]
    /// Spans with no parent in the trace (true roots and orphans), ordered by start time.
    public let roots: [Int32]
    /// Spans whose parent id is set but not found in the trace.
    public let orphans: [Int32]
    /// Spans whose parent link was cut because it closed a cycle.
    public let cycleBreaks: [Int32]
    /// Depth-first pre-order, children by start time: the waterfall's row order.
    public let preorder: [Int32]
    /// Depth of each span below its root (roots are 0).
    public let depth: [Int32]

    public init(_ trace: Trace) {
        let n = trace.spanCount
        count = n
        let base = trace.spanRange.lowerBound
        let spans = trace.table.spans

        // Span id -> first local index with it.
        var byID = [UInt64: Int32](minimumCapacity: n)
        for i in 0..<n {
            let id = spans[base + i].spanID.rawValue
            if byID[id] == nil { byID[id] = Int32(i) }
        }

        var parent = [Int32](repeating: -1, count: n)
        var orphans: [Int32] = []
        for i in 0..<n {
            let p = spans[base + i].parentSpanID
            guard p.isValid else { continue }
            if let pi = byID[p.rawValue], pi != Int32(i) {
                parent[i] = pi
            } else if byID[p.rawValue] == nil {
                orphans.append(Int32(i))
            }
        }

        let cycleBreaks = Self.breakCycles(&parent)

        // Children in CSR form; filling in index order keeps them sorted by start.
        var childStart = [Int32](repeating: 0, count: n + 1)
        for i in 0..<n where parent[i] >= 0 { childStart[Int(parent[i]) + 1] += 1 }
        for i in 0..<n { childStart[i + 1] += childStart[i] }
        var fill = childStart
        var childList = [Int32](repeating: 0, count: Int(childStart[n]))
        for i in 0..<n where parent[i] >= 0 {
            let p = Int(parent[i])
            childList[Int(fill[p])] = Int32(i)
            fill[p] += 1
        }

        var roots: [Int32] = []
        for i in 0..<n where parent[i] < 0 { roots.append(Int32(i)) }

        // Iterative pre-order.
        var preorder: [Int32] = []
        preorder.reserveCapacity(n)
        var depth = [Int32](repeating: 0, count: n)
        var stack: [Int32] = []
        for r in roots.reversed() { stack.append(r) }
        while let node = stack.popLast() {
            preorder.append(node)
            let lo = Int(childStart[Int(node)])
            let hi = Int(childStart[Int(node) + 1])
            var c = hi - 1
            while c >= lo {
                let child = childList[c]
                depth[Int(child)] = depth[Int(node)] + 1
                stack.append(child)
                c -= 1
            }
        }

        self.parent = parent
        self.childStart = childStart
        self.childList = childList
        self.roots = roots
        self.orphans = orphans
        self.cycleBreaks = cycleBreaks
        self.preorder = preorder
        self.depth = depth
    }

    /// Cuts the parent link of one span in every cycle. O(n): each span is walked once.
    private static func breakCycles(_ parent: inout [Int32]) -> [Int32] {
        let n = parent.count
        // 0 = unvisited, 1 = on the current walk, 2 = done.
        var state = [UInt8](repeating: 0, count: n)
        var breaks: [Int32] = []
        var path: [Int32] = []
        for start in 0..<n where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var node = Int32(start)
            while node >= 0, state[Int(node)] == 0 {
                state[Int(node)] = 1
                path.append(node)
                node = parent[Int(node)]
            }
            if node >= 0, state[Int(node)] == 1 {
                // `node` is on this walk: the walk closed a loop. Cut it at `node`.
                parent[Int(node)] = -1
                breaks.append(node)
            }
            for p in path { state[Int(p)] = 2 }
        }
        return breaks
    }

    /// The children of a span, ordered by start time.
    @inlinable public func children(of i: Int) -> ArraySlice<Int32> {
        childList[Int(childStart[i])..<Int(childStart[i + 1])]
    }

    @inlinable public func childCount(of i: Int) -> Int { Int(childStart[i + 1] - childStart[i]) }

    /// Self time of every span: its duration minus the union of its children's intervals
    /// clipped to it. O(n) given children ordered by start.
    public func selfTimes(_ trace: Trace) -> [Nanoseconds] {
        var result = [Nanoseconds](repeating: .zero, count: count)
        for i in 0..<count {
            let span = trace[i]
            let lo = span.start.unixNanos
            let hi = span.end.unixNanos
            guard hi > lo else { continue }
            var covered: Int64 = 0
            var runStart = Int64.min
            var runEnd = Int64.min
            for c in children(of: i) {
                let child = trace[Int(c)]
                let s = max(child.start.unixNanos, lo)
                let e = min(child.end.unixNanos, hi)
                guard e > s else { continue }
                if s > runEnd {
                    if runEnd > runStart { covered = TimeMath.add(covered, TimeMath.subtract(runEnd, runStart)) }
                    runStart = s
                    runEnd = e
                } else if e > runEnd {
                    runEnd = e
                }
            }
            if runEnd > runStart { covered = TimeMath.add(covered, TimeMath.subtract(runEnd, runStart)) }
            result[i] = Nanoseconds(TimeMath.subtract(TimeMath.subtract(hi, lo), covered))
        }
        return result
    }
}
