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
