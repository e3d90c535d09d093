import TraceAnalysis
import TraceModel

/// The traces a trace is compared with under `--baseline`: the others with its root operation.
public struct BaselineSelection: Sendable {
    /// The root operation they share: the root span's service and name, as the trace list
    /// shows them (`TraceSummary`: the single true root, else the earliest span).
    public let rootOperation: OperationKey
    /// The chosen traces, nearest in start time to the trace first.
    public let ids: [TraceID]
    /// How many traces had the root operation (the trace itself left out), before the limit.
    public let matching: Int
}
