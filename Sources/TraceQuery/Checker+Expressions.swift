import TraceModel

/// TraceQL's arithmetic and field-to-field comparisons (`{ .bytes / 1024 > .limit }`): each
/// side typed, arithmetic only on numbers and durations (a duration is its nanoseconds), both
/// sides of a comparison of one type, numbers and durations counting as one (attributes, whose
/// type is known only per span, fit any side). In braces literals compare with literals too
/// (`{ 1 < 2 }`), and `=~ !~ contains` take any value on the left and a quoted pattern.
extension Checker {
    /// The static type of a value; `dynamic` for an attribute (typed per span).
    enum ValueType: Equatable {
        case number, duration, string, boolean, status, kind, id, dynamic

        var name: String {
            switch self {
            case .number: "a number"
            case .duration: "a duration"
            case .string: "a string"
            case .boolean: "a boolean"
            case .status: "a status"
            case .kind: "a span kind"
            case .id: "an id"
            case .dynamic: "an attribute"
            }
        }

        var isArithmetic: Bool { self == .number || self == .duration || self == .dynamic }
    }

    func valueComparison(_ lhs: ValueSyntax, _ op: ComparisonOperator, _ opToken: Token, _ rhs: ValueSyntax,
                         range: SourceRange) throws(QueryDiagnostic) -> SpanPredicate {
        if let l = Self.operand(lhs), let r = Self.operand(rhs) {
            // `(duration) > 1s`, `- 3 < .a`: the plain comparison, whatever the parentheses.
            if Self.isFieldToken(l), !Self.isFieldToken(r) || !Parser.readsAsField(r) {
                return try comparison(field: l, op: op, opToken: opToken, value: r)
            }
            if !Self.isFieldToken(l), Self.isFieldToken(r) {
                guard let swapped = op.swapped else { throw .literalWithoutField(l) }
                return try comparison(field: r, op: swapped, opToken: opToken, value: l)
            }
            // `{ 1 < 2 }`: TraceQL compares literals too; the primer wants a field first.
            if !Self.isFieldToken(l), !Self.isFieldToken(r), !traceQL { throw .literalWithoutField(l) }
        }
        let (left, lt) = try value(lhs)
        let (right, rt) = try value(rhs)
        if op.isTextual {
            guard case .literal(let pattern) = right, case .string(let text) = pattern.value else {
                throw .patternNeedsLiteral(opToken)
            }
            if op != .contains { try validateRegex(text, rhs.singleToken ?? opToken) }
        }
        guard lt == rt || lt == .dynamic || rt == .dynamic || (lt.isArithmetic && rt.isArithmetic) else {
            throw .valuesOfDifferentTypes(opToken, lt.name, rt.name, at: range)
        }
        if op.isOrdering, [lt, rt].contains(where: { [.boolean, .status, .kind, .id].contains($0) }) {
            throw .operatorNotForValues(opToken, lt == .dynamic ? rt.name : lt.name)
        }
        return SpanPredicate(.valueComparison(ValueComparison(lhs: left, op: op, rhs: right, range: range)), range: range)
    }

    /// The one token a side is, under parentheses; a minus before a number is the negative
    /// number (`- 3` reads as `-3` does).
    static func operand(_ v: ValueSyntax) -> Token? {
        switch v {
        case .token(let t): return t
        case .group(let x, _): return operand(x)
        case .negate(let x, let op):
            guard let t = operand(x) else { return nil }
            let kind: TokenKind
            switch t.kind {
            case .integer(let i) where i != .min: kind = .integer(-i)
            case .float(let d): kind = .float(-d)
            case .duration(let d) where d != .min: kind = .duration(-d)
            default: return nil
            }
            return Token(kind, op.range.union(t.range), "-" + t.text)
        default: return nil
        }
    }

    /// A value syntax typed.
    func value(_ v: ValueSyntax) throws(QueryDiagnostic) -> (ValueExpression, ValueType) {
        switch v {
        case .group(let x, _):
            return try value(x)
        case .pipeline(_, _, let range):
            throw .notMetricsOperand(at: range)
        case .token(let t) where Self.isFieldToken(t):
            let ref = try resolve(t)
            switch ref.field {
            case .attribute: return (.field(ref), .dynamic)
            case .intrinsic(let i):
                switch i {
                case .eventName, .eventTimeSinceStart, .linkTraceID, .linkSpanID, .traceProblem:
                    throw .comparedWithLiteralOnly(ref)
                default: return (.field(ref), Self.type(of: i.type))
                }
            }
        case .token(let t):
            let literal = QueryLiteral(try literalValue(t), range: t.range)
            let type: ValueType = switch literal.value {
            case .integer, .float: .number
            case .duration: .duration
            case .boolean: .boolean
            default: .string
            }
            return (.literal(literal), type)
        case .negate(let x, let op):
            let (inner, type) = try value(x)
            guard type.isArithmetic else { throw .arithmeticOnType(op, type.name, at: x.range) }
            // `- 5` is the literal -5, as `-5` is.
            if case .literal(let l) = inner, let negated = Self.negated(l.value) {
                return (.literal(QueryLiteral(negated, range: op.range.union(l.range))), type)
            }
            return (.negate(inner), type)
        case .arithmetic(let op, let l, let r, let opToken):
            let (left, lt) = try value(l)
            let (right, rt) = try value(r)
            for (side, type) in [(l, lt), (r, rt)] where !type.isArithmetic {
                throw .arithmeticOnType(opToken, type.name, at: side.range)
            }
            return (.arithmetic(op, left, right), try Self.resultType(op, lt, rt, opToken))
        }
    }

    /// The type `l op r` has: as in Tempo, a duration is a number of nanoseconds, so any mix of
    /// numbers and durations computes, a duration if one side is (a duration divided by a
    /// duration is a number).
    static func resultType(_ op: ArithmeticOperator, _ l: ValueType, _ r: ValueType,
                           _ opToken: Token) throws(QueryDiagnostic) -> ValueType {
        if l == .dynamic || r == .dynamic { return .dynamic }
        if l == .duration && r == .duration && op == .divide { return .number }
        return l == .duration || r == .duration ? .duration : .number
    }

    /// A literal token's value: a string, number, duration or boolean.
    private func literalValue(_ t: Token) throws(QueryDiagnostic) -> QueryValue {
        switch raw(t) {
        case .string(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .float(let d): return .float(d)
        case .duration(let ns): return .duration(Nanoseconds(ns))
        case .boolean(let b): return .boolean(b)
        case .word: throw .unquotedString(t)
        }
    }

    /// A number or duration negated, when it has a negation.
    static func negated(_ v: QueryValue) -> QueryValue? {
        switch v {
        case .integer(let i) where i != .min: .integer(-i)
        case .float(let d): .float(-d)
        case .duration(let d) where d.value != .min: .duration(Nanoseconds(-d.value))
        default: nil
        }
    }

    static func type(of field: FieldType) -> ValueType {
        switch field {
        case .duration: .duration
        case .integer: .number
        case .string: .string
        case .boolean: .boolean
        case .status: .status
        case .kind: .kind
        case .traceID, .spanID, .problem: .id
        case .attribute: .dynamic
        }
    }

    static func isFieldToken(_ t: Token) -> Bool {
        switch t.kind {
        case .name(let w): w.lowercased() != "nil" && w != "minInt" && w != "maxInt"
        case .quotedName: true
        default: false
        }
    }
}
