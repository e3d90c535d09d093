/// The parser's output: the query's shape before names and types are resolved.
///
/// The checker turns it into the public, typed `SpansetExpression`. Every node keeps the
/// tokens it needs for diagnostics.
indirect enum Syntax {
    /// `{ ... }`; nil inside for `{ }`.
    case braced(Syntax?, range: SourceRange)
    /// `( ... )`.
    case group(Syntax, range: SourceRange)
    /// Two or more operands joined by one of AND/OR (`&&`/`||`): a chain stays flat however
    /// long it is, so no later pass recurses once per operand. `ops` are the operator tokens,
    /// one fewer than the operands.
    case chain(ChainOperator, [Syntax], ops: [Token])
    /// `l >> r`, `l > r` ... (left-deep for a run of them; the parser caps its length).
    case structural(SpansetOperator, Syntax, Syntax, op: Token)
    case not(Syntax, op: Token)
    /// `field op value` (already swapped when the literal was written first).
    case comparison(field: Token, op: ComparisonOperator, opToken: Token, value: Token)
    /// `field IN (...)`, `field NOT IN (...)`.
    case membership(field: Token, values: [Token], negated: Bool, range: SourceRange)
    /// `exists(field)`.
    case exists(field: Token, range: SourceRange)
    /// A field on its own.
    case bareField(Token)
    /// A value that is more than a field (`.a + .b`) on its own: only a condition once compared,
    /// as in `(.a + .b) > 10`.
    case value(ValueSyntax)
    /// `lhs op rhs` where a side is more than one token, or both are fields: TraceQL's
    /// arithmetic and field-to-field comparisons (`{ .a / 2 > .b }`).
    case valueComparison(ValueSyntax, ComparisonOperator, opToken: Token, ValueSyntax)
    /// `true` or `false` on its own.
    case boolean(Bool, Token)
    /// `({ ... } | count() > 1)`: a pipeline in parentheses, a spanset operand (or, ending in a
    /// metrics function, an operand of metrics arithmetic).
    case pipeline(Syntax, [StageSyntax], range: SourceRange)

    /// The characters the node covers.
    var range: SourceRange {
        switch self {
        case .braced(_, let r), .group(_, let r), .membership(_, _, _, let r), .exists(_, let r), .pipeline(_, _, let r): r
        case .chain(_, let operands, _): operands[0].range.union(operands[operands.count - 1].range)
        case .structural(_, let l, let r, _): l.range.union(r.range)
        case .not(let x, let op): op.range.union(x.range)
        case .comparison(let f, _, let o, let v): f.range.union(o.range).union(v.range)
        case .bareField(let t), .boolean(_, let t): t.range
        case .value(let v): v.range
        case .valueComparison(let l, _, _, let r): l.range.union(r.range)
        }
    }

    /// The node as a value, when it is one (a field, arithmetic, either in parentheses).
    var asValue: ValueSyntax? {
        switch self {
        case .bareField(let t): .token(t)
        case .value(let v): v
        case .group(let x, let r): x.asValue.map { .group($0, range: r) }
        case .pipeline(let inner, let stages, let r): .pipeline(inner, stages, range: r)
        default: nil
        }
    }

    /// The last operand in reading order (`c` in `a AND b OR c`): what a following token
    /// would have continued.
    var rightmost: Syntax {
        switch self {
        case .chain(_, let operands, _): operands[operands.count - 1].rightmost
        case .structural(_, _, let rhs, _): rhs.rightmost
        case .not(let x, _): x.rightmost
        default: self
        }
    }
}
