import TraceModel

/// `outlives-parent`: a child that ends after its parent. Expected for asynchronous children
/// (FOLLOWS_FROM, a CONSUMER, a child of a PRODUCER): reported once, grouped, as info.
/// Suspicious for a synchronous child: the parent returned before its call finished (a
/// timeout, a missing await, background work recorded as a child): a warning each. That holds
/// on another host too when the child starts inside its parent and its service pair shows no
/// consistent clock offset (`ClockSkewAnalysis.lateChildren`); a child with evidence of skew
/// is the clock-skew rule's business instead. O(n).
enum OutlivesParentRule {
    static func find(_ context: AnalysisContext, skew: ClockSkewAnalysis) -> [Diagnostic] {
        let trace = context.trace
        let lateOnOtherClocks = Set(skew.lateChildren)
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
            } else if context.domains.shareClock(child, parent) || lateOnOtherClocks.contains(i) {
                out.append(Diagnostic(.outlivesParent, .warning, spans: [i, p], message(child: i, parent: p, context)))
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

    private static func message(child i: Int, parent p: Int, _ context: AnalysisContext) -> String {
        let trace = context.trace
        let child = trace[i]
        let parent = trace[p]
        let head = "\(context.label(i)) ends \(SpanLabel.duration((child.end - parent.end).value)) "
            + "after its parent \(context.label(p))"
        let otherClock = !context.domains.shareClock(child, parent)
        if let reason = CallerGaveUp.reason(parent, in: trace.table) {
            return head + ": \(reason), while the call went on"
                + (otherClock ? " (not clock skew: the call started inside its caller)" : "")
        }
        return head + " although the parent waits for it: the parent returned before the call finished (a timeout, "
            + "a missing await, or background work recorded as a child)"
            + (otherClock ? "; not clock skew: the call started inside its caller and no other call of "
               + "these services shows an offset" : "")
    }
}
