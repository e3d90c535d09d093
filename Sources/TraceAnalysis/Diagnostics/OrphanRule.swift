import TraceModel

/// `orphan`: spans whose parent id is not in the trace, one diagnostic per missing parent,
/// naming the likely cause when the evidence shows it:
/// - the missing parent id is a span of *another* loaded trace: the span id was propagated
///   but the trace id was not (broken propagation);
/// - the orphan's sampled flag is off: it was recorded although its caller's context said
///   "not sampled", so the caller's side, honouring the flag, dropped the parent (a sampler);
/// - the orphan's parent-is-remote flag: the parent lived in the calling process (that hop
///   exported nothing: uninstrumented, or a proxy forwarding `traceparent`) or in the same
///   process (its span was not exported: still running when saved, or lost at exit);
/// - several orphans share the missing parent: it existed and was propagated, its span was
///   lost.
/// O(orphans), plus one lookup per missing parent in `others` when given.
enum OrphanRule {
    static func find(_ context: AnalysisContext, others: TraceSetIndex?) -> [Diagnostic] {
        let trace = context.trace
        var byParent: [SpanID: [Int]] = [:]
        var order: [SpanID] = []
        for o in context.tree.orphans {
            let id = trace[Int(o)].parentSpanID
            if byParent[id] == nil { order.append(id) }
            byParent[id, default: []].append(Int(o))
        }
        return order.map { parentID in
            let orphans = byParent[parentID]!
            let first = trace[orphans[0]]
            let who = orphans.count == 1
                ? context.label(orphans[0])
                : "\(orphans.count) spans (\(orphans.prefix(3).map(context.label).joined(separator: ", ")))"
            let subject = "\(who) \(orphans.count == 1 ? "has" : "have") parent \(parentID.hex), which is not in the trace"
            var cause: String
            var severity = DiagnosticSeverity.warning
            if let other = others?.locate(parentID, notIn: trace.index) {
                cause = "that span is in trace \(context.table.shownID(of: other.traceID)) (\(SpanLabel.of(other.span, in: context.table))): "
                    + "the span id was propagated but the trace id was not (broken propagation)"
            } else if orphans.contains(where: { trace[$0].sampled == false }) {
                cause = "the orphan was recorded with the sampled flag off: its caller's side honoured the flag and "
                    + "dropped the parent (a sampler, not a lost span)"
                severity = .info
            } else if first.markers.contains(.hasFlags), first.flags & 0x100 != 0 {
                cause = first.flags & 0x200 != 0
                    ? "the parent was in the calling process, which exported nothing for it: an uninstrumented hop "
                        + "(a proxy or gateway forwarding traceparent) or a lost span"
                    : "the parent was in the same process and its span was never exported: still running when the "
                        + "trace was saved, or lost when the process exited"
            } else if orphans.count > 1 {
                cause = "the parent existed and its id was propagated to several calls, but its span never arrived "
                    + "(lost in export, or still running when the trace was saved)"
            } else if first.kind == .server || first.kind == .consumer {
                cause = "the missing parent is the caller's side of this call: the caller was not instrumented, "
                    + "did not export, or its span was lost; or a sampler dropped it"
            } else {
                cause = "a lost span, broken propagation, or a sampler that dropped the parent; nothing in the "
                    + "trace says which"
            }
            return Diagnostic(.orphan, severity, spans: orphans,
                "\(subject): \(cause). Shown as the root of its own fragment")
        }
    }
}
