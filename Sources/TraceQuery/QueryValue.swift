import TraceModel

/// A literal in a query, with where it was written. Equality compares `value` only.
public struct QueryLiteral: Sendable, Hashable {
    public var value: QueryValue
    public var range: SourceRange

    public init(_ value: QueryValue, range: SourceRange) {
        self.value = value
        self.range = range
    }

    public static func == (a: QueryLiteral, b: QueryLiteral) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A typed literal value.
public enum QueryValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case duration(Nanoseconds)
    case status(StatusCode)
    case kind(SpanKind)
    case traceID(TraceID)
    case spanID(SpanID)

    /// The value as a double, for numeric comparisons (integers, floats and durations in ns).
    var numeric: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .float(let d): d
        case .duration(let d): Double(d.value)
        default: nil
        }
    }
}
