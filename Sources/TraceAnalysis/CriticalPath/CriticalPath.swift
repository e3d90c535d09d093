import TraceModel

/// The critical path of a trace: the chain of time sections that determined its end-to-end
/// latency, computed as Jaeger UI computes it, with two documented improvements.
///
/// Definition (docs/analysis.md has the worked example):
/// 1. Blocking children only: a CONSUMER child of a PRODUCER is dropped with its subtree.
/// 2. Each child is clipped to its clipped parent; children outside it are dropped.
/// 3. Walk backwards from the end of the root. In the current span, the child that finished
///    last before the current point (earliest start on ties) is on the path; the gap from
///    its end to the current point is the parent's own section; continue inside that child
///    from its end. With no such child, the span's section runs back to its start and the
///    walk resumes in its parent at that start. Zero-length sections are left out.
///
/// Improvements over Jaeger UI (`Compatibility.trex`, the default): a child ending exactly at
/// the current point is eligible (back-to-back sequential calls stay on the path, where Jaeger
/// UI's strict comparison hands that time to the parent), and a span whose parent is missing
/// gets its own path as the root of its fragment (Jaeger UI drops it).
/// `Compatibility.jaegerUI` turns both off.
///
/// Cost: O(n log n) time (sorting children by end), O(n) memory; iterative, so a
/// 100,000-deep chain or a 1,000,000-span trace is fine.
public struct CriticalPath: Sendable {
    /// Which definition to follow.
    public enum Compatibility: Sendable, Hashable {
        /// Jaeger UI's definition plus the two improvements (the default).
        case trex
        /// Jaeger UI exactly: strict "finished before" comparison, orphans get no path.
        case jaegerUI
    }

    /// The path below one root, sections in time order.
    public struct Path: Sendable, Hashable {
        /// The local index of the root of this path (a true root or an orphan).
        public var root: Int
        public var sections: [CriticalPathSection]

        /// The sum of the section lengths (the root's clipped duration).
        public var duration: Nanoseconds { sections.reduce(.zero) { $0 + $1.duration } }
    }

    /// One path per root with a path, in the order of `TraceTree.roots` (by start time).
    public let paths: [Path]
    /// Each span's total time on the critical path, by local index.
    public let criticalTime: [Nanoseconds]

    /// Computes the critical path of a trace. `times` defaults to the raw times; pass the
    /// adjusted times for the clock-skew adjusted view.
    public init(_ trace: Trace, tree: TraceTree? = nil, times: SpanTimes? = nil,
                compatibility: Compatibility = .trex) {
        let tree = tree ?? TraceTree(trace)
        let times = times ?? SpanTimes(trace)
        let intervals = BlockingIntervals(trace, tree: tree, times: times)
        var children = ChildrenByEnd(tree: tree, intervals: intervals)
        let starts = intervals.starts
        let ends = intervals.ends
        let strict = compatibility == .jaegerUI
        var criticalTime = [Int64](repeating: 0, count: tree.count)
        var paths: [Path] = []

        for r in tree.roots {
            let root = Int(r)
            if strict, trace[root].parentSpanID.isValid { continue }   // Jaeger UI drops fragments
            var sections: [CriticalPathSection] = []
            var current = root
            var point = ends[root]
            var fresh = true   // first visit of `current`: every kept child is eligible
            while true {
                if let child = children.take(from: current, endingBy: point, strict: strict && !fresh, ends: ends) {
                    if ends[child] < point { sections.append(Self.section(current, ends[child], point)) }
                    current = child
                    point = ends[child]
                    fresh = true
                } else {
                    if starts[current] < point { sections.append(Self.section(current, starts[current], point)) }
                    if current == root { break }
                    point = starts[current]
                    current = Int(tree.parent[current])
                    fresh = false
                }
            }
            sections.reverse()
            for s in sections { criticalTime[s.span] = TimeMath.add(criticalTime[s.span], s.duration.value) }
            paths.append(Path(root: root, sections: sections))
        }
        self.paths = paths
        self.criticalTime = criticalTime.map(Nanoseconds.init)
    }

    private static func section(_ span: Int, _ start: Int64, _ end: Int64) -> CriticalPathSection {
        CriticalPathSection(span: span, start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: end))
    }

    /// Every section of every path, in time order (by start, then end, then path order).
    /// O(s log s) with several paths.
    public var sections: [CriticalPathSection] {
        if paths.count == 1 { return paths[0].sections }
        return paths.flatMap(\.sections).enumerated().sorted { a, b in
            if a.element.start != b.element.start { return a.element.start < b.element.start }
            if a.element.end != b.element.end { return a.element.end < b.element.end }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// True when a span has time on the critical path.
    public func isCritical(_ span: Int) -> Bool { criticalTime[span] > .zero }
}
