/// Which per-trace structures a query needs, so traces pay only for what the query reads.
struct TraceNeeds: OptionSet {
    let rawValue: UInt8
    static let tree = TraceNeeds(rawValue: 1)
    static let selfTimes = TraceNeeds(rawValue: 2)
    static let summary = TraceNeeds(rawValue: 4)
    static let problems = TraceNeeds(rawValue: 8)

    /// The needs of a whole query. O(size of the tree).
    init(_ e: SpansetExpression) {
        self = []
        switch e.kind {
        case .filter(let p): formUnion(TraceNeeds(p))
        case .pipeline(let inner, let stages):
            formUnion(TraceNeeds(inner))
            for case .spanset(let e) in stages { formUnion(TraceNeeds(e)) }
        case .combine(let op, let l, let r):
            if op.isStructural { insert(.tree) }
            formUnion(TraceNeeds(l))
            formUnion(TraceNeeds(r))
        }
    }

    init(_ p: SpanPredicate) {
        self = []
        switch p.kind {
        case .constant: break
        case .exists(let ref): formUnion(TraceNeeds(ref.field))
        case .and(let list), .or(let list): for x in list { formUnion(TraceNeeds(x)) }
        case .not(let x): formUnion(TraceNeeds(x))
        case .comparison(let c): formUnion(TraceNeeds(c.field.field))
        case .membership(let m): formUnion(TraceNeeds(m.field.field))
        case .valueComparison(let v):
            for f in v.lhs.fields + v.rhs.fields { formUnion(TraceNeeds(f.field)) }
        }
    }

    init(_ field: Field) {
        if case .attribute(let scope, _) = field { self = scope.onParent == nil ? [] : .tree; return }
        guard case .intrinsic(let i) = field else { self = []; return }
        switch i {
        case .depth, .childCount: self = .tree
        case .selfTime: self = [.tree, .selfTimes]
        case .traceProblem: self = .problems
        default: self = i.isTraceLevel ? .summary : []
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }
}
