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

    public init(_ trace: Trace, tree: TraceTree? = nil) {
        let tree = tree ?? TraceTree(trace)
        var grouper = ChildGrouper(trace: trace, tree: tree)
        var nPlusOne: [NPlusOneFinding] = []
        var wide: [WideFanOutFinding] = []
        for i in 0..<tree.count where tree.childCount(of: i) >= 2 {
            let groups = grouper.groups(of: i)
            for g in groups where g.count >= AnalysisThresholds.nPlusOneMinimumCalls {
                nPlusOne += Self.sequentialRuns(in: g, trace: trace)
            }
            if tree.childCount(of: i) >= AnalysisThresholds.wideFanOutMinimumConcurrency,
               let finding = grouper.wideFanOut(of: i, groups: groups) {
                wide.append(finding)
            }
        }
        self.nPlusOne = nPlusOne
        wideFanOuts = wide
    }

    /// The children of one span grouped by operation, in order of each group's first call.
    /// O(k log k) for k children.
    public static func groups(of span: Int, in trace: Trace, tree: TraceTree) -> [ChildGroup] {
        var grouper = ChildGrouper(trace: trace, tree: tree)
        return grouper.groups(of: span)
    }

    /// Maximal runs of calls that each start at or after every earlier call of the run ended
    /// (a call overlapping the run starts a new one), long enough to be N+1.
    static func sequentialRuns(in group: ChildGroup, trace: Trace) -> [NPlusOneFinding] {
        var findings: [NPlusOneFinding] = []
        var run: [Int] = []
        var runEnd = Int64.min
        func flush() {
            guard run.count >= AnalysisThresholds.nPlusOneMinimumCalls else { return }
            var total: Int64 = 0
            var longest = run[0]
            for c in run {
                total += trace[c].duration.value
                if trace[c].duration > trace[longest].duration { longest = c }
            }
            findings.append(NPlusOneFinding(
                parent: group.parent, service: group.service, name: group.name, statementShape: group.statementShape,
                calls: run, totalTime: Nanoseconds(total), longest: longest, longestTime: trace[longest].duration))
        }
        for c in group.children {
            let span = trace[c]
            if span.start.unixNanos < runEnd {
                flush()
                run = [c]
                runEnd = span.end.unixNanos
            } else {
                run.append(c)
                runEnd = max(runEnd, span.end.unixNanos)
            }
        }
        flush()
        return findings
    }
}
