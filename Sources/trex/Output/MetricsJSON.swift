import TraceModel
import TraceQuery
import TraceWorkspace

/// A metrics answer in the shape of Tempo's query_range response (`/api/metrics/query_range`),
/// so that scripts written for Tempo read it: `series` with typed `labels`, `samples` of
/// `timestampMs` (a string, as protobuf JSON writes 64-bit integers) and `value`, and
/// `promLabels`; `metrics` with what was read. Durations are in seconds, as Tempo reports
/// them; steps without a value have no sample.
struct MetricsJSON: Encodable {
    struct Series: Encodable {
        var labels: [Label]
        var samples: [Sample]
        var promLabels: String
    }

    struct Label: Encodable {
        var key: String
        var value: Value
    }

    /// OTLP's AnyValue in protobuf JSON: one of these keys (none for a missing value).
    struct Value: Encodable {
        var stringValue: String?
        var intValue: String?
        var doubleValue: Double?
        var boolValue: Bool?
    }

    struct Sample: Encodable {
        var timestampMs: String
        var value: Double
    }

    struct Metrics: Encodable {
        var inspectedTraces: Int
        var inspectedSpans: String
        var completedJobs: Int
        var totalJobs: Int
    }

    var series: [Series]
    var metrics: Metrics

    init(_ answer: MetricsAnswer) {
        let r = answer.result
        let scale = r.unit == .nanoseconds ? 1e-9 : 1
        series = r.series.map { s in
            Series(labels: s.labels.map { Label(key: $0.key, value: Self.value($0.value)) },
                   samples: s.values.enumerated().compactMap { i, v in
                       guard let v, v.isFinite else { return nil }
                       return Sample(timestampMs: String(r.time(ofStep: i).unixNanos / 1_000_000), value: v * scale)
                   },
                   promLabels: s.promLabels)
        }
        metrics = Metrics(inspectedTraces: answer.inspectedTraces, inspectedSpans: String(answer.inspectedSpans),
                          completedJobs: 1, totalJobs: 1)
    }

    static func value(_ v: MetricLabelValue) -> Value {
        switch v {
        case .none: Value()
        case .string(let s): Value(stringValue: s)
        case .int(let i): Value(intValue: String(i))
        case .double(let d): Value(stringValue: d.isFinite ? nil : DoubleFormat.string(d), doubleValue: d.isFinite ? d : nil)
        case .bool(let b): Value(boolValue: b)
        }
    }
}
