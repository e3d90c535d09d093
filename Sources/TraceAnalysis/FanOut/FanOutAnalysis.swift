import TraceModel

/// Fan-out and N+1 across a whole trace: every span's children grouped by operation.
///
/// For each span, children are grouped by (service, name, statement shape) — see
/// `groups(of:)` — and each group yields N+1 findings for its sequential runs; the span's
/// children as a whole yield a wide fan-out finding when enough run at once.
/// O(n log n) over the trace (each span's children are sorted once); no recursion.
public struct FanOutAnalysis: Sendable {
    public let nPlusOne: [NPlusOneFinding]
    public let wideFanOuts: [WideFanOutFinding]

    /// Scans every span with enough children. O(n log n).
    public init(_ trace: Trace, tree: TraceTree? = nil) {
        let tree = tree ?? TraceTree(trace)
        var grouper = ChildGroups(trace: trace, tree: tree)
        let minimum = min(AnalysisThresholds.nPlusOneMinimumCalls, AnalysisThresholds.wideFanOutMinimumConcurrency)
        var nPlusOne: [NPlusOneFinding] = []
        var wide: [WideFanOutFinding] = []
        for i in 0..<tree.count where tree.childCount(of: i) >= minimum {
            let ranges = grouper.sortChildren(of: i)
            for r in ranges where r.count >= AnalysisThresholds.nPlusOneMinimumCalls {
                nPlusOne += grouper.sequentialRuns(of: i, range: r)
            }
            if tree.childCount(of: i) >= AnalysisThresholds.wideFanOutMinimumConcurrency,
               let finding = grouper.wideFanOut(of: i, ranges: ranges) {
                wide.append(finding)
            }
        }
        self.nPlusOne = nPlusOne
        wideFanOuts = wide
    }

    /// The children of one span grouped by operation, in order of each group's first call.
    /// O(n) to index the trace, then O(k log k) for k children; keep a `ChildGroups` to ask
    /// about many spans.
    public static func groups(of span: Int, in trace: Trace, tree: TraceTree) -> [ChildGroup] {
        var groups = ChildGroups(trace: trace, tree: tree)
        return groups.groups(of: span)
    }
}
