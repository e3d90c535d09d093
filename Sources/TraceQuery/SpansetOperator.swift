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

    // TraceQL's negated forms: the B spans for which the relation does NOT hold.
    /// `{A} !>> {B}`: the B spans without an A span among their ancestors.
    case notDescendant = "!>>"
    /// `{A} !> {B}`: the B spans whose parent is not an A span (roots included).
    case notChild = "!>"
    /// `{A} !<< {B}`: the B spans without an A span among their descendants.
    case notAncestor = "!<<"
    /// `{A} !< {B}`: the B spans that are not the parent of an A span.
    case notParent = "!<"
    /// `{A} !~ {B}`: the B spans with no sibling (another span with their parent) matching A.
    case notSibling = "!~"

    // TraceQL's union forms: both sides of each pair the relation joins.
    /// `{A} &>> {B}`: the B spans with an A ancestor, and those A spans.
    case unionDescendant = "&>>"
    /// `{A} &> {B}`: the B spans whose parent is an A span, and those parents.
    case unionChild = "&>"
    /// `{A} &<< {B}`: the B spans with an A descendant, and those A spans.
    case unionAncestor = "&<<"
    /// `{A} &< {B}`: the B spans that are the parent of an A span, and those children.
    case unionParent = "&<"
    /// `{A} &~ {B}`: the B spans with an A sibling, and those siblings.
    case unionSibling = "&~"

    /// True for the operators that follow parent links.
    public var isStructural: Bool { self != .and && self != .or }

    /// The plain relation a negated or union operator is built on (itself for the plain ones).
    public var relation: SpansetOperator {
        switch self {
        case .notDescendant, .unionDescendant: .descendant
        case .notChild, .unionChild: .child
        case .notAncestor, .unionAncestor: .ancestor
        case .notParent, .unionParent: .parent
        case .notSibling, .unionSibling: .sibling
        default: self
        }
    }

    /// True for `!>>` `!>` `!<<` `!<` `!~`: the A side need not exist in a matching trace.
    public var isNegated: Bool { [.notDescendant, .notChild, .notAncestor, .notParent, .notSibling].contains(self) }

    /// True for `&>>` `&>` `&<<` `&<` `&~`.
    public var isUnion: Bool { [.unionDescendant, .unionChild, .unionAncestor, .unionParent, .unionSibling].contains(self) }

    /// The relation seen from the other side: `{A} >> {B}` holds for B exactly when `{B} << {A}`
    /// holds for A.
    var inverse: SpansetOperator {
        switch self {
        case .descendant: .ancestor
        case .ancestor: .descendant
        case .child: .parent
        case .parent: .child
        default: self
        }
    }
}
