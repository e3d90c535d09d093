import TraceModel

/// The kept children of every span, ordered for the backward walk, with a cursor per span.
///
/// Children are sorted by clipped end ascending, then start descending, then local index
/// descending, so "the last position whose end is not after the current point" is the child
/// that finished last, earliest start on ties (Jaeger UI's `findLastFinishingChild`). The walk
/// only ever looks below the position it last took, so each span's cursor moves down
/// monotonically: all lookups together cost O(n); building costs O(n log n) for the sorts.
struct ChildrenByEnd {
    private var offsets: [Int32]
    private var list: [Int32]
    /// Per span: one past the highest position still eligible.
    private var cursor: [Int32]

    init(tree: TraceTree, intervals: BlockingIntervals) {
        let n = tree.count
        var offsets = [Int32](repeating: 0, count: n + 1)
        var list: [Int32] = []
        list.reserveCapacity(n)
        let starts = intervals.starts
        let ends = intervals.ends
        for i in 0..<n {
            let lo = list.count
            if intervals.kept[i] {
                for c in tree.children(of: i) where intervals.kept[Int(c)] { list.append(c) }
            }
            let hi = list.count
            if hi - lo > 1 {
                let before: (Int32, Int32) -> Bool = { a, b in
                    let ea = ends[Int(a)], eb = ends[Int(b)]
                    if ea != eb { return ea < eb }
                    let sa = starts[Int(a)], sb = starts[Int(b)]
                    if sa != sb { return sa > sb }
                    return a > b
                }
                var sorted = true
                for k in (lo + 1)..<hi where before(list[k], list[k - 1]) {
                    sorted = false
                    break
                }
                if !sorted { list[lo..<hi].sort(by: before) }
            }
            offsets[i + 1] = Int32(hi)
        }
        self.offsets = offsets
        self.list = list
        cursor = Array(offsets.dropFirst())
    }

    /// The child of `span` that finished last at or before `point` (earliest start on ties)
    /// among those not yet taken, or nil; taking it narrows later lookups to children ordered
    /// before it. With `strict`, a child must end strictly before `point` (Jaeger UI).
    mutating func take(from span: Int, endingBy point: Int64, strict: Bool, ends: [Int64]) -> Int? {
        let lo = Int(offsets[span])
        var k = Int(cursor[span]) - 1
        while k >= lo {
            let e = ends[Int(list[k])]
            if strict ? e < point : e <= point { break }
            k -= 1
        }
        guard k >= lo else {
            cursor[span] = Int32(lo)
            return nil
        }
        cursor[span] = Int32(k)
        return Int(list[k])
    }
}
