import TraceModel

/// A spanset expression compiled for one table; evaluates to the sorted local indices of the
/// spans it reports in one trace.
indirect enum CompiledSpanset {
    case filter(CompiledPredicate)
    case combine(SpansetOperator, CompiledSpanset, CompiledSpanset)
    /// A pipeline's spans: the inner spansets, then the stages (with their own spansets compiled).
    case pipeline(CompiledSpanset, [PipelineStage], [CompiledSpanset])

    init(_ e: SpansetExpression, compiler: PredicateCompiler) {
        switch e.kind {
        case .filter(let p): self = .filter(compiler.compile(p))
        case .pipeline(let inner, let stages):
            var spansets: [CompiledSpanset] = []
            for case .spanset(let s) in stages { spansets.append(CompiledSpanset(s, compiler: compiler)) }
            self = .pipeline(CompiledSpanset(inner, compiler: compiler), stages, spansets)
        case .combine(let op, let l, let r):
            self = .combine(op, CompiledSpanset(l, compiler: compiler), CompiledSpanset(r, compiler: compiler))
        }
    }

    /// True when no trace of the table can produce a span (folded to false somewhere that
    /// every result depends on).
    var isNever: Bool {
        switch self {
        case .filter(.constant(false)): true
        case .filter: false
        case .pipeline(let inner, _, _): inner.isNever
        case .combine(.or, let l, let r): l.isNever && r.isNever
        case .combine(let op, _, let r) where op.isNegated: r.isNever
        case .combine(_, let l, let r): l.isNever || r.isNever
        }
    }

    /// The reported spans of one trace, as sorted local indices. O(spans × tests) for a filter;
    /// O(spans) more per structural operator.
    func evaluate(_ f: EvalFrame, count n: Int) -> [Int32] {
        switch self {
        case .filter(.constant(false)): return []
        case .filter(.constant(true)): return (0..<Int32(n)).map { $0 }
        case .filter(.test(let test, _)):
            var out: [Int32] = []
            for local in 0..<n where test(f, f.base + local) { out.append(Int32(local)) }
            return out
        case .pipeline(let inner, let stages, let spansets):
            let matched = inner.evaluate(f, count: n)
            if matched.isEmpty { return [] }
            return Pipeline.apply(stages, to: matched, in: f.trace) { spansets[$0].evaluate(f, count: n) }
        case .combine(let op, let l, let r):
            let a = l.evaluate(f, count: n)
            // With no A span, `{A} !>> {B}` still reports every B span.
            if a.isEmpty, op != .or, !op.isNegated { return [] }
            let b = r.evaluate(f, count: n)
            switch op {
            case .and: return b.isEmpty ? [] : Self.union(a, b)
            case .or: return Self.union(a, b)
            default:
                guard let tree = f.tree, !b.isEmpty else { return [] }
                return Structure.evaluate(op, a, b, tree)
            }
        }
    }

    /// The sorted union of two sorted index lists. O(a + b).
    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j]); j += 1
            } else {
                out.append(a[i]); i += 1; j += 1
            }
        }
        return out
    }
}
