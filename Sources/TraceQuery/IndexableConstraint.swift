/// A condition on an indexed field that every match of a query implies, for a store to push
/// down (an index lookup or a `WHERE` clause) before running the full query on what is left.
///
/// Semantics: for every trace the query matches, the trace has a span that satisfies *all*
/// the constraints sharing its `spanset` number (for trace-level fields, the trace itself
/// satisfies them). A store may use any subset of them: dropping a constraint only widens
/// the candidates, never loses a match.
///
/// Only conditions the whole query implies are extracted: the operands of AND (in a
/// condition) and of `&&` and the structural operators (between spansets). Nothing is taken
/// from under OR, `||` or NOT.
public struct IndexableConstraint: Sendable, Hashable {
    /// The indexed fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case service, name, duration, status, kind
        case traceDuration, traceService, traceName

        init?(_ intrinsic: Intrinsic) {
            switch intrinsic {
            case .service: self = .service
            case .name: self = .name
            case .duration: self = .duration
            case .status: self = .status
            case .kind: self = .kind
            case .traceDuration: self = .traceDuration
            case .traceService: self = .traceService
            case .traceName: self = .traceName
            default: return nil
            }
        }
    }

    public var field: Field
    /// The comparison. `.equal` with several `values` means IN (any of them).
    public var op: ComparisonOperator
    /// One literal, or several for IN; typed as in the AST (`.duration`, `.status`, `.string`).
    public var values: [QueryValue]
    /// Which braced spanset (0-based, left to right) the constraint came from; constraints with
    /// the same number hold on one span together.
    public var spanset: Int

    public init(field: Field, op: ComparisonOperator, values: [QueryValue], spanset: Int) {
        self.field = field
        self.op = op
        self.values = values
        self.spanset = spanset
    }
}

extension Query {
    /// The conditions on indexed fields that every match of the query implies (see
    /// `IndexableConstraint`), in query order. O(size of the query).
    public var indexableConstraints: [IndexableConstraint] {
        var out: [IndexableConstraint] = []
        var next = 0
        Self.collect(root, into: &out, next: &next)
        return out
    }

    private static func collect(_ e: SpansetExpression, into out: inout [IndexableConstraint], next: inout Int) {
        switch e.kind {
        case .filter(let p):
            collect(p, spanset: next, into: &out)
            next += 1
        case .pipeline(let inner, _):
            // A pipeline only removes spans: what its spansets imply, it implies.
            collect(inner, into: &out, next: &next)
        case .combine(.or, let l, let r):
            // Neither side is implied; still number the spansets in reading order.
            var ignored: [IndexableConstraint] = []
            collect(l, into: &ignored, next: &next)
            collect(r, into: &ignored, next: &next)
        case .combine(let op, let l, let r) where op.isNegated:
            // `{A} !>> {B}` matches traces without any A span: only B is implied.
            var ignored: [IndexableConstraint] = []
            collect(l, into: &ignored, next: &next)
            collect(r, into: &out, next: &next)
        case .combine(_, let l, let r):
            collect(l, into: &out, next: &next)
            collect(r, into: &out, next: &next)
        }
    }

    private static func collect(_ p: SpanPredicate, spanset: Int, into out: inout [IndexableConstraint]) {
        switch p.kind {
        case .and(let list):
            for x in list { collect(x, spanset: spanset, into: &out) }
        case .comparison(let c):
            // TraceQL's trace:rootService differs from the stored root on rootless traces.
            guard case .intrinsic(let i) = c.field.field, let field = IndexableConstraint.Field(i), !c.strictTypes else { return }
            out.append(IndexableConstraint(field: field, op: c.op, values: [c.value.value], spanset: spanset))
        case .membership(let m):
            guard case .intrinsic(let i) = m.field.field, let field = IndexableConstraint.Field(i), !m.strictTypes else { return }
            out.append(IndexableConstraint(field: field, op: .equal, values: m.values.map(\.value), spanset: spanset))
        case .constant, .or, .not, .exists, .valueComparison:
            return
        }
    }
}
