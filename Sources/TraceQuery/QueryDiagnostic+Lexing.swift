/// Every diagnostic the lexer produces. docs/query-language.md lists these messages; keep the
/// two in step.
extension QueryDiagnostic {
    static func unexpectedCharacter(_ c: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "unexpected character `\(c)`", at: range)
    }

    static func unterminatedString(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "unterminated string: add a closing `\"`", at: range, expected: ["`\"`"])
    }

    static func unknownEscape(_ e: String, at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "unknown escape `\\\(e)` in a string (known: \\\" \\\\ \\n \\t \\r \\0 \\u{...})",
                        at: range, suggestion: "\\\\\(e)")
    }

    static func badUnicodeEscape(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "bad unicode escape: write \\u{1F600} or \\u00e9", at: range)
    }

    static func unterminatedQuotedName(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "unterminated quoted name: add a closing backtick", at: range, expected: ["`"])
    }

    static func emptyQuotedName(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "empty quoted name", at: range)
    }

    static func numberOutOfRange(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "number out of range", at: range)
    }

    static func unknownUnit(_ unit: String, at range: SourceRange, suggestion: String?) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "unknown duration unit `\(unit)`", at: range,
                        expected: Lexer.durationUnits.map(\.0).filter { $0 != "μs" }, suggestion: suggestion)
    }

    static func missingUnit(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "every part of a compound duration needs a unit (1m30s)", at: range)
    }

    static func singleAmpersand(at range: SourceRange) -> QueryDiagnostic {
        QueryDiagnostic(.lexing, "unexpected `&`", at: range, suggestion: "&&")
    }

}
