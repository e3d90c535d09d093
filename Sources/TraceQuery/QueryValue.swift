import TraceModel

/// A typed literal value.
public enum QueryValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case duration(Nanoseconds)
    case status(StatusCode)
    case kind(SpanKind)
    /// A trace id as people write it: whole or a prefix, in any of its forms.
    case traceID(TraceIDPattern)
    case spanID(SpanID)
    /// One trace problem (`trace:problem`).
    case problem(TraceProblems)

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
