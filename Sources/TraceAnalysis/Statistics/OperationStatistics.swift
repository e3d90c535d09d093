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
    /// True when the row held more than 65,536 spans: its percentiles (not its maximum) are
    /// then within 0.5% of the exact ones (`LatencySamples`).
    public var isApproximate = false
    /// The row's spans' total time on their traces' critical paths.
    public var criticalTime: Nanoseconds
    /// `criticalTime` over the length of every critical path of the set (0...1).
    public var criticalShare: Double

    public init(service: String, operation: String?, count: Int, errorCount: Int, duration: Percentiles,
                selfTime: Percentiles, isApproximate: Bool = false, criticalTime: Nanoseconds = .zero,
                criticalShare: Double = 0) {
        self.service = service
        self.operation = operation
        self.count = count
        self.errorCount = errorCount
        self.duration = duration
        self.selfTime = selfTime
        self.isApproximate = isApproximate
        self.criticalTime = criticalTime
        self.criticalShare = criticalShare
    }

    /// Errors / count (0 for no spans).
    public var errorRate: Double { count == 0 ? 0 : Double(errorCount) / Double(count) }
}
