import TraceModel

/// The clock skew between the hosts of two services, estimated from every parent/child pair
/// that crosses between them (parent service -> child service) in a trace.
///
/// Each synchronous pair whose child is not longer than its parent bounds the shift `s` of the
/// child's clock: the child must fit, `parentStart - childStart <= s <= parentEnd - childEnd`;
/// every other pair only says the child cannot start first, `s >= parentStart - childStart`.
/// Intersecting the bounds gives the shifts consistent with all pairs; the skew is at least the
/// smallest of them in magnitude. A positive shift means the child's clock runs behind.
public struct SkewEstimate: Sendable, Hashable {
    public var parentService: StringID
    public var childService: StringID
    /// Cross-clock parent/child pairs between the two services.
    public var pairs: Int
    /// Pairs where the child does not fit (the findings).
    public var violations: Int
    /// The median (nearest rank) of Jaeger's centring shift over the violating pairs.
    public var medianShift: Nanoseconds
    /// Smallest and largest shift consistent with every pair; nil when no single shift
    /// satisfies them all (the hosts vary, or latency does).
    public var consistentShifts: ClosedRange<Int64>?

    /// The smallest skew that explains every pair: zero when no shift is needed, nil when the
    /// pairs are inconsistent.
    public var minimumSkew: Nanoseconds? {
        guard let range = consistentShifts else { return nil }
        if range.lowerBound > 0 { return Nanoseconds(range.lowerBound) }
        if range.upperBound < 0 { return Nanoseconds(range.upperBound) }
        return .zero
    }
}
