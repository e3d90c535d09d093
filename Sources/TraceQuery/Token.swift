/// One lexical token of a query, with the characters it came from.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    /// Where the token is in the query (character offsets).
    public var range: SourceRange
    /// The token exactly as typed.
    public var text: String

    public init(_ kind: TokenKind, _ range: SourceRange, _ text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

/// What a token is.
public enum TokenKind: Hashable, Sendable {
    /// A bare name: a field (`duration`, `http.status_code`, `.user.id`, `span:duration`) or a
    /// value word (`ERROR`, `server`). May contain `.`, `-`, `_`, `:` and digits after the first
    /// character.
    case name(String)
    /// A backtick-quoted name with an optional scope written before it:
    /// `` `odd key` ``, `` span.`odd key` ``, `` resource.`k` ``, `` .`k` ``. The prefix keeps its
    /// trailing dot (`"span."`, or `""` when there is none).
    case quotedName(prefix: String, name: String)
    /// A double-quoted string, escapes decoded.
    case string(String)
    case integer(Int64)
    case float(Double)
    /// A duration literal such as `5s`, `1.5ms` or `1m30s`.
    case duration(Int64)
    case keyword(Keyword)
    case symbol(Symbol)
    /// The end of the query.
    case end
}

/// Words with a meaning of their own, recognised in any case.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case and, or, not, `in`, contains, exists, `true`, `false`

    /// The canonical (printed) spelling.
    public var spelling: String {
        switch self {
        case .and, .or, .not, .in: rawValue.uppercased()
        case .contains, .exists, .true, .false: rawValue
        }
    }
}

/// Operators and punctuation.
public enum Symbol: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case doubleEqual = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case regexMatch = "=~"
    case regexNoMatch = "!~"
    case doubleAmpersand = "&&"
    case doubleBar = "||"
    case bang = "!"
    case doubleGreater = ">>"
    case doubleLess = "<<"
    case tilde = "~"
    case leftParen = "("
    case rightParen = ")"
    case leftBrace = "{"
    case rightBrace = "}"
    case comma = ","
}

extension TokenKind {
    /// How a token is named in "expected ..., found ..." messages.
    var describedForMessage: String {
        switch self {
        case .name(let n): "`\(n)`"
        case .quotedName(let prefix, let name): "the quoted name \(prefix)`\(name)`"
        case .string: "a string"
        case .integer, .float: "a number"
        case .duration: "a duration"
        case .keyword(let k): k.spelling
        case .symbol(let s): "`\(s.rawValue)`"
        case .end: "the end of the query"
        }
    }
}
