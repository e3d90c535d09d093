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

    /// `lhs op rhs` by the types' rules (`Checker+Expressions.swift`): integers stay integers
    /// (except `/` and `^`, and on overflow), a mix with a double is a double.
    static func apply(_ op: ArithmeticOperator, _ a: DynamicValue, _ b: DynamicValue) -> DynamicValue {
        switch (a, b) {
        case (.integer(let x), .integer(let y)):
            switch op {
            case .add: return exact(x.addingReportingOverflow(y), Double(x) + Double(y))
            case .subtract: return exact(x.subtractingReportingOverflow(y), Double(x) - Double(y))
            case .multiply: return exact(x.multipliedReportingOverflow(by: y), Double(x) * Double(y))
            case .modulo: return y == 0 || (x == .min && y == -1) ? .none : .integer(x % y)
            case .divide, .power: return real(op, Double(x), Double(y))
            }
        case (.duration(let x), .duration(let y)):
            switch op {
            case .add: return durationOrNone(x.addingReportingOverflow(y))
            case .subtract: return durationOrNone(x.subtractingReportingOverflow(y))
            case .modulo: return y == 0 || (x == .min && y == -1) ? .none : .duration(x % y)
            case .divide: return y == 0 ? .none : .double(Double(x) / Double(y))
            case .multiply, .power: return .none
            }
        case (.duration(let d), _):
            guard let k = b.number, op == .multiply || op == .divide else { return .none }
            return scaled(d, op == .multiply ? k : (k == 0 ? .nan : 1 / k))
        case (_, .duration(let d)):
            guard let k = a.number, op == .multiply else { return .none }
            return scaled(d, k)
        default:
            guard let x = a.number, let y = b.number else { return .none }
            return real(op, x, y)
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
        case (.integer(let x), .integer(let y)): return order(x, y)
        case (.duration(let x), .duration(let y)): return order(x, y)
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

    private var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private static func exact(_ r: (partialValue: Int64, overflow: Bool), _ fallback: Double) -> DynamicValue {
        r.overflow ? .double(fallback) : .integer(r.partialValue)
    }

    private static func durationOrNone(_ r: (partialValue: Int64, overflow: Bool)) -> DynamicValue {
        r.overflow ? .none : .duration(r.partialValue)
    }

    private static func scaled(_ d: Int64, _ k: Double) -> DynamicValue {
        let v = Double(d) * k
        guard v.isFinite, let ns = Int64(exactly: v.rounded()) else { return .none }
        return .duration(ns)
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
