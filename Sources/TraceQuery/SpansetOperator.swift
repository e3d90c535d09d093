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
