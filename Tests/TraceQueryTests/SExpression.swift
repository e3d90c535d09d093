@testable import TraceQuery

/// A compact prefix dump of a checked query, for asserting tree shape:
/// `(and (> duration 5s) (= service "checkout"))`.
enum SExpression {
    static func of(_ text: String) -> String {
        guard let q = try? Query.parse(text) else { return "<error>" }
        return of(q.root)
    }

    static func of(_ e: SpansetExpression) -> String {
        switch e.kind {
        case .filter(let p): of(p)
        case .combine(let op, let l, let r): "(\(op.rawValue) {\(of(l))} {\(of(r))})"
        case .pipeline(let inner, let stages): "(pipeline {\(of(inner))}\(QueryPrinter.print(stages)))"
        }
    }

    static func of(_ p: SpanPredicate) -> String {
        switch p.kind {
        case .constant(let b): "\(b)"
        case .and(let list): "(and " + list.map(of).joined(separator: " ") + ")"
        case .or(let list): "(or " + list.map(of).joined(separator: " ") + ")"
        case .not(let x): "(not \(of(x)))"
        case .comparison(let c):
            "(\(c.op.spelling) \(QueryPrinter.field(c.field.field)) \(QueryPrinter.value(c.value.value)))"
        case .membership(let m):
            "(in \(QueryPrinter.field(m.field.field)) " + m.values.map { QueryPrinter.value($0.value) }.joined(separator: " ") + ")"
        case .exists(let f): "(exists \(QueryPrinter.field(f.field)))"
        case .valueComparison(let v): "(\(v.op.spelling) \(of(v.lhs)) \(of(v.rhs)))"
        }
    }

    static func of(_ v: ValueExpression) -> String {
        switch v {
        case .field(let f): QueryPrinter.field(f.field)
        case .literal(let l): QueryPrinter.value(l.value)
        case .negate(let x): "(neg \(of(x)))"
        case .arithmetic(let op, let l, let r): "(\(op.rawValue) \(of(l)) \(of(r)))"
        }
    }
}
