/// The pipeline after the spansets: `| stage` calls with their arguments, `by (...)` and a
/// comparison, spanset stages, and `with(...)` hints at the end.
extension Parser {
    /// A stage after a `|`: a spanset, or `name ( arguments ) [ by ( fields ) ] [ op value ]`.
    mutating func parseStage(after bar: Token) throws(QueryDiagnostic) -> StageSyntax {
        if current.kind == .symbol(.leftBrace) {
            return StageSyntax(kind: .spanset(try parseExpression(minPrecedence: OperatorTable.orPrecedence)), comparison: nil)
        }
        guard case .name = current.kind else { throw .expectedToken("a pipeline function such as count()", after: bar, found: current) }
        let name = advance()
        guard current.kind == .symbol(.leftParen) else { throw .expectedToken("`(`", after: name, found: current) }
        var previous = advance()
        var arguments: [StageSyntax.Argument] = []
        var progress = LoopProgress()
        while progress.advanced(to: index), current.kind != .symbol(.rightParen) {
            switch current.kind {
            case .symbol(.leftBrace): arguments.append(.spanset(try parseBraced()))
            case .name, .quotedName, .integer, .float, .duration, .symbol(.leftParen), .symbol(.minus):
                let value = try parseArithmetic()
                if case .token(let t) = value { arguments.append(.token(t)) } else { arguments.append(.value(value)) }
            default: throw .expectedField(after: previous, found: current)
            }
            if current.kind == .symbol(.comma) { previous = advance() } else { break }
        }
        guard current.kind == .symbol(.rightParen) else { throw .expectedToken("`)`", after: tokens[index - 1], found: current) }
        let close = advance()
        var by: [Token]?
        var byRange: SourceRange?
        if case .name(let word) = current.kind, word.lowercased() == "by", peek(1).kind != .symbol(.leftParen) {
            throw .expectedToken("`(` (the fields go in parentheses: `by (resource.service.name)`)", after: current,
                                 found: peek(1))
        }
        if case .name(let word) = current.kind, word.lowercased() == "by", peek(1).kind == .symbol(.leftParen) {
            let keyword = advance()
            var fields: [Token] = []
            var after = advance()
            var fieldProgress = LoopProgress()
            while fieldProgress.advanced(to: index) {
                guard isField(current.kind) else { throw .expectedField(after: after, found: current) }
                fields.append(advance())
                if current.kind == .symbol(.comma) { after = advance() } else { break }
            }
            guard current.kind == .symbol(.rightParen) else { throw .expectedToken("`)`", after: tokens[index - 1], found: current) }
            byRange = keyword.range.union(advance().range)
            by = fields
        }
        var comparison: (op: ComparisonOperator, opToken: Token, value: Token)?
        if let op = OperatorTable.comparison(current.kind) {
            let opToken = advance()
            comparison = (op, opToken, try parseStageValue(after: opToken))
        }
        return StageSyntax(kind: .call(name: name, arguments: arguments, close: close, by: by, byRange: byRange),
                           comparison: comparison)
    }

    /// The value a stage is compared with: a literal, or arithmetic on literals folded into one
    /// (`| avg(.field) > 1 - 3`, `| rate() > 1 / 2`), as TraceQL's scalars are.
    mutating func parseStageValue(after opToken: Token) throws(QueryDiagnostic) -> Token {
        let start = index
        if !startsValue(current.kind) { throw .expectedValue(after: opToken, found: current) }
        let value = try parseArithmetic()
        if case .token(let t) = value { return t }
        guard let folded = Self.fold(value) else { throw .expectedValue(after: opToken, found: tokens[start]) }
        let kind: TokenKind = switch folded {
        case .integer(let i): .integer(i)
        case .duration(let ns): .duration(ns)
        case .double(let d): .float(d)
        default: .float(.nan)
        }
        return Token(kind, value.range, tokens[start..<index].map(\.text).joined(separator: " "))
    }

    /// Arithmetic on number and duration literals, computed; nil when it names a field or has no
    /// value (a division by zero).
    static func fold(_ v: ValueSyntax) -> DynamicValue? {
        switch v {
        case .token(let t):
            switch t.kind {
            case .integer(let i): return .integer(i)
            case .float(let d): return .double(d)
            case .duration(let ns): return .duration(ns)
            default: return nil
            }
        case .group(let x, _): return fold(x)
        case .pipeline: return nil
        case .negate(let x, _):
            let n = fold(x)?.negated
            if case DynamicValue.none? = n { return nil }
            return n
        case .arithmetic(let op, let l, let r, _):
            guard let a = fold(l), let b = fold(r) else { return nil }
            let result = DynamicValue.apply(op, a, b)
            if case .none = result { return nil }
            return result
        }
    }

    /// True when the query opens with a pipeline function (`avg(duration) > 1s`, `select(.a)`)
    /// rather than a condition.
    static func startsWithStage(_ tokens: [Token]) -> Bool {
        guard tokens.count > 2, case .name(let word) = tokens[0].kind, tokens[1].kind == .symbol(.leftParen) else { return false }
        // As Tempo's grammar allows: a scalar filter, by() or select(); not coalesce() or metrics.
        return ["count", "avg", "min", "max", "sum", "by", "select"].contains(word.lowercased())
    }

    /// `| stage` after `| stage`, inside a pipeline's parentheses.
    mutating func parseStages() throws(QueryDiagnostic) -> [StageSyntax] {
        var out: [StageSyntax] = []
        var progress = LoopProgress()
        while progress.advanced(to: index), current.kind == .symbol(.bar) { out.append(try parseStage(after: advance())) }
        return out
    }

    /// `with` followed by `(`.
    var isHintsStart: Bool {
        if case .name(let word) = current.kind, word.lowercased() == "with", peek(1).kind == .symbol(.leftParen) { return true }
        return false
    }

    /// `with ( name = value { , name = value } )`.
    mutating func parseHints() throws(QueryDiagnostic) -> [QueryHint] {
        advance()
        var after = advance()
        var out: [QueryHint] = []
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            guard case .name(let name) = current.kind else { throw .expectedToken("a hint such as `sample=true`", after: after, found: current) }
            let nameToken = advance()
            guard current.kind == .symbol(.equal) else { throw .expectedToken("`=`", after: nameToken, found: current) }
            let eq = advance()
            let value = try parseValue(after: eq)
            out.append(QueryHint(name: name, value: value.text))
            if current.kind == .symbol(.comma) { after = advance() } else { break }
        }
        guard current.kind == .symbol(.rightParen) else { throw .expectedToken("`,` or `)`", after: tokens[index - 1], found: current) }
        advance()
        return out
    }
}
