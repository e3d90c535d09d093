/// A value as the parser reads it in a comparison: a token (a field, a literal or a bare word),
/// TraceQL's arithmetic on values, a unary minus or parentheses. The checker decides which
/// tokens are fields (`Checker+Expressions.swift`).
indirect enum ValueSyntax {
    case token(Token)
    case arithmetic(ArithmeticOperator, ValueSyntax, ValueSyntax, op: Token)
    case negate(ValueSyntax, op: Token)
    case group(ValueSyntax, range: SourceRange)
    /// `({ } | rate())`: a metrics pipeline in parentheses, an operand of TraceQL's metrics
    /// arithmetic (`({ status = error } | rate()) / ({ } | rate())`).
    case pipeline(Syntax, [StageSyntax], range: SourceRange)

    var range: SourceRange {
        switch self {
        case .token(let t): t.range
        case .arithmetic(_, let l, let r, _): l.range.union(r.range)
        case .negate(let x, let op): op.range.union(x.range)
        case .group(_, let r), .pipeline(_, _, let r): r
        }
    }

    /// True when a metrics pipeline is part of the value.
    var hasPipeline: Bool {
        switch self {
        case .token: false
        case .pipeline: true
        case .arithmetic(_, let l, let r, _): l.hasPipeline || r.hasPipeline
        case .negate(let x, _), .group(let x, _): x.hasPipeline
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
