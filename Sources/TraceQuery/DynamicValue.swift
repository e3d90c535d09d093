import Foundation
import TraceModel

/// A value computed for one span by TraceQL's arithmetic and field-to-field comparisons:
/// typed as the span's field is, `none` where the span lacks it or a computation has no result
/// (a string in arithmetic, a division by zero).
enum DynamicValue {
    case none
    case integer(Int64)
    case double(Double)
    /// Nanoseconds.
    case duration(Int64)
    case string(String)
    case boolean(Bool)
    case status(StatusCode)
    case kind(SpanKind)

    /// `lhs op rhs` by TraceQL's rules: a duration is its nanoseconds (the result a duration
    /// when a side is one, but a duration divided by a duration is a number); integers stay
    /// integers (`/` truncates, as in Tempo; a double or an overflow makes a double).
    static func apply(_ op: ArithmeticOperator, _ a: DynamicValue, _ b: DynamicValue) -> DynamicValue {
        let durations = (a.isDuration ? 1 : 0) + (b.isDuration ? 1 : 0)
        let result: DynamicValue
        switch (a.integerValue, b.integerValue) {
        case (let x?, let y?):
            switch op {
            case .add: result = exact(x.addingReportingOverflow(y), Double(x) + Double(y))
            case .subtract: result = exact(x.subtractingReportingOverflow(y), Double(x) - Double(y))
            case .multiply: result = exact(x.multipliedReportingOverflow(by: y), Double(x) * Double(y))
            case .divide:
                if durations == 2 { return y == 0 ? .none : .double(Double(x) / Double(y)) }
                result = y == 0 || (x == .min && y == -1) ? .none : .integer(x / y)
            case .modulo: result = y == 0 || (x == .min && y == -1) ? .none : .integer(x % y)
            case .power: result = real(op, Double(x), Double(y))
            }
        default:
            guard let x = a.number, let y = b.number else { return .none }
            if durations == 2 && op == .divide { return real(op, x, y) }
            result = real(op, x, y)
        }
        guard durations > 0 else { return result }
        switch result {
        case .integer(let ns): return .duration(ns)
        case .double(let d):
            guard d.isFinite, let ns = Int64(exactly: d.rounded()) else { return .none }
            return .duration(ns)
        default: return .none
        }
    }

    private var isDuration: Bool { if case .duration = self { true } else { false } }

    /// An integer or a duration's nanoseconds.
    private var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .duration(let d): d
        default: nil
        }
    }

    /// `-x`.
    var negated: DynamicValue {
        switch self {
        case .integer(let i): i == .min ? .double(-Double(i)) : .integer(-i)
        case .double(let d): .double(-d)
        case .duration(let d): d == .min ? .none : .duration(-d)
        default: .none
        }
    }

    /// -1, 0 or 1 when the two values have one type (integers and doubles are both numbers);
    /// nil when they do not compare (then every operator, `!=` too, is false).
    static func compare(_ a: DynamicValue, _ b: DynamicValue) -> Int? {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.integer(let x), .integer(let y)), (.duration(let x), .duration(let y)),
             (.integer(let x), .duration(let y)), (.duration(let x), .integer(let y)): return order(x, y)
        case (.string(let x), .string(let y)): return StringMatcher.compareUTF8(x, y)
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : 1
        case (.status(let x), .status(let y)): return x == y ? 0 : 1
        case (.kind(let x), .kind(let y)): return x == y ? 0 : 1
        default:
            guard let x = a.number, let y = b.number, !x.isNaN, !y.isNaN else { return nil }
            return order(x, y)
        }
    }

    /// True when the operator orders values of this kind (`<` on booleans does not).
    var isOrdered: Bool {
        switch self {
        case .integer, .double, .duration, .string: true
        default: false
        }
    }

    /// A double that holds a whole number (a duration, a count) as an integer, clamped to the
    /// 64-bit range (`Int64(Double)` traps on 2^63, which `Double(Int64.max)` rounds to); NaN is 0.
    static func clampedInteger(_ d: Double) -> Int64 {
        guard d.isFinite else { return d.isNaN ? 0 : (d > 0 ? .max : .min) }
        if d >= 9_223_372_036_854_775_807 { return .max }
        if d <= -9_223_372_036_854_775_808 { return .min }
        return Int64(d)
    }

    /// The value as a grouping key (`by(...)`); nil for none.
    var key: String? {
        switch self {
        case .none: nil
        case .integer(let i): "i\(i)"
        case .double(let d): "d\(d)"
        case .duration(let d): "n\(d)"
        case .string(let s): "s" + s
        case .boolean(let b): b ? "true" : "false"
        case .status(let s): s.name
        case .kind(let k): k.name
        }
    }

    /// A number, a duration's nanoseconds included.
    var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        case .duration(let d): Double(d)
        default: nil
        }
    }

    private static func exact(_ r: (partialValue: Int64, overflow: Bool), _ fallback: Double) -> DynamicValue {
        r.overflow ? .double(fallback) : .integer(r.partialValue)
    }

    private static func real(_ op: ArithmeticOperator, _ x: Double, _ y: Double) -> DynamicValue {
        let v: Double = switch op {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        case .modulo: x.truncatingRemainder(dividingBy: y)
        case .power: Foundation.pow(x, y)
        }
        return v.isFinite ? .double(v) : .none
    }
}
