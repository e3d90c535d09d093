/// Every diagnostic the parser produces. docs/query-language.md lists these messages; keep the
/// two in step.
extension QueryDiagnostic {
    /// What may start a condition.
    static let operandStarts = ["a field", "`{`", "`(`", "NOT", "exists(...)"]
    /// What may follow a comparison operator.
    static let valueKinds = ["a string", "a number", "a duration", "true", "false", "a status or kind name"]

    static func emptyQuery(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "empty query: type a condition such as duration > 100ms", at: range,
                        expected: operandStarts)
    }

    static func expectedOperand(after previous: Token?, found: Token) -> QueryDiagnostic {
        let place = previous.map { " after `\($0.text)`" } ?? ""
        return QueryDiagnostic(.parsing, "expected a condition\(place), found \(found.kind.describedForMessage)",
                               at: found.range, expected: operandStarts)
    }

    static func expectedToken(_ what: String, after previous: Token, found: Token) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "expected \(what) after `\(previous.text)`, found \(found.kind.describedForMessage)",
                        at: found.range, expected: [what])
    }

    static func expectedField(after previous: Token, found: Token) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "expected a field after `\(previous.text)`, found \(found.kind.describedForMessage)",
                        at: found.range, expected: ["a field"])
    }

    static func expectedValue(after op: Token, found: Token) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "expected a value after `\(op.text)`, found \(found.kind.describedForMessage)",
                        at: found.range, expected: valueKinds)
    }

    static func literalWithoutField(_ literal: Token) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "a condition starts with a field, not with the value `\(literal.text)`",
                        at: literal.range, expected: ["a field"])
    }

    static func nestedBraces(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "spansets do not nest: `{` inside `{ }`; use ( ) to group conditions", at: range,
                        suggestion: "(")
    }

    static func nestedTooDeeply(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "the query nests deeper than \(Parser.maxDepth) levels", at: range)
    }

    static func unknownFunction(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "unknown function `\(name)`: the only function is exists(field)", at: range,
                        expected: ["exists"], suggestion: Suggestions.nearest(to: name, in: ["exists"]))
    }

    static func unclosed(_ opener: Token, expecting closer: Symbol, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.parsing,
                        "expected `\(closer.rawValue)` to close the `\(opener.text)` at column \(opener.range.lowerBound + 1)",
                        at: range, expected: ["`\(closer.rawValue)`"])
    }

    static func unmatchedCloser(_ token: Token) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "unmatched `\(token.text)`", at: token.range, expected: ["AND", "OR", "the end of the query"])
    }

    static func unitApart(number: Token, unit: Token) -> QueryDiagnostic {
        QueryDiagnostic(.parsing, "write the unit right after the number: \(number.text)\(unit.text)",
                        at: number.range.union(unit.range), suggestion: number.text + unit.text)
    }

    /// A token that cannot continue the query: likely a misspelt keyword, or two conditions with
    /// no AND/OR between them.
    static func unexpectedToken(_ token: Token, expected: [String]) -> QueryDiagnostic {
        var suggestion: String?
        if case .name(let word) = token.kind {
            let candidates = ["AND", "OR", "NOT", "IN", "contains", "exists"]
            suggestion = Suggestions.nearest(to: word, in: candidates)
                .map { word.first?.isLowercase == true ? $0.lowercased() : $0 }
        }
        let wanted = expected.count > 4 ? "an operator, AND, OR or the end of the query" : list(expected)
        return QueryDiagnostic(.parsing, "expected \(wanted), found \(token.kind.describedForMessage)",
                               at: token.range, expected: expected, suggestion: suggestion)
    }
}
