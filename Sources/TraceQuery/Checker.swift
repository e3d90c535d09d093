/// Turns the parser's `Syntax` into the typed `SpansetExpression`: resolves field names,
/// gives every literal its field's type, and separates span conditions from spansets.
///
/// Rules it enforces (each failure is a `.checking` diagnostic):
/// - `&&`, `||` and the structural operators between braced spansets make a spanset
///   expression; a bare condition beside a spanset must be put in braces;
/// - NOT applies to conditions only;
/// - a bare intrinsic is not a condition (except `root`), and exists() takes attributes only;
/// - each comparison's literal must suit the field's type (see `Checker+Values.swift`).
///
/// AND and OR chains are flattened. O(size of the tree).
struct Checker {
    let chars: [Character]
    /// The query has braces: TraceQL's meanings apply (a bare attribute is a boolean test).
    let traceQL: Bool

    init(text: String, traceQL: Bool = false) {
        chars = Array(text)
        self.traceQL = traceQL
    }

    /// A field token resolved. In braces `event.x` is an event's attribute (TraceQL's scope);
    /// without braces it stays an attribute named "event.x", as OpenTelemetry keys often are.
    func resolve(_ token: Token) throws(QueryDiagnostic) -> FieldReference {
        try FieldResolver.resolve(token, traceQL: traceQL)
    }

    /// The checked query.
    func check(_ syntax: Syntax) throws(QueryDiagnostic) -> SpansetExpression {
        if isSpanset(syntax) { return try spanset(syntax) }
        return SpansetExpression(.filter(try predicate(syntax)), range: syntax.range)
    }

    // MARK: - Spansets

    /// True when a node is (or must be) a spanset rather than a condition.
    func isSpanset(_ syntax: Syntax) -> Bool {
        switch syntax {
        case .braced, .pipeline: true
        case .group(let x, _), .not(let x, _): isSpanset(x)
        case .structural: true
        case .chain(_, let operands, _): operands.contains { isSpanset($0) }
        default: false
        }
    }

    func spanset(_ syntax: Syntax) throws(QueryDiagnostic) -> SpansetExpression {
        switch syntax {
        case .braced(let inner, let range):
            let p = try inner.map { (x) throws(QueryDiagnostic) in try predicate(x) }
                ?? SpanPredicate(.constant(true), range: range)
            return SpansetExpression(.filter(p), range: range)
        case .group(let x, _):
            return try spanset(x)
        case .pipeline(let inner, let stages, let range):
            let root = try spanset(inner)
            let (pipeline, metrics) = try self.pipeline(stages)
            if metrics != nil { throw .pipelineIsMetrics(at: range) }
            return SpansetExpression(.pipeline(root, pipeline), range: range)
        case .chain(let op, let operands, let ops):
            for (i, side) in operands.enumerated() where !isSpanset(side) {
                let opToken = ops[max(0, i - 1)]
                throw .conditionBesideSpanset(op: opToken, at: side.range, wrapped: "{ \(text(side.range)) }")
            }
            if operands.count > Parser.maxDepth { throw .tooManySpansets(at: ops[Parser.maxDepth - 1].range) }
            // Left-deep, as the operators are left-associative: ((a && b) && c).
            var result = try spanset(operands[0])
            for operand in operands.dropFirst() {
                let right = try spanset(operand)
                result = SpansetExpression(.combine(op == .and ? .and : .or, result, right),
                                           range: result.range.union(right.range))
            }
            return result
        case .structural(let op, let l, let r, let opToken):
            for side in [l, r] where !isSpanset(side) {
                throw .conditionBesideSpanset(op: opToken, at: side.range, wrapped: "{ \(text(side.range)) }")
            }
            return SpansetExpression(.combine(op, try spanset(l), try spanset(r)), range: syntax.range)
        case .not(_, let op):
            throw .notOnSpanset(op)
        default:
            return SpansetExpression(.filter(try predicate(syntax)), range: syntax.range)
        }
    }

    // MARK: - Conditions

    func predicate(_ syntax: Syntax) throws(QueryDiagnostic) -> SpanPredicate {
        switch syntax {
        case .braced(_, let range):
            throw .nestedBraces(at: range)
        case .group(let x, _):
            return try predicate(x)
        case .chain(let op, let operands, _):
            let parts = try flatten(operands, and: op == .and)
            return SpanPredicate(op == .and ? .and(parts) : .or(parts), range: syntax.range)
        case .structural(_, _, _, let op):
            throw .conditionBesideSpanset(op: op, at: syntax.range, wrapped: "{ \(text(syntax.range)) }")
        case .not(let x, _):
            return SpanPredicate(.not(try predicate(x)), range: syntax.range)
        case .comparison(let field, let op, let opToken, let value):
            return try comparison(field: field, op: op, opToken: opToken, value: value)
        case .membership(let field, let values, let negated, let range):
            return try membership(field: field, values: values, negated: negated, range: range)
        case .exists(let fieldToken, let range):
            let ref = try resolve(fieldToken)
            if case .intrinsic = ref.field { throw .existsOnIntrinsic(ref) }
            return SpanPredicate(.exists(ref), range: range)
        case .bareField(let token):
            let ref = try resolve(token)
            switch ref.field {
            case .intrinsic(.root):
                let value = QueryLiteral(.boolean(true), range: token.range)
                return SpanPredicate(.comparison(Comparison(field: ref, op: .equal, value: value, range: token.range)),
                                     range: token.range)
            case .intrinsic: throw .intrinsicNotCondition(ref)
            case .attribute where traceQL:
                // TraceQL: `{ .cache.hit }` is `{ .cache.hit = true }`.
                let value = QueryLiteral(.boolean(true), range: token.range)
                return SpanPredicate(.comparison(Comparison(field: ref, op: .equal, value: value, range: token.range,
                                                            strictTypes: true)), range: token.range)
            case .attribute: return SpanPredicate(.exists(ref), range: token.range)
            }
        case .boolean(let b, let token):
            return SpanPredicate(.constant(b), range: token.range)
        case .pipeline(_, _, let range):
            throw .conditionBesideSpanset(op: Token(.symbol(.bar), range, "|"), at: range, wrapped: text(range))
        case .value(let v):
            if case .token(let literal) = v { throw .literalWithoutField(literal) }
            throw .valueNotCondition(v.range)
        case .valueComparison(let l, let op, let opToken, let r):
            return try valueComparison(l, op, opToken, r, range: syntax.range)
        }
    }

    /// The operands of an AND (or OR) with nested ANDs (ORs) spliced in.
    private func flatten(_ operands: [Syntax], and: Bool) throws(QueryDiagnostic) -> [SpanPredicate] {
        var parts: [SpanPredicate] = []
        for side in operands {
            let p = try predicate(side)
            switch p.kind {
            case .and(let list) where and: parts += list
            case .or(let list) where !and: parts += list
            default: parts.append(p)
            }
        }
        return parts
    }

    /// The query text of a range.
    func text(_ range: SourceRange) -> String {
        let lo = min(range.lowerBound, chars.count)
        let hi = min(range.upperBound, chars.count)
        return String(chars[lo..<hi])
    }
}
