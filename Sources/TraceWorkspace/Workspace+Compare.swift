import TraceAnalysis
import TraceModel
import TraceStore

/// The sides `trex compare` and the explorer's compare screen put side by side, made in one
/// place so both show the same comparison.
extension Workspace {
    /// A trace against the median of the other traces with its root operation (the nearest
    /// `limit` in start time): `BASE` and `TRACE`. Nil when no other trace has its root
    /// operation.
    public func baselineSides(for trace: Trace, limit: Int) throws -> (base: ComparedSide, trace: ComparedSide, selection: BaselineSelection)? {
        guard let selection = try baselineSelection(for: trace.id, limit: limit), !selection.ids.isEmpty else { return nil }
        let trees = try operationTrees(selection.ids)
        guard !trees.isEmpty else { return nil }
        return (ComparedSide(name: "BASE", baseline: selection, trees: trees), ComparedSide(name: "TRACE", trace: trace), selection)
    }

    /// The root operation of a trace as the baseline matches it, for "no other trace has …".
    public static func rootOperationText(of trace: Trace) -> String {
        let summary = TraceSummary(trace)
        return "\(trace.table.strings[summary.rootService]) \(trace.table.strings[summary.rootName])"
    }
}
