/// One stage of a TraceQL pipeline after the spansets (`{ ... } | count() > 2 | by(service)`).
///
/// A pipeline works on each trace's spansets: first the spans the query matched, as one set.
/// `by` splits each set by the values of fields, `coalesce` joins them again, `select` names
/// fields to show (it matches nothing away), and a scalar filter keeps the sets whose aggregate
/// passes. A trace matches when a set is left; its reported spans are those of the sets left.
public enum PipelineStage: Sendable, Hashable {
    /// `count() > 2`, `avg(duration) > 20ms`: keeps the sets whose aggregate compares true.
    case filter(Aggregate, ComparisonOperator, QueryValue)
    /// `by(resource.service.name)`: one set per distinct value (spans without it together).
    case by([FieldReference])
    /// `by(3 * .field - 2)`: `by` over computed values (TraceQL's field expressions).
    case byValues([ValueExpression])
    /// `select(span.http.url, duration)`: fields to show; keeps every set as it is.
    case select([FieldReference])
    /// `coalesce()`: every set of the trace joined into one.
    case coalesce
    /// `| { duration > 1s }`: keeps, in each set, the spans the spanset expression matches in the
    /// trace (structural operators see the whole trace); sets left empty go.
    case spanset(SpansetExpression)

    /// An aggregate over the spans of one set.
    public enum Aggregate: Sendable, Hashable {
        case count
        case avg(FieldReference)
        case min(FieldReference)
        case max(FieldReference)
        case sum(FieldReference)
        /// `max(1 + .a)`: avg, min, max or sum of a computed value.
        case computed(String, ValueExpression)

        /// The function's name.
        public var name: String {
            switch self {
            case .count: "count"
            case .avg: "avg"
            case .min: "min"
            case .max: "max"
            case .sum: "sum"
            case .computed(let name, _): name
            }
        }

        /// The field it reads (none for `count`).
        public var field: FieldReference? {
            switch self {
            case .count, .computed: nil
            case .avg(let f), .min(let f), .max(let f), .sum(let f): f
            }
        }
    }

    /// Every stage's function name, for suggestions.
    static let names = ["count", "avg", "min", "max", "sum", "by", "select", "coalesce"]
}
