import Foundation
import TraceModel
import TraceQuery

/// A metrics result as a table: one row per series and step with a value, in the query's unit.
enum MetricsTable {
    static func render(_ r: MetricsResult) -> TextTable {
        var table = TextTable([.init("SERIES", maxWidth: 80), .init("STEP START (UTC)"), .init(header(r.unit), .right)])
        for series in r.series {
            let labels = text(series.labels)
            for (i, value) in series.values.enumerated() {
                guard let value else { continue }
                table.append([labels, TimestampFormat.utc(r.time(ofStep: i)), format(value, r.unit)])
            }
        }
        return table
    }

    /// `{key="value", ...}` as the data has it: the table escapes every cell visibly, once
    /// (Prometheus's escapes on top would double every backslash).
    static func text(_ labels: [MetricLabel]) -> String {
        "{" + labels.map { "\($0.key)=\"\($0.value.text)\"" }.joined(separator: ", ") + "}"
    }

    static func header(_ unit: MetricUnit) -> String {
        switch unit {
        case .perSecond: "PER SECOND"
        case .spans: "SPANS"
        case .nanoseconds: "DURATION"
        case .number: "VALUE"
        }
    }

    static func format(_ v: Double, _ unit: MetricUnit) -> String {
        switch unit {
        case .nanoseconds:
            guard v.isFinite, abs(v) < 9e18 else { return DoubleFormat.string(v) }
            return DurationFormat.string(Nanoseconds(Int64(v.rounded())))
        case .perSecond: return DoubleFormat.string((v * 1000).rounded() / 1000)
        case .spans: return DoubleFormat.string(v)
        // Six significant digits: a ratio reads as 20.4082, not 20.408163265306126.
        case .number: return v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.6g", v)
        }
    }
}
