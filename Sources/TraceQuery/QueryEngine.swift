import TraceModel

/// Runs queries over a table.
public enum QueryEngine {
    /// The traces of `table` that match, in the order given (trace-id order by default), each
    /// with its matched spans. Compiles the query once. O(spans examined × tests per span).
    ///
    /// - Parameter traces: indices into `table.traces` to consider; nil for all.
    /// - Parameter problems: each trace's problems, for `trace:problem` (see `CompiledQuery`).
    public static func run(_ query: Query, on table: SpanTable, traces: [Int]? = nil,
                           problems: TraceProblemLookup? = nil) -> [TraceMatch] {
        run(CompiledQuery(query, table: table, problems: problems), traces: traces)
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
