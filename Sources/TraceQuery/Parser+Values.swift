/// Values in comparisons: TraceQL's arithmetic by precedence climbing, unary minus, parentheses,
/// and metrics pipelines in parentheses as operands.
extension Parser {
    /// Arithmetic by precedence climbing: `^` (right-associative) over `* / %` over `+ -`.
    mutating func parseArithmetic(minPrecedence: Int = 1) throws(QueryDiagnostic) -> ValueSyntax {
        try continueArithmetic(from: try parseValueUnary(), minPrecedence: minPrecedence)
    }

    /// The arithmetic after a first operand already read.
    mutating func continueArithmetic(from first: ValueSyntax, minPrecedence: Int = 1) throws(QueryDiagnostic) -> ValueSyntax {
        try enter()
        let entryDepth = depth
        defer { depth = entryDepth - 1 }
        var lhs = first
        var progress = LoopProgress()
        while progress.advanced(to: index), let (op, opToken) = arithmeticOperator(), op.precedence >= minPrecedence {
            let next = op.isRightAssociative ? op.precedence : op.precedence + 1
            let rhs: ValueSyntax
            if let opToken {
                advance()
                if !startsValue(current.kind) { throw .expectedOperand(after: opToken, found: current) }
                rhs = try parseArithmetic(minPrecedence: next)
                lhs = .arithmetic(op, lhs, rhs, op: opToken)
            } else {
                // `.a -5`: the lexer read `-5` as a number; it is `.a - 5`.
                let (minus, number) = splitNegative(advance())
                rhs = .token(number)
                lhs = .arithmetic(op, lhs, rhs, op: minus)
            }
            try enter()
        }
        return lhs
    }

    /// The arithmetic operator under `current`, with its token; a nil token for a negative
    /// number right after a value (read as a subtraction).
    func arithmeticOperator() -> (ArithmeticOperator, Token?)? {
        if let op = ArithmeticOperator.of(current.kind) { return (op, current) }
        switch current.kind {
        case .integer(let i) where i < 0 && current.text.hasPrefix("-"): return (.subtract, nil)
        case .float(let d) where d < 0 && current.text.hasPrefix("-"): return (.subtract, nil)
        case .duration(let d) where d < 0 && current.text.hasPrefix("-"): return (.subtract, nil)
        default: return nil
        }
    }

    /// `-5` as a minus token and the number `5`.
    func splitNegative(_ t: Token) -> (Token, Token) {
        let minus = Token(.symbol(.minus), SourceRange(t.range.lowerBound, t.range.lowerBound + 1), "-")
        let rest = SourceRange(t.range.lowerBound + 1, t.range.upperBound)
        let kind: TokenKind = switch t.kind {
        case .integer(let i): i == .min ? .float(-Double(i)) : .integer(-i)
        case .float(let d): .float(-d)
        case .duration(let d): d == .min ? .float(-Double(d)) : .duration(-d)
        default: t.kind
        }
        return (minus, Token(kind, rest, String(t.text.dropFirst())))
    }

    /// `- value` or an atom.
    mutating func parseValueUnary() throws(QueryDiagnostic) -> ValueSyntax {
        guard current.kind == .symbol(.minus) else { return try parseValueAtom() }
        try enter()
        defer { depth -= 1 }
        let op = advance()
        if !startsValue(current.kind) { throw .expectedOperand(after: op, found: current) }
        return .negate(try parseValueUnary(), op: op)
    }

    /// A field, a literal, a bare word, or `( arithmetic )`.
    mutating func parseValueAtom() throws(QueryDiagnostic) -> ValueSyntax {
        switch current.kind {
        case .symbol(.leftParen):
            try enter()
            defer { depth -= 1 }
            let open = advance()
            if current.kind == .symbol(.leftBrace) {
                // `100 * ({ } | rate())`: a metrics pipeline as a value.
                let inner = try parseExpression(minPrecedence: OperatorTable.orPrecedence)
                let stages = try parseStages()
                let close = try expectClosing(.rightParen, opener: open, inner: inner)
                return .pipeline(inner, stages, range: open.range.union(close.range))
            }
            let inner = try parseArithmetic()
            guard current.kind == .symbol(.rightParen) else {
                if current.kind == .end || isCloser(current.kind) { throw .unclosed(open, expecting: .rightParen, at: current.range) }
                throw .expectedToken("`)`", after: tokens[index - 1], found: current)
            }
            let close = advance()
            return .group(inner, range: open.range.union(close.range))
        case .name, .quotedName, .string, .integer, .float, .duration, .keyword(.true), .keyword(.false):
            return .token(advance())
        default:
            throw .expectedValue(after: tokens[max(0, index - 1)], found: current)
        }
    }

    /// True for a token that can start a value.
    func startsValue(_ kind: TokenKind) -> Bool {
        switch kind {
        case .name, .quotedName, .string, .integer, .float, .duration, .keyword(.true), .keyword(.false),
             .symbol(.leftParen), .symbol(.minus): true
        default: false
        }
    }
}
