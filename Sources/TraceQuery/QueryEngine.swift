import TraceModel

/// Runs queries over a table.
public enum QueryEngine {
    /// The traces of `table` that match, in the order given (trace-id order by default), each
    /// with its matched spans. Compiles the query once. O(spans examined × tests per span).
    ///
    /// - Parameter traces: indices into `table.traces` to consider; nil for all.
    /// - Parameter problems: each trace's problems, for `trace:problem` (see `CompiledQuery`).
    /// Metrics arithmetic matches what any of its queries matches.
    public static func run(_ query: Query, on table: SpanTable, traces: [Int]? = nil,
                           problems: TraceProblemLookup? = nil) -> [TraceMatch] {
        if let math = query.math {
            return union(math.leaves.map { run($0, on: table, traces: traces, problems: problems) })
        }
        return run(CompiledQuery(query, table: table, problems: problems), traces: traces)
    }

    /// The traces of several match lists with their matched spans joined, by trace index.
    static func union(_ lists: [[TraceMatch]]) -> [TraceMatch] {
        var spans: [Int: [Int32]] = [:]
        for list in lists {
            for m in list { spans[m.traceIndex] = CompiledSpanset.union(spans[m.traceIndex] ?? [], m.matchedSpans) }
        }
        return spans.keys.sorted().map { TraceMatch(traceIndex: $0, matchedSpans: spans[$0]!) }
    }

    /// `run(_:on:traces:)` with an already compiled query (its caches carry over).
    public static func run(_ compiled: CompiledQuery, traces: [Int]? = nil) -> [TraceMatch] {
        guard compiled.canMatch else { return [] }
        var out: [TraceMatch] = []
        func visit(_ index: Int) {
            let spans = compiled.matches(traceAt: index)
            if !spans.isEmpty { out.append(TraceMatch(traceIndex: index, matchedSpans: spans)) }
        }
        if let traces {
            for index in traces where index >= 0 && index < compiled.table.traces.count { visit(index) }
        } else {
            for index in compiled.table.traces.indices { visit(index) }
        }
        return out
    }
}
