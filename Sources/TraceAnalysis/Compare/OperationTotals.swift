import TraceModel

/// What the spans at one node of an `OperationTree` add up to: how many there are and how long
/// they took in all, by themselves, and on the critical path.
public struct OperationTotals: Sendable, Hashable {
    /// The number of spans.
    public var count: Int
    /// The sum of their durations (a span whose end precedes its start counts as 0).
    public var duration: Nanoseconds
    /// The sum of their self times (`TraceTree.selfTimes`: the duration minus the union of the
    /// children's intervals clipped to the span).
    public var selfTime: Nanoseconds
    /// The sum of their time on the critical path (`CriticalPath.criticalTime`).
    public var criticalTime: Nanoseconds

    public init(count: Int = 0, duration: Nanoseconds = .zero, selfTime: Nanoseconds = .zero,
                criticalTime: Nanoseconds = .zero) {
        self.count = count
        self.duration = duration
        self.selfTime = selfTime
        self.criticalTime = criticalTime
    }

    /// No spans.
    public static let zero = OperationTotals()

    /// True when some of the time of these spans is on the critical path.
    public var isCritical: Bool { criticalTime > .zero }

    /// Adds one span's figures (each already clamped at zero by the caller).
    mutating func add(duration: Nanoseconds, selfTime: Nanoseconds, criticalTime: Nanoseconds) {
        count += 1
        self.duration = self.duration + duration
        self.selfTime = self.selfTime + selfTime
        self.criticalTime = self.criticalTime + criticalTime
    }
}
