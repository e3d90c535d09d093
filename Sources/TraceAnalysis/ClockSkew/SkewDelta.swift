import TraceModel

/// The shift that would put a child span, timed by another clock, inside its parent.
///
/// Jaeger's `calculateSkew`, on nanoseconds:
/// - a child longer than its parent cannot be centred (it was asynchronous, or the parent
///   timed out): only make sure it does not start before the parent;
/// - a child already inside its parent needs nothing;
/// - otherwise assume the network latency splits evenly between request and response and
///   centre the child: parent start + (parent duration - child duration) / 2.
public enum SkewDelta {
    /// How the shift was found.
    public enum Method: Sendable, Hashable {
        /// The child fits (or nothing could be said): no shift.
        case none
        /// The child was centred in its parent.
        case centred
        /// The child is longer than its parent: moved only so it does not start before it.
        case alignedToParentStart
    }

    /// The shift (nanoseconds, positive = later) for a child [childStart, childEnd) under a
    /// parent [parentStart, parentEnd), and how it was found.
    public static func compute(childStart: Int64, childEnd: Int64,
                               parentStart: Int64, parentEnd: Int64) -> (shift: Int64, method: Method) {
        let parentDuration = TimeMath.subtract(parentEnd, parentStart)
        let childDuration = TimeMath.subtract(childEnd, childStart)
        if childDuration > parentDuration {
            if childStart < parentStart { return (TimeMath.subtract(parentStart, childStart), .alignedToParentStart) }
            return (0, .none)
        }
        if childStart >= parentStart, childEnd <= parentEnd { return (0, .none) }
        // Go's integer division truncates toward zero, as Swift's does.
        let latency = TimeMath.subtract(parentDuration, childDuration) / 2
        let shift = TimeMath.subtract(TimeMath.add(parentStart, latency), childStart)
        return (shift, shift == 0 ? .none : .centred)
    }
}
