import TraceModel

/// `multiple-roots`: more than one span without a parent id; `parent-cycle`: parent links
/// that loop (the tree cut them). O(roots + cycle breaks).
enum RootsRule {
    static func find(_ context: AnalysisContext) -> [Diagnostic] {
        let trace = context.trace
        var out: [Diagnostic] = []
        let roots = context.tree.roots.map(Int.init).filter { !trace[$0].parentSpanID.isValid }
        if roots.count > 1 {
            let names = roots.prefix(3).map(context.label).joined(separator: ", ")
            out.append(Diagnostic(.multipleRoots, .warning, spans: roots,
                "\(roots.count) spans have no parent (\(names)\(roots.count > 3 ? ", ..." : "")): several "
                + "requests were recorded under one trace id (a reused or hard-coded trace id, or a batch "
                + "job that starts spans without a parent); each root gets its own critical path"))
        }
        let cycles = context.tree.cycleBreaks.map(Int.init)
        if !cycles.isEmpty {
            out.append(Diagnostic(.parentCycle, .warning, spans: cycles,
                "parent links form a loop at \(SpanLabel.count(cycles.count, "span")) (\(cycles.prefix(3).map(context.label).joined(separator: ", "))): "
                + "span ids were reused inside the trace; the loop was cut there, so those spans are shown as roots"))
        }
        return out
    }
}
