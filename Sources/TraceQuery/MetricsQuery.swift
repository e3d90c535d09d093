/// The metrics part of a query (`{ } | quantile_over_time(duration, .5, .99) by (service)`):
/// a function over the spans the spansets and pipeline keep, grouped by fields, answered as
/// series over time (`MetricsResult`), then optionally ranked or filtered per step.
public struct MetricsQuery: Sendable, Hashable {
    public var function: MetricsFunction
    /// `by (resource.service.name, name)`: one series per distinct combination.
    public var by: [FieldReference]
    /// `| topk(5)`, `| bottomk(3)`, `> 10`, in order.
    public var stages: [MetricsStage]

    public init(function: MetricsFunction, by: [FieldReference] = [], stages: [MetricsStage] = []) {
        self.function = function
        self.by = by
        self.stages = stages
    }
}

/// TraceQL's metrics functions.
public enum MetricsFunction: Sendable, Hashable {
    /// Spans per second in each step.
    case rate
    /// Spans in each step.
    case countOverTime
    case minOverTime(FieldReference)
    case maxOverTime(FieldReference)
    case avgOverTime(FieldReference)
    case sumOverTime(FieldReference)
    /// One series per quantile (label `p`), each an exact quantile of the step's values.
    case quantileOverTime(FieldReference, [Double])
    /// Spans per power-of-two bucket of the field (label `__bucket`, the bucket's upper bound;
    /// seconds for durations).
    case histogramOverTime(FieldReference)
    /// The selection's spans against the rest (the baseline), per attribute value: series
    /// labelled `__meta_type` = baseline, selection, baseline_total, selection_total, the `topN`
    /// values of each attribute. `start`/`end` (Unix nanoseconds, 0 for none) narrow the selection
    /// in time.
    case compare(SpansetExpression, topN: Int, start: Int64, end: Int64)

    /// The function's name as written.
    public var name: String {
        switch self {
        case .rate: "rate"
        case .countOverTime: "count_over_time"
        case .minOverTime: "min_over_time"
        case .maxOverTime: "max_over_time"
        case .avgOverTime: "avg_over_time"
        case .sumOverTime: "sum_over_time"
        case .quantileOverTime: "quantile_over_time"
        case .histogramOverTime: "histogram_over_time"
        case .compare: "compare"
        }
    }

    /// The field it aggregates, if any.
    public var field: FieldReference? {
        switch self {
        case .minOverTime(let f), .maxOverTime(let f), .avgOverTime(let f), .sumOverTime(let f),
             .quantileOverTime(let f, _), .histogramOverTime(let f): f
        case .rate, .countOverTime, .compare: nil
        }
    }

    /// Every function's name, for suggestions.
    static let names = ["rate", "count_over_time", "min_over_time", "max_over_time", "avg_over_time", "sum_over_time",
                        "quantile_over_time", "histogram_over_time", "compare"]
}

/// What follows a metrics function.
public enum MetricsStage: Sendable, Hashable {
    /// At each step, the `k` series with the highest values (the others have no value there).
    case topK(Int)
    /// At each step, the `k` series with the lowest values.
    case bottomK(Int)
    /// `> 10`: keeps the values that compare true (the others become empty). For a series of
    /// durations the bound is in seconds, as Tempo's metrics are (`> 2s` is `> 2`).
    case filter(ComparisonOperator, Double)
}
