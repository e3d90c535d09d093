/// The top of a query: a set of spans chosen by a condition, or two spansets combined.
///
/// A bare condition (`duration > 5s`) and the same condition in braces (`{ duration > 5s }`)
/// are the same `.filter`. Equality ignores source ranges.
public struct SpansetExpression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// The spans of a trace that satisfy a condition.
        case filter(SpanPredicate)
        /// Two spansets combined (`{A} && {B}`, `{A} >> {B}` ...); see `SpansetOperator` for
        /// which spans each operator reports.
        case combine(SpansetOperator, SpansetExpression, SpansetExpression)
    }

    public var kind: Kind
    /// From the first to the last character of the expression.
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public static func == (a: SpansetExpression, b: SpansetExpression) -> Bool { a.kind == b.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}

/// An operator between two spansets. Each names the spans it reports as matched, which is what
/// the TUI highlights; a trace matches when that set is not empty.
public enum SpansetOperator: String, Sendable, Hashable, CaseIterable {
    /// `{A} && {B}`: the trace has a span matching A and a span matching B; reports both.
    case and = "&&"
    /// `{A} || {B}`: the trace has a span matching A or one matching B; reports both.
    case or = "||"
    /// `{A} >> {B}`: reports the B spans that have an A span among their ancestors.
    case descendant = ">>"
    /// `{A} > {B}`: reports the B spans whose parent is an A span.
    case child = ">"
    /// `{A} << {B}`: reports the B spans that have an A span among their descendants.
    case ancestor = "<<"
    /// `{A} < {B}`: reports the B spans that are the parent of an A span.
    case parent = "<"
    /// `{A} ~ {B}`: reports the B spans that share a parent with a different A span.
    case sibling = "~"

    /// True for the operators that follow parent links.
    public var isStructural: Bool { self != .and && self != .or }
}
