/// Total arithmetic on nanosecond counts: saturating Int64 operations, widened differences,
/// finite ratios and trap-free conversions from Double, so that no time in a trace can trap.
///
/// `Timestamp` and `Nanoseconds` are built on these; code that holds raw `Int64` times (column
/// arrays of starts and ends, the store) uses them directly.
public enum TimeMath {
    /// `a + b`, saturated at the ends of Int64.
    @inlinable public static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b < 0 ? .min : .max) : r
    }

    /// `a - b`, saturated at the ends of Int64.
    @inlinable public static func subtract(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? (b > 0 ? .min : .max) : r
    }

    /// `a * b`, saturated at the ends of Int64.
    @inlinable public static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? ((a < 0) != (b < 0) ? .min : .max) : r
    }

    /// `-a`, with `-Int64.min` saturated to `Int64.max`.
    @inlinable public static func negate(_ a: Int64) -> Int64 { a == .min ? .max : -a }

    /// `|a|`, with `|Int64.min|` saturated to `Int64.max`.
    @inlinable public static func absolute(_ a: Int64) -> Int64 { a == .min ? .max : Swift.abs(a) }

    /// `a - b` exactly enough for ratios and columns: in Double, so it never overflows.
    @inlinable public static func wideDifference(_ a: Int64, _ b: Int64) -> Double {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? Double(a) - Double(b) : Double(r)
    }

    /// `(a + b) / 2` without overflow, rounded toward negative infinity.
    @inlinable public static func midpoint(_ a: Int64, _ b: Int64) -> Int64 {
        (a >> 1) &+ (b >> 1) &+ (a & b & 1)
    }

    /// `part / whole`, or 0 when `whole` is not positive or the result is not finite.
    @inlinable public static func ratio(_ part: Double, _ whole: Double) -> Double {
        guard whole > 0 else { return 0 }
        let r = part / whole
        return r.isFinite ? r : 0
    }

    /// `x` as an Int, with NaN as 0 and values beyond Int's range clamped (never traps).
    @inlinable public static func int(_ x: Double) -> Int {
        if x.isNaN { return 0 }
        if x >= 9.2e18 { return .max }
        if x <= -9.2e18 { return .min }
        return Int(x)
    }

    /// `x` as an Int64 with NaN as 0 and values beyond range clamped (never traps).
    @inlinable public static func int64(_ x: Double) -> Int64 { Int64(int(x)) }
}
