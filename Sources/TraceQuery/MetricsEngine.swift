import TraceModel

/// Runs metrics queries: the spans a query matched become a `MetricsResult`.
public enum MetricsEngine {
    /// The series of a metrics query over matches already found (each table with the matches
    /// `QueryEngine` gave on it). The steps cover the matched spans' start times, `step` long
    /// or an automatic round step. Nil when the query has no metrics function.
    /// O(matched spans), plus sorting for quantiles.
    public static func answer(_ query: Query, matches parts: [(table: SpanTable, matches: [TraceMatch])],
                              step: Nanoseconds? = nil) throws(MetricsRange.Problem) -> MetricsResult? {
        guard let metrics = query.metrics else { return nil }
        var lo = Int64.max, hi = Int64.min
        for part in parts {
            part.table.spans.withUnsafeBufferPointer { spans in
                for match in part.matches {
                    let base = part.table.traces[match.traceIndex].spanRange.lowerBound
                    for local in match.matchedSpans {
                        let t = spans[base + Int(local)].start.unixNanos
                        lo = min(lo, t)
                        hi = max(hi, t)
                    }
                }
            }
        }
        guard lo <= hi else {
            let empty = MetricsRange(start: .zero, step: step ?? Nanoseconds(1_000_000_000), stepCount: 0)
            return MetricsAccumulator(metrics, range: empty).result()
        }
        let range = try MetricsRange(covering: Timestamp(unixNanos: lo), Timestamp(unixNanos: hi), step: step)
        let accumulator = MetricsAccumulator(metrics, range: range)
        for part in parts {
            for match in part.matches {
                accumulator.add(Trace(table: part.table, index: match.traceIndex), matched: match.matchedSpans)
            }
        }
        return accumulator.result()
    }

    /// `answer` for one table, running the query on it first.
    public static func run(_ query: Query, on table: SpanTable, step: Nanoseconds? = nil,
                           problems: TraceProblemLookup? = nil) throws(MetricsRange.Problem) -> MetricsResult? {
        try answer(query, matches: [(table, QueryEngine.run(query, on: table, problems: problems))], step: step)
    }
}
