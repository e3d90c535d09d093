import Foundation
import TraceModel
import TraceQuery

/// A TraceQL metrics query answered by Tempo's `/api/metrics/query_range`, turned into the
/// `MetricsResult` trex computes itself for the same query: the same steps, the same labels
/// (the `by` fields spelled as in the query, then `p` or `__bucket`), the same units (durations
/// in nanoseconds where Tempo answers seconds), the series in the same order.
extension TempoBackend {
    /// Nil for a query that is not a braced metrics query of one function (metrics arithmetic,
    /// a primer query): trex counts the spans it holds instead.
    func metrics(_ query: Query, window: ClosedRange<Timestamp>, step: Nanoseconds?) throws(RemoteError) -> MetricsResult? {
        guard let metrics = query.metrics, query.math == nil,
              query.text.drop(while: \.isWhitespace).hasPrefix("{") else { return nil }
        let range: MetricsRange
        do {
            range = try MetricsRange(covering: window.lowerBound, window.upperBound, step: step)
        } catch {
            throw RemoteError(.badResponse("\(error)"), request: "GET \(http.endpoint.baseURL)/api/metrics/query_range")
        }
        let path = "/api/metrics/query_range"
        let parameters: [(String, String)] = [("q", query.text), ("start", String(window.lowerBound.unixNanos)),
                                              ("end", String(window.upperBound.unixNanos)),
                                              ("step", RemoteUnits.exactGoDuration(range.step))]
        let body = try http.get(path, query: parameters)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw RemoteError(.badResponse("not Tempo's {\"series\": [...]}"),
                              request: "GET \(http.endpoint.baseURL)\(path)?\(RemoteHTTP.encode(parameters))")
        }
        return Self.metricsResult(object, metrics: metrics, range: range)
    }

    /// Tempo's answer (`{"series": [{"labels": [{"key": ..., "value": {"stringValue": ...}}],
    /// "samples": [{"timestampMs": "...", "value": 1.5}]}]}`, tempo.proto's QueryRangeResponse
    /// as JSON) in trex's shape.
    ///
    /// Tempo (2.9 and later) stamps a sample with the end of its step: the sample at `t` covers
    /// `(t - step, t]`, which is trex's step starting at `t - step`. The steps are `range`'s,
    /// widened when Tempo answers samples outside it (its extra first step).
    static func metricsResult(_ object: [String: Any], metrics: MetricsQuery, range: MetricsRange) -> MetricsResult {
        let unit = MetricsAccumulator(metrics, range: range).unit
        let scale = unit == .nanoseconds ? 1e9 : 1
        let step = range.step.value
        let keys = metrics.by.map { $0.spelling.isEmpty ? QueryPrinter.field($0.field) : $0.spelling }
        var parsed: [(labels: [MetricLabel], points: [(Int64, Double?)])] = []
        var lo = 0, hi = range.stepCount - 1
        for series in (object["series"] as? [[String: Any]]) ?? [] {
            let labels = Self.labels((series["labels"] as? [[String: Any]]) ?? [], by: metrics.by, keys: keys)
            var points: [(Int64, Double?)] = []
            for sample in (series["samples"] as? [[String: Any]]) ?? [] {
                guard let ms = Self.int64(sample["timestampMs"] ?? sample["timestamp_ms"]) else { continue }
                let stepStart = ms * 1_000_000 - step
                let offset = stepStart - range.start.unixNanos
                let index = offset >= 0 ? offset / step : -((-offset + step - 1) / step)
                guard abs(index) < Int64(MetricsRange.maxSteps) else { continue }
                lo = min(lo, Int(index))
                hi = max(hi, Int(index))
                points.append((index, Self.double(sample["value"]).map { $0 * scale }))
            }
            parsed.append((labels, points))
        }
        let count = max(0, hi - lo + 1)
        var out: [MetricSeries] = parsed.map { entry in
            var values = [Double?](repeating: nil, count: count)
            for (index, value) in entry.points { values[Int(index) - lo] = value }
            return MetricSeries(labels: entry.labels, values: values)
        }
        out.removeAll { $0.values.allSatisfy { $0 == nil } && !$0.labels.contains { $0.key == "__meta_error" } }
        out.sort { $0.labels.lexicographicallyPrecedes($1.labels) { a, b in a.key != b.key ? a.key < b.key : a.value < b.value } }
        let start = Timestamp(unixNanos: range.start.unixNanos + Int64(lo) * step)
        return MetricsResult(start: start, step: range.step, stepCount: count, unit: unit, series: out)
    }

    /// A series' labels as trex writes them: Tempo's key for each `by` field becomes the field's
    /// spelling in the query, in the query's order; Tempo's own labels (`p`, `__bucket`,
    /// `__meta_type`...) follow as Tempo names them, `__meta_*` first as trex's `compare` does.
    static func labels(_ raw: [[String: Any]], by: [FieldReference], keys: [String]) -> [MetricLabel] {
        var byValues = [MetricLabelValue?](repeating: nil, count: by.count)
        var meta: [MetricLabel] = [], own: [MetricLabel] = [], unmatched: [MetricLabel] = []
        for entry in raw {
            guard let key = entry["key"] as? String else { continue }
            let value = Self.labelValue(entry["value"] as? [String: Any] ?? [:])
            if key.hasPrefix("__meta_") { meta.append(MetricLabel(key: key, value: value)) }
            else if key == "p" || key.hasPrefix("__") { own.append(MetricLabel(key: key, value: value)) }
            else if let i = by.indices.first(where: { byValues[$0] == nil && Self.same(key, by[$0], keys[$0]) }) { byValues[i] = value }
            else { unmatched.append(MetricLabel(key: key, value: value)) }
        }
        // Keys spelled in a way not recognized take the free `by` fields in order.
        var rest = unmatched[...]
        for i in by.indices where byValues[i] == nil {
            guard let label = rest.popFirst() else { break }
            byValues[i] = label.value
        }
        var labels = meta
        for i in by.indices { labels.append(MetricLabel(key: keys[i], value: byValues[i] ?? .none)) }
        return labels + rest + own
    }

    /// Whether Tempo's label key names a `by` field: as spelled, as trex prints it, or the same
    /// attribute name without its scope.
    private static func same(_ key: String, _ field: FieldReference, _ spelled: String) -> Bool {
        if key == spelled || key == QueryPrinter.field(field.field) { return true }
        func bare(_ s: String) -> String {
            for prefix in ["resource.", "span.", "."] where s.hasPrefix(prefix) { return String(s.dropFirst(prefix.count)).lowercased() }
            return s.lowercased()
        }
        return bare(key) == bare(spelled)
    }

    /// An OTLP AnyValue as JSON (`{"stringValue": "x"}`, `{"intValue": "3"}`...); `{}` is Tempo's nil.
    static func labelValue(_ value: [String: Any]) -> MetricLabelValue {
        if let s = value["stringValue"] as? String { return .string(s) }
        if let i = int64(value["intValue"]) { return .int(i) }
        if let d = double(value["doubleValue"]) { return .double(d) }
        if let b = value["boolValue"] as? Bool { return .bool(b) }
        return .none
    }

    /// An int64 as proto3 JSON writes it: a string, or a number.
    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let s as String: Int64(s)
        case let n as NSNumber: n.int64Value
        default: nil
        }
    }

    /// A double as proto3 JSON writes it: a number, or `"NaN"`, `"Infinity"` (NaN is no value).
    static func double(_ value: Any?) -> Double? {
        let d: Double? = switch value {
        case let n as NSNumber: n.doubleValue
        case let s as String: Double(s) ?? (s == "Infinity" ? .infinity : s == "-Infinity" ? -.infinity : nil)
        default: nil
        }
        guard let d, !d.isNaN else { return nil }
        return d
    }
}
