/// A point in time: nanoseconds since the Unix epoch (UTC).
///
/// Trace data is untrusted, so every time can be anything an Int64 holds. All arithmetic here is
/// total: it saturates at `Int64.min`/`Int64.max` instead of trapping or wrapping, and every
/// module computes with these operations (or `TimeMath`) rather than on `unixNanos` directly.
/// The raw value stays untouched for display and for the `bad-duration` diagnostics.
public struct Timestamp: Hashable, Comparable, Sendable {
    public var unixNanos: Int64

    public init(unixNanos: Int64) { self.unixNanos = unixNanos }

    /// A time given in microseconds, saturated when it does not fit in nanoseconds.
    public static func microseconds(_ us: Int64) -> Timestamp {
        Timestamp(unixNanos: TimeMath.multiply(us, 1000))
    }

    public static let zero = Timestamp(unixNanos: 0)
    /// The earliest and latest representable times.
    public static let min = Timestamp(unixNanos: .min)
    public static let max = Timestamp(unixNanos: .max)

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.unixNanos < b.unixNanos }

    /// The time from `b` to `a`, saturated: never traps, never changes sign by wrapping.
    public static func - (a: Timestamp, b: Timestamp) -> Nanoseconds {
        Nanoseconds(TimeMath.subtract(a.unixNanos, b.unixNanos))
    }

    /// The time `d` after `a`, saturated at the ends of time.
    public static func + (a: Timestamp, d: Nanoseconds) -> Timestamp {
        Timestamp(unixNanos: TimeMath.add(a.unixNanos, d.value))
    }

    /// The time `d` before `a`, saturated at the ends of time.
    public static func - (a: Timestamp, d: Nanoseconds) -> Timestamp {
        Timestamp(unixNanos: TimeMath.subtract(a.unixNanos, d.value))
    }

    /// This time limited to `range`.
    public func clamped(to range: ClosedRange<Timestamp>) -> Timestamp {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }

    /// Where this time falls in `lo...hi` as a fraction (0 at `lo`, 1 at `hi`; outside 0...1
    /// beyond them), computed in floating point so no width of interval can overflow.
    /// 0 when the interval is empty or inverted. Always finite.
    public func fraction(from lo: Timestamp, to hi: Timestamp) -> Double {
        TimeMath.ratio(TimeMath.wideDifference(unixNanos, lo.unixNanos),
                       TimeMath.wideDifference(hi.unixNanos, lo.unixNanos))
    }
}

/// A length of time in nanoseconds (may be negative: a span whose end precedes its start).
///
/// Arithmetic saturates at `Int64.min`/`Int64.max`, like `Timestamp`'s.
public struct Nanoseconds: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Nanoseconds(0)
    public static let max = Nanoseconds(.max)
    public static func milliseconds(_ ms: Int64) -> Nanoseconds { Nanoseconds(TimeMath.multiply(ms, 1_000_000)) }
    public static func microseconds(_ us: Int64) -> Nanoseconds { Nanoseconds(TimeMath.multiply(us, 1_000)) }
    public static func seconds(_ s: Int64) -> Nanoseconds { Nanoseconds(TimeMath.multiply(s, 1_000_000_000)) }

    public static func < (a: Nanoseconds, b: Nanoseconds) -> Bool { a.value < b.value }
    public static func + (a: Nanoseconds, b: Nanoseconds) -> Nanoseconds { Nanoseconds(TimeMath.add(a.value, b.value)) }
    public static func - (a: Nanoseconds, b: Nanoseconds) -> Nanoseconds { Nanoseconds(TimeMath.subtract(a.value, b.value)) }
    public static prefix func - (a: Nanoseconds) -> Nanoseconds { Nanoseconds(TimeMath.negate(a.value)) }

    /// The length without its sign (`Int64.min` saturates to `Int64.max`).
    public var magnitude: Nanoseconds { Nanoseconds(TimeMath.absolute(value)) }

    /// The duration as floating-point milliseconds (for display and ratios only).
    public var milliseconds: Double { Double(value) / 1_000_000 }

    /// This length as a fraction of `whole` (0 when `whole` is not positive; always finite).
    public func ratio(to whole: Nanoseconds) -> Double { TimeMath.ratio(Double(value), Double(whole.value)) }

    /// Half of this length, rounded toward zero (cannot overflow).
    public var half: Nanoseconds { Nanoseconds(value / 2) }
}
