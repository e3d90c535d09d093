/// Fields from and to the names a query writes, for tools that edit query text (the filter
/// bar's completion) without parsing a whole query.
extension Field {
    /// The field a bare name refers to as a query reads it (`Duration`, `service.name`,
    /// `span.http.route`, `.user.id`), or nil when the name is no field (`span.`, `span:nope`).
    /// - Parameter traceQL: the name sits inside braces, where TraceQL's own scopes (`event.`,
    ///   `link.`, `parent.`) are scopes.
    public init?(written text: String, traceQL: Bool = false) {
        guard case .success(let field) = FieldResolver.resolve(bare: text, traceQL: traceQL) else { return nil }
        self = field
    }

    /// How a name written as `text` goes into a query: as it is when it reads back as one name,
    /// else the field printed with its key quoted (`` span.`has space` ``). nil when the text
    /// names no field.
    public static func written(_ text: String, traceQL: Bool = false) -> String? {
        if let tokens = try? Lexer.tokenize(text), tokens.count == 2, tokens[0].kind == .name(text),
           Field(written: text, traceQL: traceQL) != nil {
            return text
        }
        guard let field = Field(written: text, traceQL: traceQL) else { return nil }
        return QueryPrinter.field(field)
    }
}
