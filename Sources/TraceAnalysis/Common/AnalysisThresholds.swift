/// The documented thresholds of the analyses (docs/analysis.md explains each).
public enum AnalysisThresholds {
    /// N+1: at least this many sequential, non-overlapping sibling calls of one operation.
    public static let nPlusOneMinimumCalls = 5
    /// Wide fan-out: at least this many children of one span running at the same moment.
    public static let wideFanOutMinimumConcurrency = 10
    /// Broken propagation: a server root and a client span count as overlapping when their
    /// intervals overlap, allowing this much clock skew (nanoseconds) at either end.
    public static let propagationSkewAllowance: Int64 = 50_000_000
    /// Clock skew from late ends alone: at least this many calls of one service pair that start
    /// inside their caller, end after it, and agree on one shift. Fewer, and a child that ends
    /// late is a caller that gave up (`outlives-parent`).
    public static let consistentLateCalls = 2
}
