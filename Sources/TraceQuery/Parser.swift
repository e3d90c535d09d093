/// Builds a `Syntax` tree from tokens by precedence climbing over `OperatorTable`: conditions
/// and spansets here, values and arithmetic in `Parser+Values.swift`, pipeline stages and hints
/// in `Parser+Pipeline.swift`.
///
/// Grammar (docs/query-language.md has the full EBNF):
///
///     query      = expression { "|" stage } END
///     stage      = name "(" [ field { "," field } ] ")" [ compare-op value ]
///     expression = unary { binary-op expression }       (climbing: binary-op from OperatorTable)
///     unary      = ( "NOT" | "!" ) unary | primary
///     primary    = "{" [ expression ] "}" | "(" expression ")" | "exists" "(" field ")"
///                | "true" | "false" | condition | literal compare-op field
///     condition  = field [ compare-op value | [ "NOT" ] "IN" "(" value { "," value } ")" ]
///
/// Every loop consumes a token per turn (`LoopProgress`), nesting is capped at `maxDepth`, and
/// the first problem is thrown as a `QueryDiagnostic`, so no input hangs or crashes the parser.
/// O(tokens).
struct Parser {
    let tokens: [Token]
    var index = 0
    var depth = 0
    var insideBraces = false
    /// True when the query has braces: it is TraceQL, where `&&` and `||` (and AND, OR) share
    /// one precedence and group left to right (`{ a || b && c }` is `{ (a || b) && c }`).
    /// Without braces, the primer's language: AND binds tighter than OR.
    private(set) var traceQL: Bool
    /// The pipeline's stages, in order, once `parseQuery` has read them.
    private(set) var stages: [StageSyntax] = []
    /// `with(...)` hints at the end, once `parseQuery` has read them.
    private(set) var hints: [QueryHint] = []

    /// The deepest nesting of parentheses, braces and NOTs accepted.
    static let maxDepth = 100

    init(tokens: [Token]) {
        precondition(tokens.last?.kind == .end, "token stream must end with .end")
        self.tokens = tokens
        traceQL = tokens.contains { $0.kind == .symbol(.leftBrace) } || Self.startsWithStage(tokens)
    }

    /// Parses a whole query; anything left over is an error.
    mutating func parseQuery() throws(QueryDiagnostic) -> Syntax {
        if current.kind == .end { throw .emptyQuery(at: current.range) }
        let syntax: Syntax
        if Self.startsWithStage(tokens) {
            // TraceQL's `count() > 2 | ...`, `by(.a) | { true }`: a pipeline over every span.
            syntax = .braced(nil, range: SourceRange(current.range.lowerBound, current.range.lowerBound))
            stages.append(try parseStage(after: current))
        } else {
            syntax = try parseExpression(minPrecedence: OperatorTable.orPrecedence)
        }
        var progress = LoopProgress()
        while progress.advanced(to: index), current.kind == .symbol(.bar) {
            stages.append(try parseStage(after: advance()))
        }
        if isHintsStart { hints = try parseHints() }
        if current.kind != .end { throw unexpectedAfterExpression(syntax) }
        return syntax
    }

    // MARK: - Expressions

    /// Binary operators at or above a precedence, left-associative. A run of one AND/OR
    /// operator becomes one flat `.chain`; a run of structural operators nests to the left and
    /// counts towards `maxDepth`.
    mutating func parseExpression(minPrecedence: Int) throws(QueryDiagnostic) -> Syntax {
        try enter()
        let entryDepth = depth
        defer { depth = entryDepth - 1 }
        var lhs = try parseUnary()
        // The chain being built, kept apart from `lhs` so appending stays amortised O(1).
        var chain: (op: ChainOperator, operands: [Syntax], ops: [Token])?
        var progress = LoopProgress()
        while progress.advanced(to: index),
              let (op, tablePrecedence) = OperatorTable.binary(current.kind),
              case let precedence = traceQL && op.isChain ? OperatorTable.orPrecedence : tablePrecedence,
              precedence >= minPrecedence {
            let opToken = advance()
            let rhs = try parseExpression(minPrecedence: precedence + 1)
            switch op {
            case .chain(let chainOp) where chain?.op == chainOp:
                chain!.operands.append(rhs)
                chain!.ops.append(opToken)
            case .chain(let chainOp):
                if let c = chain { lhs = .chain(c.op, c.operands, ops: c.ops) }
                chain = (chainOp, [lhs, rhs], [opToken])
            case .structural(let s):
                if let c = chain { lhs = .chain(c.op, c.operands, ops: c.ops) }
                chain = nil
                try enter()
                lhs = .structural(s, lhs, rhs, op: opToken)
            }
        }
        if let c = chain { lhs = .chain(c.op, c.operands, ops: c.ops) }
        return lhs
    }

    /// `NOT x`, `!x`, or a primary.
    mutating func parseUnary() throws(QueryDiagnostic) -> Syntax {
        guard current.kind == .keyword(.not) || current.kind == .symbol(.bang) else { return try parsePrimary() }
        try enter()
        defer { depth -= 1 }
        let op = advance()
        if current.kind == .end { throw .expectedOperand(after: op, found: current) }
        return .not(try parseUnary(), op: op)
    }

    mutating func parsePrimary() throws(QueryDiagnostic) -> Syntax {
        switch current.kind {
        case .symbol(.leftBrace): return try parseBraced()
        case .symbol(.leftParen):
            try enter()
            defer { depth -= 1 }
            let open = advance()
            let inner = try parseExpression(minPrecedence: OperatorTable.orPrecedence)
            if current.kind == .symbol(.bar) {
                // `({ a } | count() > 1)`, `({ } | rate())`: a pipeline in parentheses.
                let stages = try parseStages()
                let close = try expectClosing(.rightParen, opener: open, inner: inner)
                let range = open.range.union(close.range)
                if stages.contains(where: \.isMetrics),
                   ArithmeticOperator.of(current.kind) != nil || OperatorTable.comparison(current.kind) != nil {
                    return try finishCondition(after: try continueArithmetic(from: .pipeline(inner, stages, range: range)))
                }
                return .pipeline(inner, stages, range: range)
            }
            let close = try expectClosing(.rightParen, opener: open, inner: inner)
            let range = open.range.union(close.range)
            // `(.a + .b) > 10`: parentheses around a value that is then computed on or compared.
            if let value = inner.asValue,
               ArithmeticOperator.of(current.kind) != nil || OperatorTable.comparison(current.kind) != nil {
                return try finishCondition(after: try continueArithmetic(from: .group(value, range: range)))
            }
            return .group(inner, range: range)
        case .keyword(.exists): return try parseExists()
        case .keyword(.true), .keyword(.false):
            let t = advance()
            return .boolean(t.kind == .keyword(.true), t)
        case .name, .quotedName, .string, .integer, .float, .duration, .symbol(.minus): return try parseCondition()
        default:
            throw .expectedOperand(after: index > 0 ? tokens[index - 1] : nil, found: current)
        }
    }

    /// `{ }` or `{ expression }`; braces do not nest.
    mutating func parseBraced() throws(QueryDiagnostic) -> Syntax {
        if insideBraces { throw .nestedBraces(at: current.range) }
        let open = advance()
        if current.kind == .symbol(.rightBrace) {
            let close = advance()
            return .braced(nil, range: open.range.union(close.range))
        }
        insideBraces = true
        defer { insideBraces = false }
        let inner = try parseExpression(minPrecedence: OperatorTable.orPrecedence)
        let close = try expectClosing(.rightBrace, opener: open, inner: inner)
        return .braced(inner, range: open.range.union(close.range))
    }

    /// `exists ( field )`.
    private mutating func parseExists() throws(QueryDiagnostic) -> Syntax {
        let keyword = advance()
        guard current.kind == .symbol(.leftParen) else { throw .expectedToken("`(`", after: keyword, found: current) }
        let open = advance()
        guard isField(current.kind) else { throw .expectedField(after: open, found: current) }
        let field = advance()
        guard current.kind == .symbol(.rightParen) else {
            throw .expectedToken("`)`", after: field, found: current)
        }
        let close = advance()
        return .exists(field: field, range: keyword.range.union(close.range))
    }

    // MARK: - Conditions

    /// A value (a field, a literal, or TraceQL arithmetic on them), then optionally an operator
    /// and another value, or `[NOT] IN (...)` after a field.
    private mutating func parseCondition() throws(QueryDiagnostic) -> Syntax {
        try finishCondition(after: try parseArithmetic())
    }

    /// What follows a value: a comparison, IN, or nothing (a bare field or value).
    mutating func finishCondition(after lhs: ValueSyntax) throws(QueryDiagnostic) -> Syntax {
        if let op = OperatorTable.comparison(current.kind) {
            let opToken = advance()
            if !startsValue(current.kind) { throw .expectedValue(after: opToken, found: current) }
            let rhs = try parseArithmetic()
            return comparison(lhs, op, opToken, rhs)
        }
        guard case .token(let field) = lhs, isField(field.kind) else { return .value(lhs) }
        if current.kind == .keyword(.in) { return try parseList(field: field, negated: false) }
        if current.kind == .keyword(.not), peek(1).kind == .keyword(.in) {
            advance()
            return try parseList(field: field, negated: true)
        }
        if current.kind == .symbol(.leftParen), case .name(let name) = field.kind {
            throw .unknownFunction(name, at: field.range)
        }
        return .bareField(field)
    }

    /// `field op literal` as the plain comparison (swapped when the literal came first, as in
    /// `5s < duration`); anything else, such as arithmetic or two fields, as a value comparison.
    private func comparison(_ lhs: ValueSyntax, _ op: ComparisonOperator, _ opToken: Token,
                            _ rhs: ValueSyntax) -> Syntax {
        if case .token(let l) = lhs, case .token(let r) = rhs {
            if isField(l.kind), !isField(r.kind) || !Self.readsAsField(r) {
                return .comparison(field: l, op: op, opToken: opToken, value: r)
            }
            if !isField(l.kind), isField(r.kind), let swapped = op.swapped {
                return .comparison(field: r, op: swapped, opToken: opToken, value: l)
            }
        }
        return .valueComparison(lhs, op, opToken: opToken, rhs)
    }

    /// True for a name that can only be a field on the right of a comparison: TraceQL's forms
    /// `.x`, `span.x`, `resource.x`, `parent.x` ..., `scope:name`, or a quoted name with a prefix.
    /// A bare word (`error`, `server`, `nil`) stays a value.
    static func readsAsField(_ token: Token) -> Bool {
        switch token.kind {
        case .quotedName(let prefix, _): return !prefix.isEmpty
        case .name(let text):
            let lower = text.lowercased()
            if lower.hasPrefix(".") || lower.contains(":") { return true }
            return AttributeScope.allCases.contains { !$0.prefix.isEmpty && lower.hasPrefix($0.prefix) }
        default: return false
        }
    }

    /// `IN ( value { , value } )`; `current` is the IN keyword.
    private mutating func parseList(field: Token, negated: Bool) throws(QueryDiagnostic) -> Syntax {
        let keyword = advance()
        guard current.kind == .symbol(.leftParen) else { throw .expectedToken("`(`", after: keyword, found: current) }
        var previous = advance()
        var values: [Token] = []
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            values.append(try parseValue(after: previous))
            if current.kind == .symbol(.rightParen) { break }
            guard current.kind == .symbol(.comma) else {
                throw .expectedToken("`,` or `)`", after: tokens[index - 1], found: current)
            }
            previous = advance()
        }
        let close = advance()
        return .membership(field: field, values: values, negated: negated, range: field.range.union(close.range))
    }

    /// A literal: string, number, duration, true/false, a bare word (status and kind names) or
    /// a backtick-quoted string.
    mutating func parseValue(after previous: Token) throws(QueryDiagnostic) -> Token {
        switch current.kind {
        case .string, .integer, .float, .duration, .name, .keyword(.true), .keyword(.false): return advance()
        case .quotedName(let prefix, _) where prefix.isEmpty: return advance()
        default: throw .expectedValue(after: previous, found: current)
        }
    }

    // MARK: - Tokens

    var current: Token { tokens[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    /// Consumes the current token (never moves past `.end`).
    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func isField(_ kind: TokenKind) -> Bool {
        switch kind {
        case .name, .quotedName: true
        default: false
        }
    }

    mutating func enter() throws(QueryDiagnostic) {
        depth += 1
        if depth > Self.maxDepth { throw .nestedTooDeeply(at: current.range) }
    }

    /// Consumes a closing `)` or `}`, or explains what is missing.
    mutating func expectClosing(_ symbol: Symbol, opener: Token, inner: Syntax) throws(QueryDiagnostic) -> Token {
        if current.kind == .symbol(symbol) { return advance() }
        if current.kind == .end || isCloser(current.kind) {
            throw .unclosed(opener, expecting: symbol, at: current.range)
        }
        throw unexpectedAfterExpression(inner, closing: symbol)
    }

    func isCloser(_ kind: TokenKind) -> Bool {
        kind == .symbol(.rightParen) || kind == .symbol(.rightBrace)
    }

    /// The error for a token after a complete expression: a typo of a keyword, a unit set apart
    /// from its number, a stray closer, or two conditions without AND/OR between them.
    func unexpectedAfterExpression(_ syntax: Syntax, closing: Symbol? = nil) -> QueryDiagnostic {
        let previous = tokens[index - 1]
        if case .name(let word) = current.kind, case .integer = previous.kind,
           Lexer.durationUnits.contains(where: { $0.0 == word }),
           previous.range.upperBound <= current.range.lowerBound {
            return .unitApart(number: previous, unit: current)
        }
        if closing == nil, isCloser(current.kind) { return .unmatchedCloser(current) }
        var expected = ["AND", "OR"]
        if case .bareField = syntax.rightmost { expected = OperatorTable.comparisonSpellings + expected }
        if let closing { expected.append("`\(closing.rawValue)`") } else { expected.append("the end of the query") }
        return .unexpectedToken(current, expected: expected)
    }
}
