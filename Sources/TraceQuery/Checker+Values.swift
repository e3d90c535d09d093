import TraceModel

/// Type rules: which literals and operators each field type accepts.
///
/// | field type | literals                                  | operators                 |
/// |------------|-------------------------------------------|---------------------------|
/// | duration   | durations (`5s`); a bare number is an error that suggests `ms` | = != < <= > >= |
/// | string     | strings                                   | all                       |
/// | integer    | integers, floats                          | = != < <= > >=            |
/// | boolean    | true, false                               | = !=                      |
/// | status     | OK ERROR UNSET, any case, bare or quoted  | = !=                      |
/// | kind       | SERVER CLIENT ... , any case              | = !=                      |
/// | ids        | quoted hex                                | = !=                      |
/// | problem    | a problem's name, quoted ("clock-skew")   | = !=                      |
/// | attribute  | strings, numbers, true/false (no durations) | all (=~ !~ contains need a string) |
extension Checker {
    func comparison(field fieldToken: Token, op: ComparisonOperator, opToken: Token,
                    value valueToken: Token) throws(QueryDiagnostic) -> SpanPredicate {
        let ref = try resolve(fieldToken)
        let range = fieldToken.range.union(opToken.range).union(valueToken.range)
        // TraceQL's `nil`: absence. `x != nil` is exists(x), `x = nil` its negation; every span
        // has its intrinsics.
        if case .name(let word) = valueToken.kind, word.lowercased() == "nil" {
            guard op == .equal || op == .notEqual else {
                throw .operatorNotForType(opToken, ref, allowed: [.equal, .notEqual])
            }
            guard case .attribute = ref.field else {
                // An event's or link's field is there when the span has one.
                if case .intrinsic(let i) = ref.field, i.isPerEventOrLink {
                    let exists = SpanPredicate(.exists(ref), range: range)
                    return op == .notEqual ? exists : SpanPredicate(.not(exists), range: range)
                }
                // TraceQL: an intrinsic is never nil, and asking whether it is is an error.
                if traceQL, op == .equal { throw .intrinsicNeverNil(ref) }
                return SpanPredicate(.constant(op == .notEqual), range: range)
            }
            let exists = SpanPredicate(.exists(ref), range: range)
            return op == .notEqual ? exists : SpanPredicate(.not(exists), range: range)
        }
        let literal = try literal(valueToken, for: ref, op: op, opToken: opToken)
        return SpanPredicate(.comparison(Comparison(field: ref, op: op, value: literal, range: range,
                                                    strictTypes: strictTypes(ref))), range: range)
    }

    func membership(field fieldToken: Token, values: [Token], negated: Bool,
                    range: SourceRange) throws(QueryDiagnostic) -> SpanPredicate {
        let ref = try resolve(fieldToken)
        var literals: [QueryLiteral] = []
        for v in values { literals.append(try literal(v, for: ref, op: .equal, opToken: fieldToken)) }
        let p = SpanPredicate(.membership(Membership(field: ref, values: literals, range: range,
                                                     strictTypes: strictTypes(ref))), range: range)
        return negated ? SpanPredicate(.not(p), range: range) : p
    }

    /// TraceQL's meaning applies in braced queries: attributes' typing, and the root of
    /// `trace:rootService`/`trace:rootName` (intrinsics are typed anyway).
    func strictTypes(_ ref: FieldReference) -> Bool {
        switch ref.field {
        case .attribute, .intrinsic(.traceService), .intrinsic(.traceName): return traceQL
        default: return false
        }
    }

    /// A literal as written, before typing.
    enum Raw {
        case string(String), integer(Int64), float(Double), duration(Int64), boolean(Bool), word(String)
    }

    func raw(_ token: Token) -> Raw {
        switch token.kind {
        case .string(let s): .string(s)
        case .quotedName(_, let s): .string(s)
        case .integer(let i): .integer(i)
        case .float(let d): .float(d)
        case .duration(let ns): .duration(ns)
        case .keyword(let k): .boolean(k == .true)
        // TraceQL's named constants for the extreme integers.
        case .name("minInt"): .integer(.min)
        case .name("maxInt"): .integer(.max)
        case .name(let w): .word(w)
        default: .word(token.text)
        }
    }

    /// The token as a literal of the field's type, or the reason it is not one.
    func literal(_ token: Token, for ref: FieldReference, op: ComparisonOperator,
                 opToken: Token) throws(QueryDiagnostic) -> QueryLiteral {
        let type = ref.field.type
        let raw = raw(token)
        func ok(_ v: QueryValue) -> QueryLiteral { QueryLiteral(v, range: token.range) }
        func only(_ allowed: [ComparisonOperator]) throws(QueryDiagnostic) {
            if !allowed.contains(op) { throw .operatorNotForType(opToken, ref, allowed: allowed) }
        }
        let equality: [ComparisonOperator] = [.equal, .notEqual]
        let ordering: [ComparisonOperator] = equality + [.less, .lessOrEqual, .greater, .greaterOrEqual]

        switch type {
        case .duration:
            try only(ordering)
            switch raw {
            case .duration(let ns): return ok(.duration(Nanoseconds(ns)))
            // TraceQL reads a bare number as nanoseconds; the primer asks for a unit instead.
            case .integer(let i) where traceQL: return ok(.duration(Nanoseconds(i)))
            case .float(let d) where traceQL && d.isFinite && abs(d) < 9.2e18: return ok(.duration(Nanoseconds(Int64(d.rounded()))))
            case .integer, .float: throw .durationNeedsUnit(ref, token)
            case .string(let s):
                if let tokens = try? Lexer.tokenize(s), tokens.count == 2, case .duration = tokens[0].kind {
                    throw .quotedDuration(token, unquoted: s)
                }
                throw .typeMismatch(ref, token, expected: "a duration such as 100ms")
            default: throw .typeMismatch(ref, token, expected: "a duration such as 100ms")
            }
        case .string:
            switch raw {
            case .string(let s):
                if op == .matches || op == .notMatches { try validateRegex(s, token) }
                return ok(.string(s))
            case .word, .integer, .float: throw .unquotedString(token)
            default: throw .typeMismatch(ref, token, expected: "a quoted string")
            }
        case .integer:
            try only(ordering)
            switch raw {
            case .integer(let i): return ok(.integer(i))
            case .float(let d): return ok(.float(d))
            default: throw .typeMismatch(ref, token, expected: "a number")
            }
        case .boolean:
            try only(equality)
            guard case .boolean(let b) = raw else { throw .typeMismatch(ref, token, expected: "true or false") }
            return ok(.boolean(b))
        case .status:
            try only(equality)
            switch raw {
            case .word(let w), .string(let w):
                guard let code = StatusCode(name: w) else { throw .unknownStatus(token, w) }
                return ok(.status(code))
            default: throw .typeMismatch(ref, token, expected: "OK, ERROR or UNSET")
            }
        case .kind:
            try only(equality)
            switch raw {
            case .word(let w), .string(let w):
                guard let kind = SpanKind(name: w) else { throw .unknownKind(token, w) }
                return ok(.kind(kind))
            default: throw .typeMismatch(ref, token, expected: "SERVER, CLIENT, PRODUCER, CONSUMER or INTERNAL")
            }
        case .problem:
            try only(equality)
            switch raw {
            case .string(let w), .word(let w):
                guard let problem = TraceProblems(named: w) else { throw .unknownProblem(token, w) }
                return ok(.problem(problem))
            default: throw .typeMismatch(ref, token, expected: "a problem such as \"clock-skew\"")
            }
        case .traceID, .spanID:
            try only(equality)
            guard case .string(let s) = raw else { throw .unquotedID(ref, token) }
            if type == .traceID, let pattern = TraceIDPattern(s) { return ok(.traceID(pattern)) }
            if type == .spanID, let id = SpanID(hex: s) { return ok(.spanID(id)) }
            throw .badID(ref, token)
        case .attribute:
            return try attributeLiteral(token, raw: raw, for: ref, op: op, opToken: opToken)
        }
    }

    /// Attribute literals: strings, numbers and booleans; never durations or bare words.
    private func attributeLiteral(_ token: Token, raw: Raw, for ref: FieldReference, op: ComparisonOperator,
                                  opToken: Token) throws(QueryDiagnostic) -> QueryLiteral {
        func ok(_ v: QueryValue) -> QueryLiteral { QueryLiteral(v, range: token.range) }
        if op.isTextual {
            guard case .string(let s) = raw else { throw .textualNeedsString(opToken, token) }
            if op != .contains { try validateRegex(s, token) }
            return ok(.string(s))
        }
        switch raw {
        case .string(let s): return ok(.string(s))
        case .integer(let i): return ok(.integer(i))
        case .float(let d): return ok(.float(d))
        case .boolean(let b):
            if op.isOrdering { throw .operatorNotForType(opToken, ref, allowed: [.equal, .notEqual]) }
            return ok(.boolean(b))
        case .duration:
            throw .attributeDuration(ref, token, nearest: nearestIntrinsic(ref, ofType: [.duration]))
        case .word(let w):
            if let near = nearestIntrinsic(ref, ofType: [.status, .kind]) {
                let fits = near == .status ? StatusCode(name: w) != nil : SpanKind(name: w) != nil
                if fits { throw .misspeltIntrinsic(ref, near) }
            }
            throw .unquotedString(token)
        }
    }

    /// The intrinsic of one of some types whose name is a plausible typo of the reference's
    /// spelling (`Duraton` -> `duration`).
    func nearestIntrinsic(_ ref: FieldReference, ofType types: Set<FieldType>) -> Intrinsic? {
        let candidates = Intrinsic.allCases.filter { types.contains($0.type) }
        let names = candidates.flatMap { [$0.canonicalName] + $0.aliases }
        guard let name = Suggestions.nearest(to: ref.spelling, in: names) else { return nil }
        return Intrinsic(named: name)
    }

    /// Compiles the pattern with RE2 (`LinearRegex`), so a pattern it refuses is an error here,
    /// with the caret under the part it blames.
    func validateRegex(_ pattern: String, _ token: Token) throws(QueryDiagnostic) {
        do {
            _ = try LinearRegex(pattern)
        } catch {
            throw .badRegex(token, error)
        }
    }
}
