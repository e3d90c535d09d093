import TraceModel

/// The structural spanset operators over a trace tree.
enum Structure {
    /// What `{a} op {b}` reports for any structural operator, sorted: the related B spans, the B
    /// spans not related (negated forms), or the related B spans and the A spans they relate
    /// to (union forms). O(spans of the trace).
    static func evaluate(_ op: SpansetOperator, _ a: [Int32], _ b: [Int32], _ tree: TraceTree) -> [Int32] {
        let relation = op.relation
        if op.isNegated {
            let related = Set(Self.related(relation, a, b, tree))
            return b.filter { !related.contains($0) }
        }
        if op.isUnion {
            let bSide = Self.related(relation, a, b, tree)
            guard !bSide.isEmpty else { return [] }
            let aSide = Self.related(relation.inverse, bSide, a, tree)
            return CompiledSpanset.union(aSide, bSide)
        }
        return related(op, a, b, tree)
    }

    /// The spans of `b` related to some span of `a` by a plain relation (`>>`, `>`, `<<`, `<`,
    /// `~`; see `SpansetOperator`), sorted. O(spans of the trace).
    static func related(_ op: SpansetOperator, _ a: [Int32], _ b: [Int32], _ tree: TraceTree) -> [Int32] {
        let n = tree.count
        var inA = [Bool](repeating: false, count: n)
        for x in a { inA[Int(x)] = true }
        let parent = tree.parent
        var keep: [Bool]
        switch op {
        case .child:
            return b.filter { parent[Int($0)] >= 0 && inA[Int(parent[Int($0)])] }
        case .descendant:
            // Pre-order visits a parent before its children.
            keep = [Bool](repeating: false, count: n)
            for node in tree.preorder {
                let p = Int(parent[Int(node)])
                if p >= 0, inA[p] || keep[p] { keep[Int(node)] = true }
            }
        case .ancestor:
            // Reverse pre-order visits children before their parent.
            keep = [Bool](repeating: false, count: n)
            for node in tree.preorder.reversed() {
                let p = Int(parent[Int(node)])
                if p >= 0, inA[Int(node)] || keep[Int(node)] { keep[p] = true }
            }
        case .parent:
            keep = [Bool](repeating: false, count: n)
            for x in a where parent[Int(x)] >= 0 { keep[Int(parent[Int(x)])] = true }
        case .sibling:
            var aChildren = [Int32](repeating: 0, count: n)
            for x in a where parent[Int(x)] >= 0 { aChildren[Int(parent[Int(x)])] += 1 }
            return b.filter {
                let p = Int(parent[Int($0)])
                return p >= 0 && aChildren[p] - (inA[Int($0)] ? 1 : 0) > 0
            }
        default:
            return []
        }
        return b.filter { keep[Int($0)] }
    }
}
