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
