import TraceModel

/// What a metrics query (`{ } | rate() by (resource.service.name)`) answers: series of values
/// at regular steps, as Tempo's query_range does.
///
/// Step `i` covers `[start + i·step, start + (i+1)·step)`; a span counts in the step its start
/// falls in.
public struct MetricsResult: Sendable, Equatable {
    /// The start of the first step (a multiple of `step` since the Unix epoch).
    public var start: Timestamp
    public var step: Nanoseconds
    /// How many steps each series has.
    public var stepCount: Int
    /// What the values measure (the chart's axis and the table's column).
    public var unit: MetricUnit
    /// One per distinct label set, ordered by label values (after `topk`/`bottomk`, by rank).
    public var series: [MetricSeries]

    public init(start: Timestamp, step: Nanoseconds, stepCount: Int, unit: MetricUnit, series: [MetricSeries]) {
        self.start = start
        self.step = step
        self.stepCount = stepCount
        self.unit = unit
        self.series = series
    }

    /// The start of step `i`.
    public func time(ofStep i: Int) -> Timestamp {
        Timestamp(unixNanos: TimeMath.add(start.unixNanos, TimeMath.multiply(step.value, Int64(i))))
    }

    /// The end of the last step.
    public var end: Timestamp { time(ofStep: stepCount) }
}

/// The unit of a metrics query's values.
public enum MetricUnit: Sendable, Equatable {
    /// Spans per second (`rate`).
    case perSecond
    /// Spans per step (`count_over_time`, `histogram_over_time`, `compare`).
    case spans
    /// Nanoseconds (`quantile_over_time(duration, ...)`, `max_over_time(duration)` ...).
    case nanoseconds
    /// A plain number (an aggregate of a numeric attribute).
    case number
}

/// One series: its labels and a value per step.
public struct MetricSeries: Sendable, Equatable {
    /// The `by(...)` fields' values, then the function's own labels (`p` for a quantile,
    /// `__bucket` for a histogram, `__meta_type` for `compare`). Empty for a query without them.
    public var labels: [MetricLabel]
    /// One per step; nil where the step has no value (no span fell in it, for an `_over_time`
    /// function other than `count_over_time`).
    public var values: [Double?]

    public init(labels: [MetricLabel], values: [Double?]) {
        self.labels = labels
        self.values = values
    }

    /// The labels as Prometheus writes them: `{resource.service.name="api", p="0.95"}`; `{}`
    /// without labels. Label values are escaped (`\"`, `\\`, `\n`).
    public var promLabels: String {
        "{" + labels.map { "\($0.key)=\"\(Self.escaped($0.value.text))\"" }.joined(separator: ", ") + "}"
    }

    private static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }
}

/// A label of a series: a `by` field and the value its spans share.
public struct MetricLabel: Sendable, Equatable {
    public var key: String
    public var value: MetricLabelValue

    public init(key: String, value: MetricLabelValue) {
        self.key = key
        self.value = value
    }
}

/// A label's value, typed as the attribute was (Tempo's query_range keeps the type).
public enum MetricLabelValue: Sendable, Hashable, Comparable {
    /// The spans of the series lack the field (Tempo's `nil`).
    case none
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)

    /// Series order: missing first, then booleans, numbers (integers and doubles together),
    /// strings.
    public static func < (a: MetricLabelValue, b: MetricLabelValue) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.string(let x), .string(let y)): return x < y
        default:
            if let x = a.number, let y = b.number { return x < y }
            return a.rank < b.rank
        }
    }

    private var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private var rank: Int {
        switch self {
        case .none: 0
        case .bool: 1
        case .int, .double: 2
        case .string: 3
        }
    }

    /// The value as text: `nil` for `.none`.
    public var text: String {
        switch self {
        case .none: "nil"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): DoubleFormat.string(d)
        case .string(let s): s
        }
    }
}
