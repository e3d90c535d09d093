import TraceModel

/// Every diagnostic the checker produces. docs/query-language.md lists these messages; keep the
/// two in step.
extension QueryDiagnostic {
    static func conditionBesideSpanset(op: Token, at range: SourceRange, wrapped: String) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` between spansets needs braces on both sides: put this condition in { }",
                        at: range, suggestion: wrapped)
    }

    static func tooManySpansets(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "a chain of && or || joins more than \(Parser.maxDepth) spansets", at: range)
    }

    static func notOnSpanset(_ op: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` applies to conditions, not to spansets: write { NOT ... }", at: op.range)
    }

    static func existsOnIntrinsic(_ ref: FieldReference) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "exists() takes an attribute; every span has `\(ref.spelling)`", at: ref.range)
    }

    static func intrinsicNotCondition(_ ref: FieldReference) -> QueryDiagnostic {
        let example: String
        switch ref.field.type {
        case .duration: example = "\(ref.spelling) > 100ms"
        case .string: example = "\(ref.spelling) = \"...\""
        case .integer: example = "\(ref.spelling) > 1"
        case .boolean: example = "\(ref.spelling) = true"
        case .status: example = "\(ref.spelling) = ERROR"
        case .kind: example = "\(ref.spelling) = SERVER"
        case .problem: example = "\(ref.spelling) = \"clock-skew\""
        case .traceID, .spanID, .attribute: example = "\(ref.spelling) = \"...\""
        }
        return QueryDiagnostic(.checking, "`\(ref.spelling)` is not a condition on its own: compare it, as in \(example)",
                               at: ref.range, expected: OperatorTable.comparisonSpellings)
    }

    static func operatorNotForType(_ op: Token, _ ref: FieldReference, allowed: [ComparisonOperator]) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` does not apply to `\(ref.spelling)` (\(describe(ref.field.type)))",
                        at: op.range, expected: allowed.map(\.spelling))
    }

    static func durationNeedsUnit(_ ref: FieldReference, _ token: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(ref.spelling)` is a duration: give \(token.text) a unit", at: token.range,
                        expected: ["ns", "us", "µs", "ms", "s", "m", "h"], suggestion: token.text + "ms")
    }

    static func quotedDuration(_ token: Token, unquoted: String) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "durations are written without quotes", at: token.range, suggestion: unquoted)
    }

    static func typeMismatch(_ ref: FieldReference, _ token: Token, expected: String) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(ref.spelling)` is \(describe(ref.field.type)): expected \(expected), found `\(token.text)`",
                        at: token.range, expected: [expected])
    }

    static func unquotedString(_ token: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(token.text)` is not a value here: strings go in double quotes", at: token.range,
                        expected: ["a quoted string"], suggestion: QueryPrinter.quote(token.text))
    }

    static func textualNeedsString(_ op: Token, _ token: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` takes a quoted string", at: token.range, expected: ["a quoted string"],
                        suggestion: QueryPrinter.quote(token.text))
    }

    static func unknownStatus(_ token: Token, _ word: String) -> QueryDiagnostic {
        let names = [StatusCode.ok, .error, .unset].map(\.name)
        return QueryDiagnostic(.checking, "unknown status `\(word)`", at: token.range, expected: names,
                               suggestion: Suggestions.nearest(to: word, in: names))
    }

    static func unknownKind(_ token: Token, _ word: String) -> QueryDiagnostic {
        let names = [SpanKind.server, .client, .producer, .consumer, .internal, .unspecified].map(\.name)
        return QueryDiagnostic(.checking, "unknown span kind `\(word)`", at: token.range, expected: names,
                               suggestion: Suggestions.nearest(to: word, in: names))
    }

    static func unknownProblem(_ token: Token, _ word: String) -> QueryDiagnostic {
        let names = TraceProblems.all.map(\.name)
        // A typo, a part of a name (`skew`, `outliving`), or the list's letter for it (`S`).
        let lower = word.lowercased()
        let near = Suggestions.nearest(to: word, in: names)
            ?? (lower.count >= 3 ? names.first { $0.contains(lower) || $0.filter { $0 != "-" }.contains(lower) } : nil)
            ?? TraceProblems.all.first { String($0.mark).lowercased() == lower }?.name
        return QueryDiagnostic(.checking, "unknown trace problem `\(word)`", at: token.range,
                               expected: names.map(QueryPrinter.quote), suggestion: near.map(QueryPrinter.quote))
    }

    static func unquotedID(_ ref: FieldReference, _ token: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(ref.spelling)` takes a quoted id", at: token.range,
                        expected: ["a quoted id"], suggestion: QueryPrinter.quote(token.text))
    }

    static func badID(_ ref: FieldReference, _ token: Token) -> QueryDiagnostic {
        if ref.field.type == .traceID {
            return QueryDiagnostic(.checking, "`\(token.text)` is not an id: expected the id, or a prefix of it, as its "
                                   + "file writes it", at: token.range, expected: ["a quoted id"])
        }
        return QueryDiagnostic(.checking, "`\(token.text)` is not an id: expected 1 to 16 hex digits",
                               at: token.range, expected: ["a quoted hex id"])
    }

    /// A pattern RE2 refuses: the caret under the fragment it blames when the string token shows
    /// it as typed, else under the whole string.
    static func badRegex(_ token: Token, _ refusal: RegexRefusal) -> QueryDiagnostic {
        let message = refusal.refusesFeature ? refusal.reason : "invalid regular expression: \(refusal.reason)"
        return QueryDiagnostic(.checking, message, at: regexFragmentRange(token, refusal.fragment))
    }

    /// Where a pattern's fragment is in its string token (backslashes typed doubled); the
    /// token's range when it is not there once.
    private static func regexFragmentRange(_ token: Token, _ fragment: String) -> SourceRange {
        guard !fragment.isEmpty else { return token.range }
        let typed = fragment.replacing("\\", with: "\\\\")
        let found = token.text.ranges(of: typed)
        guard found.count == 1, let range = found.first else { return token.range }
        let start = token.range.lowerBound + token.text.distance(from: token.text.startIndex, to: range.lowerBound)
        return SourceRange(start, start + typed.count)
    }

    static func attributeDuration(_ ref: FieldReference, _ token: Token, nearest: Intrinsic?) -> QueryDiagnostic {
        if let nearest {
            return QueryDiagnostic(.checking, "`\(ref.spelling)` is not a known field, and attributes hold no durations",
                                   at: ref.range, suggestion: nearest.canonicalName)
        }
        return QueryDiagnostic(.checking, "attribute values carry no unit: compare `\(ref.spelling)` with a plain number",
                               at: token.range, expected: ["a number", "a string"])
    }

    static func misspeltIntrinsic(_ ref: FieldReference, _ intrinsic: Intrinsic) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(ref.spelling)` is not a known field", at: ref.range,
                        suggestion: intrinsic.canonicalName)
    }

    static func unknownIntrinsic(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        let names = Intrinsic.scopedNames
        return QueryDiagnostic(.checking, "unknown intrinsic `\(name)`", at: range, expected: names,
                               suggestion: Suggestions.nearest(to: name, in: names))
    }

    static func unknownPipelineFunction(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        let names = PipelineStage.names + MetricsFunction.names + ["topk", "bottomk"]
        return QueryDiagnostic(.checking, "unknown pipeline function `\(name)`", at: range, expected: names,
                               suggestion: Suggestions.nearest(to: name, in: names))
    }

    static func stageArguments(_ name: String, _ rule: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(name)()` \(rule)", at: range)
    }

    static func stageNotCompared(_ call: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(call)` must be compared, as in `| \(call) > 2`", at: range,
                        expected: ["=", "!=", "<", "<=", ">", ">="])
    }

    static func stageCompared(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(name)()` groups or names fields and is not compared", at: range)
    }


    static func unknownScope(_ prefix: String, at range: SourceRange, traceQL: Bool) -> QueryDiagnostic {
        let scopes = AttributeScope.allCases.filter { traceQL || !$0.isTraceQLOnly }.map { $0.prefix.isEmpty ? "." : $0.prefix }
        let note = traceQL ? "" : " (TraceQL's event., link., instrumentation. and parent. need braces)"
        return QueryDiagnostic(.checking, "unknown scope `\(prefix)` before a quoted name" + note, at: range,
                               expected: scopes, suggestion: Suggestions.nearest(to: prefix, in: scopes))
    }

    static func missingAttributeName(after scope: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "expected an attribute name after `\(scope)`", at: range, expected: ["an attribute name"])
    }

    static func trailingDot(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "a field name cannot end with `.`", at: range)
    }

    /// "a duration", "a string" ... for messages.
    static func describe(_ type: FieldType) -> String {
        switch type {
        case .duration: "a duration"
        case .string: "a string"
        case .integer: "a number"
        case .boolean: "true or false"
        case .status: "a status"
        case .kind: "a span kind"
        case .problem: "a trace problem"
        case .traceID: "a trace id"
        case .spanID: "a span id"
        case .attribute: "an attribute"
        }
    }
}

/// TraceQL's arithmetic and comparisons between values.
extension QueryDiagnostic {
    static func patternNeedsLiteral(_ op: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` compares a field with a quoted pattern, not with a computed value",
                        at: op.range, expected: ["a field on the left and a quoted string on the right"])
    }

    static func valuesOfDifferentTypes(_ op: Token, _ left: String, _ right: String,
                                       at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` compares \(left) with \(right): both sides must have one type",
                        at: range)
    }

    static func operatorNotForValues(_ op: Token, _ type: String) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` does not apply to \(type)", at: op.range, expected: ["=", "!="])
    }

    static func arithmeticOnType(_ op: Token, _ type: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` computes on numbers and durations, not on \(type)", at: range)
    }

    static func arithmeticBetween(_ op: Token, _ left: String, _ right: String) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` does not apply between \(left) and \(right)", at: op.range)
    }

    static func intrinsicNeverNil(_ ref: FieldReference) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(ref.spelling)` is on every span, so it is never nil", at: ref.range,
                        expected: ["!= nil", "a value"])
    }

    static func comparedWithLiteralOnly(_ ref: FieldReference) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(ref.spelling)` compares with a literal only (`\(ref.spelling) = ...`), "
                        + "not in arithmetic or with another field", at: ref.range)
    }

    static func valueNotCondition(_ range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "a computed value is not a condition on its own: compare it, as in `(.a + .b) > 10`",
                        at: range, expected: ["=", "!=", "<", "<=", ">", ">="])
    }
}

/// The order of a metrics query's stages.
extension QueryDiagnostic {
    static func rankWithoutMetrics(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(name)()` ranks the series of a metrics function: put it after one, "
                        + "as in `| rate() by (resource.service.name) | \(name)(5)`", at: range)
    }

    static func rankAfterCompare(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "compare() answers with baseline and selection series, which `\(name)` does not apply to",
                        at: range)
    }

    static func metricsAfterMetrics(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "a query has one metrics function; `\(name)()` is a second", at: range)
    }

    static func stageAfterMetrics(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "only `topk()`, `bottomk()` or a comparison may follow a metrics function", at: range,
                        expected: ["topk(n)", "bottomk(n)"])
    }

    static func byAfterNonMetrics(_ name: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`by (...)` follows a metrics function such as rate(), not `\(name)()`; "
                        + "to group spansets write `| by(...)`", at: range)
    }
}

/// Metrics arithmetic.
extension QueryDiagnostic {
    static func notMetricsOperand(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "metrics arithmetic takes numbers and metrics queries in parentheses, "
                        + "as in `({ status = error } | rate()) / ({ } | rate())`", at: range)
    }

    static func metricsOperator(_ op: Token) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "`\(op.text)` does not apply to metrics; use + - * /", at: op.range,
                        expected: ["+", "-", "*", "/"])
    }

    static func metricsComparedWithNumber(_ op: Token, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "a metrics query is compared with a number (`\(op.text) 10`)", at: range)
    }

    static func pipelineIsMetrics(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.checking, "a metrics pipeline computes series: combine it with + - * /, not with spanset operators",
                        at: range)
    }
}
