import TraceModel

/// `partial-trace`: the trace was saved before it finished, or its top is missing.
/// - no span without a parent id: the root was not captured (still running, lost, or sampled
///   out upstream);
/// - a root that ends before a descendant it waits for (every link from the root down is
///   synchronous) on the root's own clock: the root was ended or exported early;
/// - spans with no end time (end zero): still running when the trace was saved.
/// O(n) over the pre-order.
enum PartialTraceRule {
    static func find(_ context: AnalysisContext) -> [Diagnostic] {
        let trace = context.trace
        let tree = context.tree
        var out: [Diagnostic] = []
        guard trace.spanCount > 0 else { return out }
        if !tree.roots.contains(where: { !trace[Int($0)].parentSpanID.isValid }) {
            out.append(Diagnostic(.partialTrace, .warning, spans: tree.roots.map(Int.init),
                "the trace has no root span, only fragments whose parents are missing: its top was not captured "
                + "(still running when saved, lost in export, or sampled out upstream)"))
        }
        // The root of every span, and whether the chain down from it is all synchronous.
        var rootOf = [Int32](repeating: -1, count: tree.count)
        var synchronous = [Bool](repeating: false, count: tree.count)
        var late: [Int32: [Int]] = [:]
        var unfinished: [Int] = []
        trace.table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for node in tree.preorder {
                let i = Int(node)
                let span = all[base + i]
                if span.end.unixNanos == 0 { unfinished.append(i) }
                let p = Int(tree.parent[i])
                if p < 0 {
                    rootOf[i] = node
                    synchronous[i] = !span.parentSpanID.isValid   // only true roots can end early
                    continue
                }
                let r = rootOf[p]
                rootOf[i] = r
                guard synchronous[p] else { continue }
                synchronous[i] = SpanRelation(child: span, parent: all[base + p]) == .synchronous
                guard synchronous[i], span.end.unixNanos != 0 else { continue }
                let root = all[base + Int(r)]
                if span.end > root.end, context.domains.shareClock(span, root) {
                    late[r, default: []].append(i)
                }
            }
        }
        for (root, spans) in late.sorted(by: { $0.key < $1.key }) {
            let r = Int(root)
            let latest = spans.max { trace[$0].end < trace[$1].end }!
            out.append(Diagnostic(.partialTrace, .warning, spans: [r] + spans,
                "the root \(context.label(r)) ends \(SpanLabel.duration((trace[latest].end - trace[r].end).value)) "
                + "before \(SpanLabel.count(spans.count, "span")) it waits for (latest: \(context.label(latest))), "
                + "on the same clock and with no asynchronous link between them: the root was ended or the trace "
                + "saved before the request finished"))
        }
        if !unfinished.isEmpty {
            out.append(Diagnostic(.partialTrace, .warning, spans: unfinished,
                "\(SpanLabel.count(unfinished.count, "span")) never ended (no end time): the trace was saved while "
                + "they were still running"))
        }
        return out
    }
}
