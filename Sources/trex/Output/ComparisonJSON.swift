import TraceAnalysis
import TraceModel
import TraceWorkspace

/// The `--json` form of `trex compare`:
///
///     baseline    true when A is the median of the trace's root operation (`--baseline`)
///     a, b        {traceIds, traces, spanCount, durationNanos, criticalPathNanos}: the trace
///                 ids each side stands for and its whole-trace figures (medians for a baseline)
///     rootOperation  {service, operation} (with --baseline)
///     nodes       `TraceComparison`'s nodes, flat in pre-order (docs/analysis.md)
struct ComparisonJSON: Encodable {
    struct Side: Encodable {
        var traceIds: [String]
        var traces: Int
        var spanCount: Int
        var durationNanos: Int64
        var criticalPathNanos: Int64

        init(_ side: ComparedSide) {
            traceIds = side.traceIDs.map(\.hex)
            traces = side.tree.figures.traceCount
            spanCount = side.tree.figures.spanCount
            durationNanos = side.tree.figures.duration.value
            criticalPathNanos = side.tree.figures.criticalPathLength.value
        }
    }

    struct Operation: Encodable {
        var service: String
        var operation: String
    }

    var baseline: Bool
    var a: Side
    var b: Side
    var rootOperation: Operation?
    var nodes: [TraceComparison.Node]

    init(_ comparison: TraceComparison, a: ComparedSide, b: ComparedSide, rootOperation: OperationKey?) {
        baseline = rootOperation != nil
        self.a = Side(a)
        self.b = Side(b)
        self.rootOperation = rootOperation.map { Operation(service: $0.service, operation: $0.name) }
        nodes = comparison.nodes
    }
}
