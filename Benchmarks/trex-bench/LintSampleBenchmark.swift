import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex lint` and `trex sample` (the explorer's `I` and `P`) on 1,000,000 spans in memory:
/// every rule over every trace (the registry lookups cached per attribute key, the
/// cross-trace propagation index), then the fitted plan of five policies replayed, its tail
/// rule evaluated as a query. The data is `QueryBenchmark`'s busy shop: 10,000 traces of 100
/// spans, 10 to 15 attributes a span, as SDKs write them. Targets: lint under 2,000 ms, sample
/// under 1,000 ms.
///
/// Options: `--spans=N` (default 1,000,000, in traces of 100), `--runs=N` (default 3; the
/// median is reported).
enum LintSampleBenchmark {
    static let lintTarget = 2_000.0   // ms
    static let sampleTarget = 1_000.0   // ms

    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let runs = max(1, Bench.option("--runs", in: options) ?? 3)
        let table = QueryBenchmark.makeTable(traces: max(1, spans / 100), spansPerTrace: 100)
        let workspace = Workspace(files: TraceCatalog(table: table), store: nil)
        print("  \(NumberFormat.grouped(table.spans.count)) spans in \(NumberFormat.grouped(table.traces.count)) traces, "
              + "\(NumberFormat.grouped(table.attributes.count)) attributes")

        var lintTimes: [Double] = []
        var findings = 0
        for _ in 0..<runs {
            let (report, took) = Bench.time { try? workspace.lint() }
            findings = report?.findings.count ?? 0
            lintTimes.append(Bench.milliseconds(took))
        }
        let lintMedian = lintTimes.sorted()[lintTimes.count / 2]
        print("  lint: \(Bench.fixed(lintMedian, 0)) ms (median of \(runs); \(findings) findings)   "
              + "target < \(Int(lintTarget)) ms: \(Bench.verdict(lintMedian < lintTarget))")

        var sampleTimes: [Double] = []
        var policies: [String] = []
        for _ in 0..<runs {
            let (comparison, took) = Bench.time { try? workspace.samplingComparison(SamplingPlan([])) }
            policies = comparison?.outcomes.map { "\($0.policy): \($0.tracesKept)" } ?? []
            sampleTimes.append(Bench.milliseconds(took))
        }
        let sampleMedian = sampleTimes.sorted()[sampleTimes.count / 2]
        print("  sample (the fitted plan): \(Bench.fixed(sampleMedian, 0)) ms (median of \(runs))   "
              + "target < \(Int(sampleTarget)) ms: \(Bench.verdict(sampleMedian < sampleTarget))")
        print("    kept: " + policies.joined(separator: "; "))
    }
}
