import TraceModel

/// What one spanset of a query says about a span of a matching trace, in the terms the store
/// indexes: every set condition holds (on the same span, though the store may check them on
/// different spans of the trace: candidates only need to be a superset). nil or empty means
/// "any".
///
/// Times and durations are integers, so strict bounds are exact: `duration > 1.5s` is
/// `duration: (1.5s + 1ns)...`, see `Nanoseconds.above(_:)`.
public struct StoredSpanFilter: Sendable, Hashable {
    /// Span start within these bounds (`traces.start_ns` and `last_start_ns`).
    public var start: ClosedRange<Timestamp>?
    /// Span duration within these bounds (the facets' shortest and longest durations).
    public var duration: ClosedRange<Nanoseconds>?
    /// Conditions on the resource's `service.name`, all of which hold.
    public var services: [StoredStringCondition]
    /// Conditions on the span name, all of which hold.
    public var names: [StoredStringCondition]
    /// The span kind is one of these.
    public var kinds: Set<SpanKind>?
    /// The status is one of these.
    public var statuses: Set<StatusCode>?
    /// Attribute equalities, tested on the attribute blocks inside SQLite.
    public var attributes: [StoredAttributeCondition]

    public init(start: ClosedRange<Timestamp>? = nil, duration: ClosedRange<Nanoseconds>? = nil,
                services: [StoredStringCondition] = [], names: [StoredStringCondition] = [],
                kinds: Set<SpanKind>? = nil, statuses: Set<StatusCode>? = nil,
                attributes: [StoredAttributeCondition] = []) {
        self.start = start
        self.duration = duration
        self.services = services
        self.names = names
        self.kinds = kinds
        self.statuses = statuses
        self.attributes = attributes
    }

    /// True when the filter restricts nothing.
    public var isEmpty: Bool {
        start == nil && duration == nil && services.isEmpty && names.isEmpty && kinds == nil && statuses == nil
            && attributes.isEmpty
    }
}

extension Nanoseconds {
    /// Durations strictly longer than `d`: `(d + 1ns)...max`.
    public static func above(_ d: Nanoseconds) -> ClosedRange<Nanoseconds> { Nanoseconds(d.value + 1)...Nanoseconds(.max) }

    /// Durations strictly shorter than `d`: `min...(d - 1ns)`.
    public static func below(_ d: Nanoseconds) -> ClosedRange<Nanoseconds> { Nanoseconds(.min)...Nanoseconds(d.value - 1) }
}

extension ClosedRange where Bound: Comparable {
    /// The overlap of two ranges, nil when they do not meet.
    func meeting(_ other: ClosedRange<Bound>) -> ClosedRange<Bound>? {
        let lower = Swift.max(lowerBound, other.lowerBound), upper = Swift.min(upperBound, other.upperBound)
        return lower <= upper ? lower...upper : nil
    }
}
