import TraceAnalysis
import TraceModel

/// `trex compare`'s model on two 1,000,000-span traces: each folded into its `OperationTree`
/// (tree, critical path, self times, the fold), then merged into a `TraceComparison`; and the
/// baseline, the median of several such trees. The traces are `AnalysisBenchmarkTrace`'s, with
/// different seeds: requests of one shape whose callees and timings differ, so the two trees
/// share their upper paths and part ways below (about the worst case for the merge: many paths,
/// many of one side only).
///
/// Options: `--spans=N` (default 1,000,000), `--runs=N` (default 3; the median is reported),
/// `--baseline=N` traces in the median (default 3).
enum CompareBenchmark {
    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let runs = max(1, Bench.option("--runs", in: options) ?? 3)
        let baselineCount = max(1, Bench.option("--baseline", in: options) ?? 3)

        let (tables, built) = Bench.time { [AnalysisBenchmarkTrace.build(spanCount: spans, seed: 42),
                                            AnalysisBenchmarkTrace.build(spanCount: spans, seed: 43)] }
        let a = tables[0].trace(at: 0), b = tables[1].trace(at: 0)
        print("  built two traces of \(a.spanCount) and \(b.spanCount) spans in \(ms(built)) (not timed below)")

        var totals: [Duration] = []
        var last: TraceComparison?
        for run in 1...runs {
            let (treeA, foldA) = Bench.time { OperationTree(a) }
            let (treeB, foldB) = Bench.time { OperationTree(b) }
            let (comparison, merge) = Bench.time { TraceComparison(treeA, treeB) }
            let total = foldA + foldB + merge
            totals.append(total)
            print("  run \(run): \(ms(total))  (fold A \(ms(foldA)), fold B \(ms(foldB)), merge \(ms(merge)); "
                  + "\(treeA.nodes.count) and \(treeB.nodes.count) paths)")
            last = comparison
        }
        if let c = last {
            let both = c.nodes.filter { $0.isInA && $0.isInB }.count
            let critical = c.nodes.filter { $0.isInA && $0.isInB && $0.criticalPathDiffers }.count
            print("  merged: \(c.nodes.count) paths, \(both) in both, \(c.nodes.count - both) in one only, "
                  + "\(critical) in both with a critical-path difference")
        }
        let median = totals.sorted()[totals.count / 2]
        print("  compare two traces of \(a.spanCount) spans (fold both + merge): \(ms(median)) (median of \(runs))")

        // The baseline: fold each trace and let it go, then the median of the trees.
        var trees: [OperationTree] = []
        var folding = Duration.zero
        for k in 0..<baselineCount {
            let table = AnalysisBenchmarkTrace.build(spanCount: spans, seed: 100 + UInt64(k))
            let (tree, took) = Bench.time { OperationTree(table.trace(at: 0)) }
            folding += took
            trees.append(tree)
        }
        let (baseline, medianTime) = Bench.time { OperationTree(medianOf: trees) }
        print("  baseline of \(baselineCount) traces: folding \(ms(folding)), median \(ms(medianTime)) "
              + "(\(trees.reduce(0) { $0 + $1.nodes.count }) paths in, \(baseline.nodes.count) kept)")
    }

    private static func ms(_ d: Duration) -> String {
        let millis = Bench.milliseconds(d)
        return millis >= 100 ? "\(Int(millis.rounded())) ms" : "\((millis * 10).rounded() / 10) ms"
    }
}
