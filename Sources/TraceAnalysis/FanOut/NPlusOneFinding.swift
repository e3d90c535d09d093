import TraceModel

/// N+1: a run of at least `AnalysisThresholds.nPlusOneMinimumCalls` sequential,
/// non-overlapping sibling calls of one operation (for database calls, one statement shape),
/// where one batched or parallel call would do.
public struct NPlusOneFinding: Sendable, Hashable {
    public var parent: Int
    public var service: StringID
    public var name: StringID
    public var statementShape: String?
    /// The calls of the run, by start time.
    public var calls: [Int]
    /// The sum of their durations.
    public var totalTime: Nanoseconds
    /// The longest call: about what a single batched (or parallel) call would take.
    public var longest: Int
    public var longestTime: Nanoseconds

    /// What batching would save, roughly.
    public var savings: Nanoseconds { totalTime - longestTime }
}
