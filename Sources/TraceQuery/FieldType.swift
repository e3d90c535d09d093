/// The type of a field, which decides the literals and operators it accepts.
public enum FieldType: String, Sendable, Hashable {
    case duration, string, integer, boolean, status, kind, traceID, spanID
    /// A trace problem by its name (`"clock-skew"`, `TraceProblems`).
    case problem
    /// An attribute: its type is the type of each value, known only per span.
    case attribute
}
