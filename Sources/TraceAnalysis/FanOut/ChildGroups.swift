import TraceModel

/// Groups spans' children by operation (service, name, statement shape), for one span after
/// another: build once per trace, then ask for `groups(of:)` of any span.
///
/// Internally it sorts one span's children into a scratch buffer reused across spans and
/// reads groups, sequential runs and concurrency out of it without allocating per span.
public struct ChildGroups {
    let trace: Trace
    let tree: TraceTree
    private(set) var shapes: StatementShapes
    /// Per span: service id << 32 | name id.
    private let keys: [UInt64]
    private let starts: [Int64]
    private let ends: [Int64]
    /// Per span: statement shape id, or -1 before it is computed.
    private var shapeOf: [Int32]
    /// The children of the current span, by (operation, shape, start, index).
    private(set) var sorted: [(key: UInt64, shape: Int32, child: Int32)] = []
    private var endScratch: [Int64] = []
    private var startScratch: [Int64] = []

    /// O(n): one pass over the spans for their keys and times.
    public init(trace: Trace, tree: TraceTree) {
        self.trace = trace
        self.tree = tree
        shapes = StatementShapes(trace.table)
        let n = trace.spanCount
        var keys = [UInt64](repeating: 0, count: n)
        let table = trace.table
        table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for i in 0..<n {
                let s = all[base + i]
                keys[i] = UInt64(table.serviceID(of: s).rawValue) << 32 | UInt64(s.name.rawValue)
            }
        }
        self.keys = keys
        let times = SpanTimes(trace)
        starts = times.starts
        ends = times.ends
        shapeOf = [Int32](repeating: -1, count: n)
    }

    /// Sorts a span's children by operation into `sorted` and returns the group ranges.
    /// O(k log k) for k children.
    mutating func sortChildren(of span: Int) -> [Range<Int>] {
        sorted.removeAll(keepingCapacity: true)
        for c in tree.children(of: span) {
            let i = Int(c)
            if shapeOf[i] < 0 { shapeOf[i] = shapes.shapeID(of: trace[i]) }
            sorted.append((keys[i], shapeOf[i], c))
        }
        // Children come ordered by start (then index): a stable sort by operation keeps each
        // group in that order. Insertion sort for the usual handful, a full sort beyond.
        if sorted.count <= 32 {
            for k in 1..<max(1, sorted.count) {
                let item = sorted[k]
                var j = k - 1
                while j >= 0, (sorted[j].key, sorted[j].shape) > (item.key, item.shape) {
                    sorted[j + 1] = sorted[j]
                    j -= 1
                }
                sorted[j + 1] = item
            }
        } else {
            let starts = self.starts
            sorted.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                if a.shape != b.shape { return a.shape < b.shape }
                let sa = starts[Int(a.child)], sb = starts[Int(b.child)]
                if sa != sb { return sa < sb }
                return a.child < b.child
            }
        }
        var ranges: [Range<Int>] = []
        var lo = 0
        while lo < sorted.count {
            var hi = lo + 1
            while hi < sorted.count, sorted[hi].key == sorted[lo].key, sorted[hi].shape == sorted[lo].shape { hi += 1 }
            ranges.append(lo..<hi)
            lo = hi
        }
        return ranges
    }

    /// The children of a span grouped by operation, in order of each group's first call.
    /// O(k log k) for k children.
    public mutating func groups(of span: Int) -> [ChildGroup] {
        let ranges = sortChildren(of: span)
        return ranges.map { group(of: span, range: $0) }.sorted { $0.children[0] < $1.children[0] }
    }

    /// The group of `sorted[range]` as a value.
    mutating func group(of span: Int, range: Range<Int>) -> ChildGroup {
        let children = sorted[range].map { Int($0.child) }
        var total: Int64 = 0
        var longest = children[0]
        for c in children {
            total = TimeMath.add(total, TimeMath.subtract(ends[c], starts[c]))
            if TimeMath.subtract(ends[c], starts[c]) > TimeMath.subtract(ends[longest], starts[longest]) { longest = c }
        }
        let key = sorted[range.lowerBound].key
        return ChildGroup(
            parent: span, service: StringID(UInt32(key >> 32)), name: StringID(UInt32(key & 0xffff_ffff)),
            statementShape: shapes.shape(sorted[range.lowerBound].shape), children: children,
            maxConcurrency: maxConcurrency(children), totalTime: Nanoseconds(total), longest: longest)
    }

    /// N+1 findings in `sorted[range]`: maximal runs of calls each starting at or after the
    /// run's calls ended (an overlapping call starts a new run), at least the threshold long.
    func sequentialRuns(of span: Int, range: Range<Int>) -> [NPlusOneFinding] {
        var findings: [NPlusOneFinding] = []
        var runStart = range.lowerBound
        var runEnd = Int64.min
        func flush(_ upTo: Int) {
            guard upTo - runStart >= AnalysisThresholds.nPlusOneMinimumCalls else { return }
            let calls = sorted[runStart..<upTo].map { Int($0.child) }
            var total: Int64 = 0
            var longest = calls[0]
            for c in calls {
                total = TimeMath.add(total, TimeMath.subtract(ends[c], starts[c]))
                if TimeMath.subtract(ends[c], starts[c]) > TimeMath.subtract(ends[longest], starts[longest]) { longest = c }
            }
            let key = sorted[runStart].key
            findings.append(NPlusOneFinding(
                parent: span, service: StringID(UInt32(key >> 32)), name: StringID(UInt32(key & 0xffff_ffff)),
                statementShape: shapes.shape(sorted[runStart].shape), calls: calls, totalTime: Nanoseconds(total),
                longest: longest, longestTime: Nanoseconds(TimeMath.subtract(ends[longest], starts[longest]))))
        }
        for k in range {
            let c = Int(sorted[k].child)
            if starts[c] < runEnd {
                flush(k)
                runStart = k
                runEnd = ends[c]
            } else {
                runEnd = max(runEnd, ends[c])
            }
        }
        flush(range.upperBound)
        return findings
    }

    /// The wide fan-out finding of the span whose children are in `sorted`, if enough ran at
    /// once.
    mutating func wideFanOut(of span: Int, ranges: [Range<Int>]) -> WideFanOutFinding? {
        let children = tree.children(of: span)
        let concurrency = maxConcurrency(children.map(Int.init))
        guard concurrency >= AnalysisThresholds.wideFanOutMinimumConcurrency,
              let main = ranges.max(by: { $0.count < $1.count }) else { return nil }
        var slowest = Int(children[children.startIndex])
        for c32 in children {
            let c = Int(c32)
            if ends[c] > ends[slowest] || (ends[c] == ends[slowest] && TimeMath.subtract(ends[c], starts[c]) > TimeMath.subtract(ends[slowest], starts[slowest])) {
                slowest = c
            }
        }
        let key = sorted[main.lowerBound].key
        return WideFanOutFinding(
            parent: span, childCount: children.count, maxConcurrency: concurrency, slowest: slowest,
            mainService: StringID(UInt32(key >> 32)), mainName: StringID(UInt32(key & 0xffff_ffff)),
            mainCount: main.count)
    }

    private mutating func maxConcurrency(_ spans: [Int]) -> Int {
        startScratch.removeAll(keepingCapacity: true)
        endScratch.removeAll(keepingCapacity: true)
        for c in spans {
            startScratch.append(starts[c])
            endScratch.append(ends[c])
        }
        return Concurrency.maximum(starts: &startScratch, ends: &endScratch)
    }
}
