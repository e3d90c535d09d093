/// A value computed from a span's fields, as TraceQL writes in braces: `.bytes / 1024`,
/// `duration - 1s`, `-.offset`, or a field or literal on its own. Equality ignores ranges.
public indirect enum ValueExpression: Sendable, Hashable {
    case field(FieldReference)
    case literal(QueryLiteral)
    case arithmetic(ArithmeticOperator, ValueExpression, ValueExpression)
    case negate(ValueExpression)

    /// The fields it reads.
    var fields: [FieldReference] {
        switch self {
        case .field(let f): [f]
        case .literal: []
        case .arithmetic(_, let l, let r): l.fields + r.fields
        case .negate(let x): x.fields
        }
    }
}

/// `lhs op rhs` where a side is more than a field against a literal: field to field
/// (`{ .a = .b }`), arithmetic (`{ .a + .b > 10 }`) or a literal compared with an arithmetic
/// expression. The plain `field op literal` stays a `Comparison`. Equality ignores ranges.
public struct ValueComparison: Sendable, Hashable {
    public var lhs: ValueExpression
    public var op: ComparisonOperator
    public var rhs: ValueExpression
    public var range: SourceRange

    public init(lhs: ValueExpression, op: ComparisonOperator, rhs: ValueExpression, range: SourceRange) {
        self.lhs = lhs
        self.op = op
        self.rhs = rhs
        self.range = range
    }

    public static func == (a: ValueComparison, b: ValueComparison) -> Bool {
        a.lhs == b.lhs && a.op == b.op && a.rhs == b.rhs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lhs)
        hasher.combine(op)
        hasher.combine(rhs)
    }
}
