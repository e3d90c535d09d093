import TraceAnalysis
import TraceModel

/// `trex compare`'s model on two 1,000,000-span traces: each folded into its `OperationTree`
/// (tree, critical path, self times, the fold), then merged into a `TraceComparison`; and the
/// baseline, the median of several such trees. The traces are `AnalysisBenchmarkTrace`'s:
///
/// - the same request served more slowly here and there (one seed, each span of B recorded up
///   to 20% longer): every path in both, the usual comparison;
/// - two different requests (two seeds: the callees differ from the first level down): almost
///   every path in one trace only, twice the paths to merge.
///
/// Options: `--spans=N` (default 1,000,000), `--runs=N` (default 3; the median is reported),
/// `--baseline=N` traces in the median (default 3).
enum CompareBenchmark {
    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let runs = max(1, Bench.option("--runs", in: options) ?? 3)
        let baselineCount = max(1, Bench.option("--baseline", in: options) ?? 3)

        let a = AnalysisBenchmarkTrace.build(spanCount: spans, seed: 42).trace(at: 0)
        let slower = AnalysisBenchmarkTrace.build(spanCount: spans, seed: 42, jitterSeed: 7).trace(at: 0)
        compare(a, slower, "the same request, slower here and there", runs: runs)
        // What the fold reuses, timed apart: the rest of "fold" is the folding itself.
        let (tree, treeTime) = Bench.time { TraceTree(a) }
        let (_, pathTime) = Bench.time { CriticalPath(a, tree: tree) }
        let (_, selfTime) = Bench.time { tree.selfTimes(a) }
        print("    of a fold: tree \(ms(treeTime)), critical path \(ms(pathTime)), self times \(ms(selfTime))")
        let other = AnalysisBenchmarkTrace.build(spanCount: spans, seed: 43).trace(at: 0)
        compare(a, other, "two different requests", runs: runs)

        // The baseline: fold each trace and let it go, then the median of the trees.
        var trees: [OperationTree] = []
        var folding = Duration.zero
        for k in 0..<baselineCount {
            let table = AnalysisBenchmarkTrace.build(spanCount: spans, seed: 42, jitterSeed: 100 + UInt64(k))
            let (tree, took) = Bench.time { OperationTree(table.trace(at: 0)) }
            folding += took
            trees.append(tree)
        }
        let (baseline, medianTime) = Bench.time { OperationTree(medianOf: trees) }
        let (_, against) = Bench.time { TraceComparison(baseline, OperationTree(slower)) }
        print("  baseline of \(baselineCount) traces: folding \(ms(folding)), median \(ms(medianTime)) "
              + "(\(trees.reduce(0) { $0 + $1.nodes.count }) paths in, \(baseline.nodes.count) kept); "
              + "a trace against it (fold + merge) \(ms(against))")
    }

    /// Times folding both traces and merging them, `runs` times, and prints the median.
    private static func compare(_ a: Trace, _ b: Trace, _ what: String, runs: Int) {
        print("  \(what) (\(a.spanCount) and \(b.spanCount) spans):")
        var totals: [Duration] = []
        var last: TraceComparison?
        for run in 1...runs {
            let (treeA, foldA) = Bench.time { OperationTree(a) }
            let (treeB, foldB) = Bench.time { OperationTree(b) }
            let (comparison, merge) = Bench.time { TraceComparison(treeA, treeB) }
            totals.append(foldA + foldB + merge)
            print("    run \(run): \(ms(foldA + foldB + merge))  (fold A \(ms(foldA)), fold B \(ms(foldB)), "
                  + "merge \(ms(merge)); \(treeA.nodes.count) and \(treeB.nodes.count) paths)")
            last = comparison
        }
        if let c = last {
            let both = c.nodes.filter { $0.isInA && $0.isInB }
            print("    merged: \(c.nodes.count) paths, \(both.count) in both, \(c.nodes.count - both.count) in one only, "
                  + "\(both.filter(\.criticalPathDiffers).count) in both with a critical-path difference")
        }
        let median = totals.sorted()[totals.count / 2]
        print("    compare (fold both + merge): \(ms(median)) (median of \(runs))")
    }

    private static func ms(_ d: Duration) -> String {
        let millis = Bench.milliseconds(d)
        return millis >= 100 ? "\(Int(millis.rounded())) ms" : "\((millis * 10).rounded() / 10) ms"
    }
}
