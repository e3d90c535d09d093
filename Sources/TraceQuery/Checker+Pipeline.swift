import TraceModel

/// Pipeline stages: each function's arguments and comparison checked, typed like a condition
/// (`avg(duration) > 20ms` takes a duration, `count() > 2` a number).
extension Checker {
    func stage(_ s: StageSyntax) throws(QueryDiagnostic) -> PipelineStage {
        let name = s.name.text
        let call = s.name.range.union(s.close.range)
        switch name.lowercased() {
        case "count":
            guard s.arguments.isEmpty else { throw .stageArguments(name, "takes no field", at: call) }
            let ref = FieldReference(.intrinsic(.traceSpans), spelling: "count()", range: call)
            let (op, value) = try comparedValue(s, ref: ref)
            return .filter(.count, op, value)
        case "avg", "min", "max", "sum":
            guard s.arguments.count == 1 else { throw .stageArguments(name, "takes one field", at: call) }
            let field = try resolve(s.arguments[0])
            switch field.field.type {
            case .duration, .integer, .attribute: break
            default: throw .stageArguments(name, "takes a numeric field (a duration, a count or an attribute)",
                                           at: field.range)
            }
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
            guard !s.arguments.isEmpty else { throw .stageArguments(name, "takes one or more fields", at: call) }
            if let c = s.comparison { throw .stageCompared(name, at: c.opToken.range) }
            var fields: [FieldReference] = []
            for token in s.arguments { fields.append(try resolve(token)) }
            return name.lowercased() == "by" ? .by(fields) : .select(fields)
        case "coalesce":
            guard s.arguments.isEmpty else { throw .stageArguments(name, "takes no field", at: call) }
            if let c = s.comparison { throw .stageCompared(name, at: c.opToken.range) }
            return .coalesce
        default:
            throw .unknownPipelineFunction(name, at: s.name.range)
        }
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
