import TraceModel

/// `broken-propagation`: the candidates of a `TraceSetIndex` in which this trace takes part,
/// as info ("probably the same request"). The spans are this trace's side; the message names
/// the other trace and span. O(candidates).
enum BrokenPropagationRule {
    static func find(_ context: AnalysisContext, index: TraceSetIndex) -> [Diagnostic] {
        let table = context.table
        let me = context.trace.index
        return index.candidates(involving: me).map { c in
            let server = table.trace(at: c.serverTrace)
            let client = table.trace(at: c.clientTrace)
            let serverText = "\(SpanLabel.withID(server[c.serverSpan], in: table))"
            let clientText = "\(SpanLabel.withID(client[c.clientSpan], in: table))"
            let how = c.contained ? "it runs inside that call" : "their times overlap"
            if c.serverTrace == me {
                return Diagnostic(.brokenPropagation, .info, spans: [c.serverSpan],
                    "the root \(serverText) is probably the same request as the call \(clientText) in trace "
                    + "\(client.id.hex): same peer \"\(c.peer)\", \(how), and the call has no child. The trace "
                    + "context was probably not propagated (an uninstrumented client or a proxy that drops headers)")
            }
            return Diagnostic(.brokenPropagation, .info, spans: [c.clientSpan],
                "the call \(clientText) has no child and is probably the same request as the root \(serverText) "
                + "of trace \(server.id.hex): same peer \"\(c.peer)\", \(how). The trace context was probably not "
                + "propagated (an uninstrumented client or a proxy that drops headers)")
        }
    }
}
