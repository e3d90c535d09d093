/// Metrics arithmetic (`({ } | rate()) * 100 > 5`): the query is arithmetic over parenthesised
/// metrics pipelines and numbers, compared at most with a number.
extension Checker {
    /// The math and its filter when the query is metrics arithmetic; nil when it is not.
    func metricsMath(_ syntax: Syntax) throws(QueryDiagnostic) -> (MetricsMath, [MetricsStage])? {
        switch syntax {
        case .group(let x, _):
            return try metricsMath(x)
        case .pipeline(_, let stages, _) where stages.contains(where: \.isMetrics):
            return (try math(syntax.asValue!), [])
        case .value(let v) where v.hasPipeline:
            return (try math(v), [])
        case .valueComparison(let l, let op, let opToken, let r) where l.hasPipeline || r.hasPipeline:
            // A duration bound, in seconds as Tempo's metrics are (`({ } | max_over_time(duration)) > 10s`).
            if case .token(let t) = r, case .duration(let ns) = t.kind, !op.isTextual {
                return (try math(l), [.filter(op, Double(ns) / 1e9)])
            }
            guard !r.hasPipeline, !op.isTextual, case .scalar(let bound) = try math(r) else {
                throw .metricsComparedWithNumber(opToken, at: r.range)
            }
            return (try math(l), [.filter(op, bound)])
        default:
            return nil
        }
    }

    private func math(_ v: ValueSyntax) throws(QueryDiagnostic) -> MetricsMath {
        switch v {
        case .group(let x, _):
            return try math(x)
        case .token(let t):
            switch t.kind {
            case .integer(let i): return .scalar(Double(i))
            case .float(let d): return .scalar(d)
            // As in Tempo: a metrics series has no unit to give a duration meaning.
            default: throw .notMetricsOperand(at: t.range)
            }
        case .negate(let x, _):
            let inner = try math(x)
            if case .scalar(let d) = inner { return .scalar(-d) }
            return .arithmetic(.multiply, .scalar(-1), inner)
        case .arithmetic(let op, let l, let r, let opToken):
            guard [.add, .subtract, .multiply, .divide].contains(op) else { throw .metricsOperator(opToken) }
            let (a, b) = (try math(l), try math(r))
            if case .scalar(let x) = a, case .scalar(let y) = b {
                switch DynamicValue.apply(op, .double(x), .double(y)) {
                case .double(let d): return .scalar(d)
                default: throw .notMetricsOperand(at: v.range)
                }
            }
            return .arithmetic(op, a, b)
        case .pipeline(let inner, let stages, let range):
            let root = try spanset(inner)
            let (pipeline, metrics) = try self.pipeline(stages)
            guard let metrics else { throw .notMetricsOperand(at: range) }
            return .query(Query(text: text(range), root: root, pipeline: pipeline, metrics: metrics))
        }
    }

    /// The stages after metrics arithmetic: only `topk`, `bottomk` and their filters.
    func mathStages(_ stages: [StageSyntax]) throws(QueryDiagnostic) -> [MetricsStage] {
        var out: [MetricsStage] = []
        for s in stages {
            guard case .call(let name, let arguments, let close, _, _) = s.kind,
                  ["topk", "bottomk"].contains(name.text.lowercased()) else { throw .stageAfterMetrics(at: s.range) }
            let k = try count(arguments, of: name.text, at: name.range.union(close.range))
            out.append(name.text.lowercased() == "topk" ? .topK(k) : .bottomK(k))
            if let c = s.comparison { out.append(try metricsFilter(c)) }
        }
        return out
    }
}
