import TraceAnalysis
import TraceModel
import TraceStore

/// One trace ready to be analysed: the trace, in a table together with every trace its
/// cross-trace findings can refer to (broken propagation partners and rivals, the traces
/// holding its orphans' parents), and the index of those neighbours.
public struct AnalysisSubject: Sendable {
    /// The trace and its neighbours.
    public let catalog: TraceCatalog
    /// The trace's index in `catalog`.
    public let traceIndex: Int
    /// The neighbours, indexed for the cross-trace rules.
    public let neighbours: TraceSetIndex

    public var trace: Trace { catalog.trace(at: traceIndex) }

    /// The trace's whole report (`AnalysisReport`): what `trex analyze` prints and the
    /// explorer draws.
    /// Pass the trace's tree when it is built already.
    public func report(_ options: AnalysisOptions = AnalysisOptions(), tree: TraceTree? = nil) -> AnalysisReport {
        AnalysisReport(trace, options: options, tree: tree, others: neighbours)
    }
}
