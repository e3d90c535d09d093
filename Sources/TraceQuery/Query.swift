import TraceModel

/// A parsed and checked query: a condition over spans, or TraceQL-style spansets combined.
///
/// Build one with `Query.parse(_:)`; run it with `QueryEngine.run(_:on:traces:)` or, to reuse
/// the compiled form, `CompiledQuery`. `description` is the canonical text: parsing it again
/// gives an equal query. Equality compares meaning (`root`), not the text or source ranges.
public struct Query: Sendable, Hashable, CustomStringConvertible {
    /// The text the query was parsed from.
    public let text: String
    /// The checked syntax tree.
    public let root: SpansetExpression
    /// TraceQL's pipeline after the spansets (`| count() > 2`), applied per trace; often empty.
    public let pipeline: [PipelineStage]
    /// The metrics function at the end (`| rate() by (service)`), when this is a metrics query:
    /// the spansets and pipeline choose the spans, `MetricsAccumulator` turns them into series.
    public let metrics: MetricsQuery?
    /// `with(...)` hints, as written. They steer Tempo's query planner (sampling, most recent
    /// first); trex reads every span of its input and ignores them.
    public let hints: [QueryHint]
    /// Metrics arithmetic (`({ status = error } | rate()) / ({ } | rate())`), when the query is
    /// that; `root` then matches every span and `math.leaves` are the queries that count.
    public let math: MetricsMath?
    /// What follows metrics arithmetic: a comparison, `topk`, `bottomk`.
    public let mathStages: [MetricsStage]

    public init(text: String, root: SpansetExpression, pipeline: [PipelineStage] = [], metrics: MetricsQuery? = nil,
                hints: [QueryHint] = [], math: MetricsMath? = nil, mathStages: [MetricsStage] = []) {
        self.text = text
        self.root = root
        self.pipeline = pipeline
        self.metrics = metrics
        self.hints = hints
        self.math = math
        self.mathStages = mathStages
    }

    /// True when the query answers with series (a metrics function or metrics arithmetic).
    public var isMetrics: Bool { metrics != nil || math != nil }

    /// Lexes, parses and checks a query. O(length of the text).
    ///
    /// - Throws: the first problem found, as a `QueryDiagnostic` with the character range at
    ///   fault, what was expected there and, when one is close, a suggested fix.
    public static func parse(_ text: String) throws(QueryDiagnostic) -> Query {
        let tokens = try Lexer.tokenize(text)
        var parser = Parser(tokens: tokens)
        let syntax = try parser.parseQuery()
        let checker = Checker(text: text, traceQL: parser.traceQL)
        if let (math, filters) = try checker.metricsMath(syntax) {
            let stages = try checker.mathStages(parser.stages)
            let all = SpansetExpression(.filter(SpanPredicate(.constant(true), range: syntax.range)), range: syntax.range)
            return Query(text: text, root: all, hints: parser.hints, math: math, mathStages: filters + stages)
        }
        let root = try checker.check(syntax)
        let (pipeline, metrics) = try checker.pipeline(parser.stages)
        return Query(text: text, root: root, pipeline: pipeline, metrics: metrics, hints: parser.hints)
    }

    /// `parse(_:)` as a `Result`, for callers that keep the diagnostic as a value (a filter bar
    /// re-parsing on every key).
    public static func result(_ text: String) -> Result<Query, QueryDiagnostic> {
        do throws(QueryDiagnostic) { return .success(try parse(text)) } catch { return .failure(error) }
    }

    /// The canonical text of the query (see `QueryPrinter`).
    public var description: String {
        if let math { return QueryPrinter.print(math) + QueryPrinter.print(mathStages) + QueryPrinter.print(hints) }
        // `{ }` before a pipeline, not `true`.
        var head = QueryPrinter.print(root)
        if case .filter(let p) = root.kind, case .constant(true) = p.kind, !pipeline.isEmpty || metrics != nil { head = "{ }" }
        return head + QueryPrinter.print(pipeline) + QueryPrinter.print(metrics) + QueryPrinter.print(hints)
    }

    /// True when the query reads `trace:problem`: its evaluator asks each trace's problems, so
    /// a caller that finds them in bulk (for a batch of traces at once) should do so first.
    public var readsTraceProblems: Bool { TraceNeeds(root).contains(.problems) }

    /// A note for the user about `with(...)` hints, which trex reads but does not need; nil
    /// without hints.
    public var hintsNote: String? {
        guard !hints.isEmpty else { return nil }
        let names = hints.map { "`\($0.name)`" }.joined(separator: ", ")
        return "with(...) hints (\(names)) steer Tempo's query planner; trex reads every span of its input and ignores them"
    }

    public static func == (a: Query, b: Query) -> Bool {
        a.root == b.root && a.pipeline == b.pipeline && a.metrics == b.metrics && a.hints == b.hints
            && a.math == b.math && a.mathStages == b.mathStages
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(root)
        hasher.combine(pipeline)
        hasher.combine(metrics)
        hasher.combine(hints)
        hasher.combine(math)
        hasher.combine(mathStages)
    }
}
