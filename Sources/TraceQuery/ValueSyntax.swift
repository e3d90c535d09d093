/// A value as the parser reads it in a comparison: a token (a field, a literal or a bare word),
/// TraceQL's arithmetic on values, a unary minus or parentheses. The checker decides which
/// tokens are fields (`Checker+Expressions.swift`).
indirect enum ValueSyntax {
    case token(Token)
    case arithmetic(ArithmeticOperator, ValueSyntax, ValueSyntax, op: Token)
    case negate(ValueSyntax, op: Token)
    case group(ValueSyntax, range: SourceRange)

    var range: SourceRange {
        switch self {
        case .token(let t): t.range
        case .arithmetic(_, let l, let r, _): l.range.union(r.range)
        case .negate(let x, let op): op.range.union(x.range)
        case .group(_, let r): r
        }
    }

    /// The token under any parentheses, when the value is one token.
    var singleToken: Token? {
        switch self {
        case .token(let t): t
        case .group(let x, _): x.singleToken
        default: nil
        }
    }
}
