import TraceModel

/// A child span, timed by another clock than its parent, that does not fit in the parent:
/// it starts before the parent, or (when the parent waits for it) ends after it.
public struct ClockSkewFinding: Sendable, Hashable {
    public var parent: Int
    public var child: Int
    /// How long before its parent the child starts (zero when it does not).
    public var startsEarlyBy: Nanoseconds
    /// How long after its parent a synchronous child ends (zero when it does not, and always
    /// zero for asynchronous children, which may legitimately outlive the parent).
    public var endsLateBy: Nanoseconds
    /// The shift Jaeger's method would apply to the child's clock, from the raw times.
    public var suggestedShift: Nanoseconds
    /// The child lasted longer than its parent, so it cannot be centred.
    public var childLongerThanParent: Bool
}
