import TraceModel

/// `duplicate-span-id`: spans that share one id. Client and server halves that shared an id
/// (Zipkin's `shared` spans, re-identified by the decoder and marked `.sharedServerHalf`, or a
/// CLIENT/SERVER pair still sharing it) are an instrumentation convention, reported as info;
/// anything else is a true duplicate. O(n).
enum DuplicateSpanIDRule {
    static func find(_ context: AnalysisContext) -> [Diagnostic] {
        let trace = context.trace
        var out: [Diagnostic] = []
        for group in context.duplicates.groups {
            let id = trace[group[0]].spanID.hex
            let kinds = Set(group.map { trace[$0].kind })
            if group.count == 2, kinds == [.client, .server] {
                out.append(Diagnostic(.duplicateSpanID, .info, spans: group,
                    "the client and server halves of one call share the span id \(id) (Zipkin-style shared span); "
                    + "they are shown as two spans"))
            } else {
                out.append(Diagnostic(.duplicateSpanID, .warning, spans: group,
                    "\(group.count) different spans share the span id \(id) (\(group.prefix(3).map(context.label).joined(separator: ", "))): "
                    + "ids are not unique, so parent links to \(id) are ambiguous (children are attached to the "
                    + "earliest); a broken id generator, or one span exported twice with different content"))
            }
        }
        var shared: [Int] = []
        var pairs = 0
        for i in 0..<trace.spanCount where trace[i].markers.contains(.sharedServerHalf) {
            let p = Int(context.tree.parent[i])
            if p >= 0 { shared.append(p) }
            shared.append(i)
            pairs += 1
        }
        if !shared.isEmpty {
            out.append(Diagnostic(.duplicateSpanID, .info, spans: shared,
                "\(SpanLabel.count(pairs, "client/server pair")) shared one span id (Zipkin-style shared spans); "
                + "each server half was given a derived id and shown as the child of its client half"))
        }
        return out
    }
}
