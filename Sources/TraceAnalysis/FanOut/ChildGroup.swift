import TraceModel

/// The children of one span that run the same operation: same service, same name and, for
/// database calls, the same statement shape.
public struct ChildGroup: Sendable, Hashable {
    public var parent: Int
    public var service: StringID
    public var name: StringID
    /// The statement with literals stripped, for database calls; nil otherwise.
    public var statementShape: String?
    /// The calls, by start time.
    public var children: [Int]
    /// The most calls of the group running at one moment.
    public var maxConcurrency: Int
    /// The sum of the calls' durations.
    public var totalTime: Nanoseconds
    /// The longest call (what one parallel or batched call would roughly cost).
    public var longest: Int

    public var count: Int { children.count }
    /// True when no two calls overlapped: they ran one after another.
    public var isSequential: Bool { maxConcurrency <= 1 }
}
