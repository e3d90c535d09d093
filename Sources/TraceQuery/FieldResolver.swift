/// Resolves field names: intrinsic names and aliases (any case), scoped attributes
/// (`span.x`, `resource.x`, TraceQL's `.x`), and backtick-quoted attribute keys.
enum FieldResolver {
    /// The field a name token refers to. Throws for a scope with no name after it, a name
    /// ending in `.`, or an unknown scope before a quoted name.
    /// - Parameter traceQL: the query has braces, so TraceQL's scopes (`event.`, `link.`,
    ///   `instrumentation.`, `parent.`) are scopes rather than the start of a key.
    static func resolve(_ token: Token, traceQL: Bool = false) throws(QueryDiagnostic) -> FieldReference {
        switch token.kind {
        case .name(let text):
            switch resolve(bare: text, traceQL: traceQL) {
            case .success(let field): return FieldReference(field, spelling: text, range: token.range)
            case .failure(let problem): throw problem.diagnostic(token)
            }
        case .quotedName(let prefix, let name):
            // `span."a b"`, and `span.http."request id"`: a scope, then key segments before the quote.
            let lower = prefix.lowercased()
            let known = AttributeScope.byPrefix.first { lower.hasPrefix($0.0) && (traceQL || !$0.1.isTraceQLOnly) }
            guard lower.isEmpty || known != nil else {
                let prefixRange = SourceRange(token.range.lowerBound, token.range.lowerBound + prefix.count)
                throw .unknownScope(prefix, at: prefixRange, traceQL: traceQL)
            }
            let scope = known?.1 ?? .any
            let name = String(prefix.dropFirst(known?.0.count ?? 0)) + name
            return FieldReference(.attribute(scope, name), spelling: token.text, range: token.range)
        default:
            throw .expectedField(after: token, found: token)
        }
    }

    /// Why a bare name is not a field.
    enum Problem: Error {
        case missingName(scope: String)
        case trailingDot
        /// `span:foo`, `event:name`: an intrinsic's form that names no intrinsic trex has.
        case unknownIntrinsic(String)

        func diagnostic(_ token: Token) -> QueryDiagnostic {
            switch self {
            case .missingName(let scope): .missingAttributeName(after: scope, at: token.range)
            case .trailingDot: .trailingDot(at: token.range)
            case .unknownIntrinsic(let name): .unknownIntrinsic(name, at: token.range)
            }
        }
    }

    /// The field a bare (unquoted) name refers to. O(length).
    static func resolve(bare text: String, traceQL: Bool = false) -> Result<Field, Problem> {
        if let intrinsic = Intrinsic(named: text) { return .success(.intrinsic(intrinsic)) }
        let lower = text.lowercased()
        // `scope:name` is TraceQL's form of an intrinsic: never read as an attribute key, which
        // would silently match nothing.
        if let colon = lower.firstIndex(of: ":"), Intrinsic.scopes.contains(String(lower[..<colon])) {
            return .failure(.unknownIntrinsic(text))
        }
        for (prefix, scope) in AttributeScope.byPrefix where lower.hasPrefix(prefix) && (traceQL || !scope.isTraceQLOnly) {
            let rest = String(text.dropFirst(prefix.count))
            if rest.isEmpty { return .failure(.missingName(scope: String(text.prefix(prefix.count)))) }
            if rest.hasSuffix(".") { return .failure(.trailingDot) }
            return .success(.attribute(scope, rest))
        }
        if text.hasSuffix(".") { return .failure(.trailingDot) }
        return .success(.attribute(.any, text))
    }
}
