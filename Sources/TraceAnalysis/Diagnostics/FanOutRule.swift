import TraceModel

/// `n-plus-one` and `fan-out` diagnostics from a `FanOutAnalysis`. O(findings).
enum FanOutRule {
    static func find(_ context: AnalysisContext, analysis: FanOutAnalysis) -> [Diagnostic] {
        let table = context.table
        var out: [Diagnostic] = []
        for f in analysis.nPlusOne {
            let operation = "\(table.strings[f.service]) \"\(table.strings[f.name])\""
                + (f.statementShape.map { " (\($0))" } ?? "")
            out.append(Diagnostic(.nPlusOne, .warning, spans: [f.parent] + f.calls,
                "\(f.calls.count) sequential calls to \(operation) under \(context.label(f.parent)) took "
                + "\(DurationFormat.string(f.totalTime)) together; one batched or parallel call would take about "
                + "\(DurationFormat.string(f.longestTime)) (the longest of them), saving about "
                + DurationFormat.string(f.savings)))
        }
        for f in analysis.wideFanOuts {
            let trace = context.trace
            let main = "\(table.strings[f.mainService]) \"\(table.strings[f.mainName])\""
            out.append(Diagnostic(.fanOut, .info, spans: [f.parent, f.slowest],
                "\(context.label(f.parent)) fans out to \(f.childCount) children"
                + " (\(f.mainCount) of them \(main)), up to \(f.maxConcurrency) at once; it waited for the slowest, "
                + "\(context.label(f.slowest)), which took \(DurationFormat.string(trace[f.slowest].duration))"))
        }
        return out
    }
}
