import TraceModel

/// A query compiled once for one `SpanTable`, ready to run over any of its traces.
///
/// Compiling resolves literals and attribute keys to the table's ids, answers resource-only
/// conditions per resource, and prepares per-distinct-string caches; the caches fill as
/// traces are matched, so matching more traces gets cheaper. Not thread-safe (the caches are
/// mutable): compile one per thread. Each trace gets its tree, self times or summary only if
/// the query reads them.
public final class CompiledQuery {
    public let query: Query
    public let table: SpanTable
    let root: CompiledSpanset
    /// The expressions of the pipeline's `| { ... }` stages, in order.
    let stageSpansets: [CompiledSpanset]
    let needs: TraceNeeds
    /// Answers `trace:problem` for a trace (the analysis, which this module cannot see).
    let problems: TraceProblemLookup?

    /// Compiles a query for a table. O(size of the query + resources + strings in the table)
    /// (the last for zero-filled caches, one byte per string per regex or substring test).
    ///
    /// - Parameter problems: each trace's problems, asked only of the traces a query reading
    ///   `trace:problem` examines. Without it no trace has a problem.
    public init(_ query: Query, table: SpanTable, problems: TraceProblemLookup? = nil) {
        self.query = query
        self.table = table
        self.problems = problems
        let compiler = PredicateCompiler(table: table)
        root = CompiledSpanset(query.root, compiler: compiler)
        var needs = TraceNeeds(query.root)
        var stageSpansets: [CompiledSpanset] = []
        for case .spanset(let e) in query.pipeline {
            stageSpansets.append(CompiledSpanset(e, compiler: compiler))
            needs.formUnion(TraceNeeds(e))
        }
        self.stageSpansets = stageSpansets
        self.needs = needs
    }

    /// False when the query cannot match any trace of this table: a literal it compares for
    /// equality is not in the table, or an attribute it needs is absent everywhere.
    public var canMatch: Bool { !root.isNever }

    /// The local indices (in `Trace` order) of the spans of `trace` the query reports; empty
    /// when the trace does not match. The trace must come from this query's table.
    /// O(spans of the trace × tests per span).
    public func matches(trace: Trace) -> [Int32] {
        precondition(trace.table === table, "CompiledQuery used with a trace of another table")
        return matches(traceAt: trace.index)
    }

    /// `matches(trace:)` by index into `table.traces`.
    public func matches(traceAt index: Int) -> [Int32] {
        if root.isNever { return [] }
        let trace = Trace(table: table, index: index)
        let n = trace.spanCount
        if n == 0 { return [] }
        let tree = needs.contains(.tree) ? TraceTree(trace) : nil
        let selfTimes = needs.contains(.selfTimes) ? tree!.selfTimes(trace) : []
        let summary = needs.contains(.summary) ? TraceSummary(trace) : nil
        let problems = needs.contains(.problems) ? self.problems?(trace) ?? [] : nil
        return table.spans.withUnsafeBufferPointer { spans in
            table.attributes.withUnsafeBufferPointer { attributes in
                let frame = EvalFrame(spans: spans, attributes: attributes, base: trace.spanRange.lowerBound,
                                      tree: tree, selfTimes: selfTimes, summary: summary,
                                      problems: problems, trace: trace,
                                      root: summary == nil ? nil : Self.firstRoot(spans, trace.spanRange))
                let matched = root.evaluate(frame, count: n)
                if query.pipeline.isEmpty || matched.isEmpty { return matched }
                return Pipeline.apply(query.pipeline, to: matched, in: trace) { stageSpansets[$0].evaluate(frame, count: n) }
            }
        }
    }
}

extension CompiledQuery {
    /// The global index of the first span without a parent in a range. O(spans).
    static func firstRoot(_ spans: UnsafeBufferPointer<Span>, _ range: Range<Int>) -> Int? {
        range.first { !spans[$0].parentSpanID.isValid }
    }
}

/// A trace's problems, as the analysis finds them (`TraceProblems(of:others:)`): what a query
/// reading `trace:problem` asks of each trace it examines.
public typealias TraceProblemLookup = (Trace) -> TraceProblems
