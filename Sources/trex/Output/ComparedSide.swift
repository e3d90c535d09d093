import TraceAnalysis
import TraceModel
import TraceWorkspace

/// One side of `trex compare`: a trace, or the baseline median of several, with how the output
/// names and describes it.
struct ComparedSide {
    /// The short name in column titles and markers: `A`, `B`, `BASE`, `TRACE`.
    let name: String
    /// What it is, for the header (raw trace data: escaped where it is printed).
    let description: String
    /// The traces it stands for.
    let traceIDs: [TraceID]
    /// The trace folded by path (for a baseline, the median tree).
    let tree: OperationTree

    /// A single trace: `trace 4bf92f35…: frontend GET /checkout`.
    init(name: String, trace: Trace) {
        let summary = TraceSummary(trace)
        self.name = name
        description = "trace \(trace.shownID): \(trace.table.strings[summary.rootService]) \(trace.table.strings[summary.rootName])"
        traceIDs = [trace.id]
        tree = OperationTree(trace)
    }

    /// The baseline: the median of the trees of the traces `selection` chose.
    init(name: String, baseline selection: BaselineSelection, trees: [OperationTree]) {
        self.name = name
        let root = selection.rootOperation
        let of = selection.matching > trees.count ? " (the nearest in time of \(NumberFormat.grouped(selection.matching)))" : ""
        description = "median of \(NumberFormat.count(trees.count, "trace"))\(of) with root \(root.service) \(root.name)"
        traceIDs = selection.ids
        tree = OperationTree(medianOf: trees)
    }
}
