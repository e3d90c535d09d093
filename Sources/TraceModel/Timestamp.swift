/// A point in time: nanoseconds since the Unix epoch (UTC).
public struct Timestamp: Hashable, Comparable, Sendable {
    public var unixNanos: Int64

    public init(unixNanos: Int64) { self.unixNanos = unixNanos }

    public static func microseconds(_ us: Int64) -> Timestamp {
        Timestamp(unixNanos: us.multipliedReportingOverflow(by: 1000).overflow ? (us < 0 ? .min : .max) : us * 1000)
    }

    public static let zero = Timestamp(unixNanos: 0)

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.unixNanos < b.unixNanos }

    public static func - (a: Timestamp, b: Timestamp) -> Nanoseconds {
        Nanoseconds(a.unixNanos &- b.unixNanos)
    }

    public static func + (a: Timestamp, d: Nanoseconds) -> Timestamp {
        Timestamp(unixNanos: a.unixNanos &+ d.value)
    }

    public static func - (a: Timestamp, d: Nanoseconds) -> Timestamp {
        Timestamp(unixNanos: a.unixNanos &- d.value)
    }
}

/// A length of time in nanoseconds (may be negative: a span whose end precedes its start).
public struct Nanoseconds: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Nanoseconds(0)
    public static func milliseconds(_ ms: Int64) -> Nanoseconds { Nanoseconds(ms * 1_000_000) }
    public static func microseconds(_ us: Int64) -> Nanoseconds { Nanoseconds(us * 1_000) }
    public static func seconds(_ s: Int64) -> Nanoseconds { Nanoseconds(s * 1_000_000_000) }

    public static func < (a: Nanoseconds, b: Nanoseconds) -> Bool { a.value < b.value }
    public static func + (a: Nanoseconds, b: Nanoseconds) -> Nanoseconds { Nanoseconds(a.value &+ b.value) }
    public static func - (a: Nanoseconds, b: Nanoseconds) -> Nanoseconds { Nanoseconds(a.value &- b.value) }

    /// The duration as floating-point milliseconds (for display and ratios only).
    public var milliseconds: Double { Double(value) / 1_000_000 }
}
