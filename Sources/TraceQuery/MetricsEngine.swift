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
        guard let range = try range(covering: [parts], step: step) else {
            let empty = MetricsRange(start: .zero, step: step ?? Nanoseconds(1_000_000_000), stepCount: 0)
            return MetricsAccumulator(metrics, range: empty).result()
        }
        return answer(metrics, matches: parts, range: range)
    }

    /// A metrics function's series over matches, in a given range.
    static func answer(_ metrics: MetricsQuery, matches parts: [(table: SpanTable, matches: [TraceMatch])],
                       range: MetricsRange) -> MetricsResult {
        let accumulator = MetricsAccumulator(metrics, range: range)
        for part in parts {
            for match in part.matches {
                accumulator.add(Trace(table: part.table, index: match.traceIndex), matched: match.matchedSpans)
            }
        }
        return accumulator.result()
    }

    /// Metrics arithmetic: each of `math.leaves` with its own matches (in order), counted into one
    /// range that covers them all, then combined. Nil for a query without metrics arithmetic.
    public static func answer(math query: Query, leafMatches: [[(table: SpanTable, matches: [TraceMatch])]],
                              step: Nanoseconds? = nil) throws(MetricsRange.Problem) -> MetricsResult? {
        guard let math = query.math else { return nil }
        let range = try Self.range(covering: leafMatches, step: step)
            ?? MetricsRange(start: .zero, step: step ?? Nanoseconds(1_000_000_000), stepCount: 0)
        var results: [MetricsResult] = []
        for (leaf, parts) in zip(math.leaves, leafMatches) {
            guard let metrics = leaf.metrics else { continue }
            results.append(answer(metrics, matches: parts, range: range))
        }
        var next = 0
        let combined = MetricsMathEvaluation.evaluate(math, range: range) { _ in
            defer { next += 1 }
            return results[next]
        }
        return query.mathStages.reduce(combined) { $0.applying($1) }
    }

    /// The steps covering the matched spans' start times; nil when nothing matched.
    static func range(covering sets: [[(table: SpanTable, matches: [TraceMatch])]],
                      step: Nanoseconds?) throws(MetricsRange.Problem) -> MetricsRange? {
        var lo = Int64.max, hi = Int64.min
        for part in sets.joined() {
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
        guard lo <= hi else { return nil }
        return try MetricsRange(covering: Timestamp(unixNanos: lo), Timestamp(unixNanos: hi), step: step)
    }

    /// `answer` for one table, running the query on it first.
    public static func run(_ query: Query, on table: SpanTable, step: Nanoseconds? = nil,
                           problems: TraceProblemLookup? = nil) throws(MetricsRange.Problem) -> MetricsResult? {
        if let math = query.math {
            let leaves = math.leaves.map { [(table, QueryEngine.run($0, on: table, problems: problems))] }
            return try answer(math: query, leafMatches: leaves, step: step)
        }
        return try answer(query, matches: [(table, QueryEngine.run(query, on: table, problems: problems))], step: step)
    }
}
