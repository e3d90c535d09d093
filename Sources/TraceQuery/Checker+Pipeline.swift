import TraceModel

/// Pipeline stages: each function's arguments and comparison checked, typed like a condition
/// (`avg(duration) > 20ms` takes a duration, `count() > 2` a number). A metrics function
/// (`rate()`, `quantile_over_time(...)` ...) ends the spanset pipeline; only `topk`, `bottomk`
/// and a comparison may follow it.
extension Checker {
    /// The spanset pipeline and the metrics query after it, if any.
    func pipeline(_ stages: [StageSyntax]) throws(QueryDiagnostic) -> ([PipelineStage], MetricsQuery?) {
        var pipeline: [PipelineStage] = []
        var metrics: MetricsQuery?
        for s in stages {
            if case .call(let name, let arguments, let close, let by, let byRange) = s.kind {
                let lower = name.text.lowercased()
                let call = name.range.union(close.range)
                if lower == "topk" || lower == "bottomk" {
                    guard let function = metrics?.function else { throw .rankWithoutMetrics(name.text, at: call) }
                    if case .compare = function { throw .rankAfterCompare(name.text, at: call) }
                    let k = try count(arguments, of: name.text, at: call)
                    metrics!.stages.append(lower == "topk" ? .topK(k) : .bottomK(k))
                    if let c = s.comparison { metrics!.stages.append(try metricsFilter(c)) }
                    continue
                }
                if MetricsFunction.names.contains(lower) {
                    if metrics != nil { throw .metricsAfterMetrics(name.text, at: call) }
                    let function = try metricsFunction(lower, name: name.text, arguments, at: call)
                    var fields: [FieldReference] = []
                    for token in by ?? [] { fields.append(try resolve(token)) }
                    if by != nil, fields.isEmpty, let byRange { throw .stageArguments("by", "takes one or more fields", at: byRange) }
                    metrics = MetricsQuery(function: function, by: fields)
                    if let c = s.comparison {
                        if case .compare = function { throw .rankAfterCompare(c.opToken.text, at: c.opToken.range) }
                        metrics!.stages.append(try metricsFilter(c))
                    }
                    continue
                }
                if by != nil, let byRange { throw .byAfterNonMetrics(name.text, at: byRange) }
            }
            if metrics != nil { throw .stageAfterMetrics(at: s.range) }
            pipeline.append(try stage(s))
        }
        return (pipeline, metrics)
    }

    func stage(_ s: StageSyntax) throws(QueryDiagnostic) -> PipelineStage {
        guard case .call(let nameToken, let arguments, let close, _, _) = s.kind else {
            guard case .spanset(let syntax) = s.kind else { fatalError("unreachable") }
            if !isSpanset(syntax) { throw .conditionBesideSpanset(op: nameless(syntax), at: syntax.range, wrapped: "{ \(text(syntax.range)) }") }
            return .spanset(try spanset(syntax))
        }
        let name = nameToken.text
        let call = nameToken.range.union(close.range)
        if let computed = try computedStage(name, arguments, s, at: call) { return computed }
        let fields = try fieldArguments(arguments, of: name)
        switch name.lowercased() {
        case "count":
            guard fields.isEmpty else { throw .stageArguments(name, "takes no field", at: call) }
            let ref = FieldReference(.intrinsic(.traceSpans), spelling: "count()", range: call)
            let (op, value) = try comparedValue(s, ref: ref)
            return .filter(.count, op, value)
        case "avg", "min", "max", "sum":
            guard fields.count == 1 else { throw .stageArguments(name, "takes one field", at: call) }
            let field = try numeric(fields[0], of: name)
            let ref = FieldReference(field.field, spelling: "\(name)(\(field.spelling))", range: call)
            let (op, value) = try comparedValue(s, ref: ref)
            guard value.numeric != nil else {
                throw .typeMismatch(ref, s.comparison!.value, expected: "a number or a duration")
            }
            let aggregate: PipelineStage.Aggregate = switch name.lowercased() {
            case "avg": .avg(field)
            case "min": .min(field)
            case "max": .max(field)
            default: .sum(field)
            }
            return .filter(aggregate, op, value)
        case "by", "select":
            guard !fields.isEmpty else { throw .stageArguments(name, "takes one or more fields", at: call) }
            if let c = s.comparison { throw .stageCompared(name, at: c.opToken.range) }
            return name.lowercased() == "by" ? .by(fields) : .select(fields)
        case "coalesce":
            guard fields.isEmpty else { throw .stageArguments(name, "takes no field", at: call) }
            if let c = s.comparison { throw .stageCompared(name, at: c.opToken.range) }
            return .coalesce
        default:
            throw .unknownPipelineFunction(name, at: nameToken.range)
        }
    }

    /// `by(1 + .a)`, `max((1 + .a) * 2) = 1`: a stage over computed values; nil when every
    /// argument is a plain field (the usual stages).
    private func computedStage(_ name: String, _ arguments: [StageSyntax.Argument], _ s: StageSyntax,
                               at call: SourceRange) throws(QueryDiagnostic) -> PipelineStage? {
        guard arguments.contains(where: { if case .value = $0 { true } else { false } }) else { return nil }
        var values: [ValueExpression] = []
        for a in arguments {
            switch a {
            case .value(let v):
                let (e, type) = try value(v)
                guard type.isArithmetic || name.lowercased() == "by" else {
                    throw .stageArguments(name, "takes a numeric value", at: v.range)
                }
                values.append(e)
            case .token(let t) where isFieldToken(t): values.append(.field(try resolve(t)))
            default: throw .stageArguments(name, "takes fields or computed values here", at: a.range)
            }
        }
        switch name.lowercased() {
        case "by":
            if let c = s.comparison { throw .stageCompared(name, at: c.opToken.range) }
            return .byValues(values)
        case "avg", "min", "max", "sum":
            guard values.count == 1 else { throw .stageArguments(name, "takes one value", at: call) }
            guard let c = s.comparison else { throw .stageNotCompared("\(name)(...)", at: call) }
            guard let target = Self.number(c.value) ?? { if case .duration(let ns) = c.value.kind { Double(ns) } else { nil } }() else {
                throw .expectedValue(after: c.opToken, found: c.value)
            }
            return .filter(.computed(name.lowercased(), values[0]), c.op, .float(target))
        default:
            throw .stageArguments(name, "takes fields here", at: call)
        }
    }

    // MARK: - Metrics

    private func metricsFunction(_ lower: String, name: String, _ arguments: [StageSyntax.Argument],
                                 at call: SourceRange) throws(QueryDiagnostic) -> MetricsFunction {
        switch lower {
        case "rate", "count_over_time":
            guard arguments.isEmpty else { throw .stageArguments(name, "takes no argument", at: call) }
            return lower == "rate" ? .rate : .countOverTime
        case "min_over_time", "max_over_time", "avg_over_time", "sum_over_time", "histogram_over_time":
            let fields = try fieldArguments(arguments, of: name)
            guard fields.count == 1 else { throw .stageArguments(name, "takes one field", at: call) }
            let f = try numeric(fields[0], of: name)
            switch lower {
            case "min_over_time": return .minOverTime(f)
            case "max_over_time": return .maxOverTime(f)
            case "avg_over_time": return .avgOverTime(f)
            case "sum_over_time": return .sumOverTime(f)
            default: return .histogramOverTime(f)
            }
        case "quantile_over_time":
            guard case .token(let first)? = arguments.first, isFieldToken(first), arguments.count >= 2 else {
                throw .stageArguments(name, "takes a field and one or more quantiles, as in (duration, .5, .99)", at: call)
            }
            let f = try numeric(try resolve(first), of: name)
            var quantiles: [Double] = []
            for argument in arguments.dropFirst() {
                guard case .token(let t) = argument, let q = Self.number(t), q >= 0, q <= 1 else {
                    throw .stageArguments(name, "takes quantiles between 0 and 1", at: argument.range)
                }
                quantiles.append(q)
            }
            return .quantileOverTime(f, quantiles)
        default: // compare
            guard case .spanset(let syntax)? = arguments.first, case .braced = syntax else {
                throw .stageArguments(name, "takes a spanset first, as in compare({ status = error })", at: call)
            }
            let selection = try spanset(syntax)
            var numbers: [Int64] = []
            for argument in arguments.dropFirst() {
                guard case .token(let t) = argument, case .integer(let i) = t.kind else {
                    throw .stageArguments(name, "takes whole numbers after the spanset: topN, then start and end", at: argument.range)
                }
                numbers.append(i)
            }
            guard numbers.count == 0 || numbers.count == 1 || numbers.count == 3 else {
                throw .stageArguments(name, "takes a spanset, then topN, then both start and end", at: call)
            }
            let topN = numbers.first ?? 10
            guard topN > 0, topN <= 1_000 else { throw .stageArguments(name, "takes a topN from 1 to 1000", at: arguments[1].range) }
            return .compare(selection, topN: Int(topN), start: numbers.count == 3 ? numbers[1] : 0,
                            end: numbers.count == 3 ? numbers[2] : 0)
        }
    }

    /// `> 10` after a metrics function or metrics arithmetic: a number, or a duration.
    func metricsFilter(_ c: (op: ComparisonOperator, opToken: Token, value: Token)) throws(QueryDiagnostic) -> MetricsStage {
        guard !c.op.isTextual else { throw .operatorNotForValues(c.opToken, "a metric") }
        switch c.value.kind {
        case .integer(let i): return .filter(c.op, Double(i))
        case .float(let d): return .filter(c.op, d)
        // Tempo's unit for durations in metrics: seconds (`> 2s` and `> 2` mean the same).
        case .duration(let ns): return .filter(c.op, Double(ns) / 1e9)
        default: throw .expectedValue(after: c.opToken, found: c.value)
        }
    }

    /// The whole number in `topk(5)`.
    func count(_ arguments: [StageSyntax.Argument], of name: String, at call: SourceRange) throws(QueryDiagnostic) -> Int {
        guard arguments.count == 1, case .token(let t) = arguments[0], case .integer(let k) = t.kind, k > 0, k <= 100_000 else {
            throw .stageArguments(name, "takes one whole number from 1, as in \(name)(10)", at: call)
        }
        return Int(k)
    }

    // MARK: - Arguments

    /// Every argument as a field; a number or spanset where a field belongs is an error.
    private func fieldArguments(_ arguments: [StageSyntax.Argument], of name: String) throws(QueryDiagnostic) -> [FieldReference] {
        var out: [FieldReference] = []
        for a in arguments {
            guard case .token(let t) = a, isFieldToken(t) else { throw .stageArguments(name, "takes fields here", at: a.range) }
            out.append(try resolve(t))
        }
        return out
    }

    private func numeric(_ field: FieldReference, of name: String) throws(QueryDiagnostic) -> FieldReference {
        switch field.field.type {
        case .duration, .integer, .attribute: return field
        default: throw .stageArguments(name, "takes a numeric field (a duration, a count or an attribute)", at: field.range)
        }
    }

    private func isFieldToken(_ t: Token) -> Bool { Self.isFieldToken(t) }

    private static func number(_ t: Token) -> Double? {
        switch t.kind {
        case .integer(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }

    /// A token to blame for a spanset stage that is not one.
    private func nameless(_ syntax: Syntax) -> Token {
        Token(.symbol(.bar), syntax.range, "|")
    }

    /// The comparison a scalar stage must have, its value typed for `ref`.
    private func comparedValue(_ s: StageSyntax, ref: FieldReference) throws(QueryDiagnostic)
        -> (op: ComparisonOperator, value: QueryValue) {
        guard let c = s.comparison else { throw .stageNotCompared(ref.spelling, at: ref.range) }
        if c.op.isTextual { throw .operatorNotForType(c.opToken, ref, allowed: [.equal, .notEqual, .less, .lessOrEqual,
                                                                                  .greater, .greaterOrEqual]) }
        return (c.op, try literal(c.value, for: ref, op: c.op, opToken: c.opToken).value)
    }
}
