import TraceModel
import TraceAnalysis

/// Critical path plus every diagnostic and the fan-out analysis on a 1,000,000-span trace,
/// against the issue's target of under one second (release build).
///
/// Options: `--spans=N` (default 1,000,000), `--runs=N` (default 3; the median is reported).
enum AnalysisBenchmark {
    static func run(_ options: [String]) {
        let spans = option("--spans", in: options) ?? 1_000_000
        let runs = max(1, option("--runs", in: options) ?? 3)
        let clock = ContinuousClock()

        let buildStart = clock.now
        let table = AnalysisBenchmarkTrace.build(spanCount: spans)
        let trace = table.trace(at: 0)
        print("  built a trace of \(trace.spanCount) spans in \(ms(clock.now - buildStart)) (not timed below)")

        var totals: [Duration] = []
        for run in 1...runs {
            var phases: [(String, Duration)] = []
            func timed<T>(_ name: String, _ body: () -> T) -> T {
                let start = clock.now
                let value = body()
                phases.append((name, clock.now - start))
                return value
            }
            let tree = timed("tree") { TraceTree(trace) }
            let path = timed("critical path") { CriticalPath(trace, tree: tree) }
            let context = timed("context") { AnalysisContext(trace, tree: tree) }
            let skew = timed("clock skew") { ClockSkewAnalysis(trace, tree: tree, domains: context.domains) }
            let fanOut = timed("fan-out") { FanOutAnalysis(trace, tree: tree) }
            let diagnostics = timed("diagnostics") {
                TraceDiagnostics.run(context, skew: skew, fanOut: fanOut)
            }
            let total = phases.reduce(Duration.zero) { $0 + $1.1 }
            totals.append(total)
            let detail = phases.map { "\($0.0) \(ms($0.1))" }.joined(separator: ", ")
            print("  run \(run): \(ms(total))  (\(detail))")
            if run == runs {
                print("  found: \(path.sections.count) critical-path sections, \(skew.findings.count) skewed calls, "
                      + "\(fanOut.nPlusOne.count) N+1 runs, \(fanOut.wideFanOuts.count) wide fan-outs, "
                      + "\(diagnostics.count) diagnostics")
            }
        }
        let median = totals.sorted()[totals.count / 2]
        let target = Duration.seconds(1)
        print("  tree + critical path + diagnostics + fan-out, \(trace.spanCount) spans: \(ms(median)) "
              + "(median of \(runs)); target < 1 s: \(median < target ? "met" : "MISSED")")

        let extraStart = clock.now
        let tree = TraceTree(trace)
        _ = ClockSkewAdjustment(trace, tree: tree)
        _ = RootCauseAnalysis(trace, tree: tree)
        print("  also: clock-skew adjusted view + root cause: \(ms(clock.now - extraStart)) (tree included)")
    }

    private static func option(_ name: String, in options: [String]) -> Int? {
        options.first { $0.hasPrefix(name + "=") }.flatMap { Int($0.dropFirst(name.count + 1)) }
    }

    private static func ms(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let millis = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return millis >= 100 ? "\(Int(millis.rounded())) ms" : "\((millis * 10).rounded() / 10) ms"
    }
}
