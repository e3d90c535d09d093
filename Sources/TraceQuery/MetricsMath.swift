/// TraceQL's arithmetic between metrics queries and numbers:
/// `({ status = error } | rate()) / ({ } | rate()) * 100`. Each operand in parentheses is a whole
/// query ending in a metrics function; series of two operands are paired by their labels.
public indirect enum MetricsMath: Sendable, Hashable {
    /// A query with a metrics function.
    case query(Query)
    case scalar(Double)
    /// `+ - * /` (Tempo's metrics arithmetic has no `%` or `^`).
    case arithmetic(ArithmeticOperator, MetricsMath, MetricsMath)

    /// The queries, left to right.
    public var leaves: [Query] {
        switch self {
        case .query(let q): [q]
        case .scalar: []
        case .arithmetic(_, let l, let r): l.leaves + r.leaves
        }
    }
}
