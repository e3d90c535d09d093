import TraceQuery

/// Finds the attribute equalities and textual tests a query implies, numbered by spanset like
/// `Query.indexableConstraints`.
enum AttributeEqualities {
    static func collect(_ e: SpansetExpression) -> [(Int, StoredAttributeCondition)] {
        var out: [(Int, StoredAttributeCondition)] = []
        var next = 0
        collect(e, into: &out, next: &next, implied: true)
        return out
    }

    private static func collect(_ e: SpansetExpression, into out: inout [(Int, StoredAttributeCondition)],
                                next: inout Int, implied: Bool) {
        switch e.kind {
        case .filter(let p):
            if implied { collect(p, spanset: next, into: &out) }
            next += 1
        case .pipeline(let inner, _):
            // A pipeline only removes spans, so what its spansets imply still holds.
            collect(inner, into: &out, next: &next, implied: implied)
        case .combine(let op, let l, let r):
            // `{A} !>> {B}` matches traces without any A span: its A side is not implied.
            collect(l, into: &out, next: &next, implied: implied && op != .or && !op.isNegated)
            collect(r, into: &out, next: &next, implied: implied && op != .or)
        }
    }

    private static func collect(_ p: SpanPredicate, spanset: Int, into out: inout [(Int, StoredAttributeCondition)]) {
        switch p.kind {
        case .and(let list):
            for x in list { collect(x, spanset: spanset, into: &out) }
        case .comparison(let c):
            guard c.op == .equal || c.op.isTextual, case .attribute(let scope, let key) = c.field.field else { return }
            out.append((spanset, StoredAttributeCondition(scope: scope, key: key, op: c.op, values: [c.value.value])))
        case .membership(let m):
            guard case .attribute(let scope, let key) = m.field.field else { return }
            out.append((spanset, StoredAttributeCondition(scope: scope, key: key, values: m.values.map(\.value))))
        case .constant, .or, .not, .exists, .valueComparison:
            return
        }
    }
}
