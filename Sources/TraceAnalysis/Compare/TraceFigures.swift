import TraceModel

/// What a whole trace measures, for the head of a comparison: its spans, its duration and the
/// length of its critical path (or, for a baseline, the median of each over its traces).
public struct TraceFigures: Sendable, Hashable {
    /// How many traces these figures summarise: 1, or N for a median.
    public var traceCount: Int
    /// The number of spans.
    public var spanCount: Int
    /// From the earliest span start to the latest span end (0 for an empty trace).
    public var duration: Nanoseconds
    /// The sum of the critical paths' lengths (`CriticalPath.Path.duration`, one path per root).
    public var criticalPathLength: Nanoseconds

    public init(traceCount: Int, spanCount: Int, duration: Nanoseconds, criticalPathLength: Nanoseconds) {
        self.traceCount = traceCount
        self.spanCount = spanCount
        self.duration = duration
        self.criticalPathLength = criticalPathLength
    }
}
