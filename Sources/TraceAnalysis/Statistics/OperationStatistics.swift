import TraceModel

/// Counts, error rate and latency percentiles of one operation (a service and span name), or
/// of a whole service when `operation` is nil.
public struct OperationStatistics: Sendable, Hashable {
    public var service: String
    /// The span name; nil for a whole-service row.
    public var operation: String?
    public var count: Int
    public var errorCount: Int
    /// Percentiles of span duration (nanoseconds, nearest rank).
    public var duration: Percentiles
    /// Percentiles of self time: duration minus the union of the children's intervals.
    public var selfTime: Percentiles

    /// Errors / count (0 for no spans).
    public var errorRate: Double { count == 0 ? 0 : Double(errorCount) / Double(count) }
}
