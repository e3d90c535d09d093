import TraceModel

/// `outlives-parent`: a child that ends after its parent. Expected for asynchronous children
/// (FOLLOWS_FROM, a CONSUMER, a child of a PRODUCER): reported once, grouped, as info.
/// Suspicious for a synchronous child on the parent's clock: the parent returned before its
/// call finished (a timeout, a missing await, background work recorded as a child): a warning
/// each. A synchronous child on another host is the clock-skew rule's business. O(n).
enum OutlivesParentRule {
    static func find(_ context: AnalysisContext) -> [Diagnostic] {
        let trace = context.trace
        var out: [Diagnostic] = []
        var asynchronous: [Int] = []
        for i in 0..<trace.spanCount {
            let p = Int(context.tree.parent[i])
            guard p >= 0 else { continue }
            let child = trace[i]
            let parent = trace[p]
            guard child.end > parent.end else { continue }
            if SpanRelation(child: child, parent: parent) == .asynchronous {
                asynchronous.append(i)
            } else if context.domains.shareClock(child, parent) {
                out.append(Diagnostic(.outlivesParent, .warning, spans: [i, p],
                    "\(context.label(i)) ends \(SpanLabel.duration((child.end - parent.end).value)) after its parent "
                    + "\(context.label(p)) although the parent waits for it: the parent returned before the call "
                    + "finished (a timeout, a missing await, or background work recorded as a child)"))
            }
        }
        if !asynchronous.isEmpty {
            out.append(Diagnostic(.outlivesParent, .info, spans: asynchronous,
                "\(SpanLabel.count(asynchronous.count, "asynchronous span")) (FOLLOWS_FROM, consumers, children of "
                + "producers) end after their parent, as fire-and-forget work does; they are not on the critical "
                + "path when their parent is a producer"))
        }
        return out
    }
}
