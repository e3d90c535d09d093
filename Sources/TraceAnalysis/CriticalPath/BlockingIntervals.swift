import TraceModel

/// Step 1 and 2 of the critical path: which spans can block their parent, and the interval
/// each one occupies once clipped to its (already clipped) parent.
///
/// A CONSUMER child of a PRODUCER span is dropped with its subtree; every other child blocks,
/// FOLLOWS_FROM included. A child entirely outside its parent, or starting at or after the
/// parent's end, is dropped with its subtree; one that sticks out is cut to the parent's
/// interval (Jaeger UI's `sanitizeOverFlowingChildren`). A span whose end precedes its start
/// is treated as an instant at its start. Roots (true roots and orphans) keep their interval.
/// O(n), parents before children along the tree's pre-order.
struct BlockingIntervals {
    /// Kept spans.
    var kept: [Bool]
    /// Clipped start and end of kept spans (Unix ns).
    var starts: [Int64]
    var ends: [Int64]

    init(_ trace: Trace, tree: TraceTree, times: SpanTimes) {
        let n = tree.count
        var kept = [Bool](repeating: false, count: n)
        var starts = [Int64](repeating: 0, count: n)
        var ends = [Int64](repeating: 0, count: n)
        trace.table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for node in tree.preorder {
                let i = Int(node)
                let s = times.starts[i]
                let e = max(times.ends[i], s)
                let p = Int(tree.parent[i])
                if p < 0 {
                    kept[i] = true
                    starts[i] = s
                    ends[i] = e
                    continue
                }
                guard kept[p], !SpanRelation.isNonBlocking(child: all[base + i], parent: all[base + p]) else { continue }
                let ps = starts[p]
                let pe = ends[p]
                if s >= ps {
                    if s >= pe { continue }          // starts at or after the parent's end
                    starts[i] = s
                } else {
                    if e <= ps { continue }          // ends before the parent starts
                    starts[i] = ps
                }
                ends[i] = min(e, pe)
                kept[i] = true
            }
        }
        self.kept = kept
        self.starts = starts
        self.ends = ends
    }
}
