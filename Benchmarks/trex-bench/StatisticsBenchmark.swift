import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex stats` and the explorer's statistics screen (`T`) on 1,000,000 spans in memory: every
/// trace's tree, self times and critical path, the samples per row, the percentiles; then the
/// two halves of the range compared (the screen's `c`, `trex stats --windows halves`). The data
/// is `QueryBenchmark`'s busy shop: 10,000 traces of 100 spans, 10 to 15 attributes a span.
/// Target: under 500 ms.
///
/// Options: `--spans=N` (default 1,000,000, in traces of 100), `--runs=N` (default 3; the
/// median is reported).
enum StatisticsBenchmark {
    static let target = 500.0   // ms

    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let runs = max(1, Bench.option("--runs", in: options) ?? 3)
        let table = QueryBenchmark.makeTable(traces: max(1, spans / 100), spansPerTrace: 100)
        let workspace = Workspace(files: TraceCatalog(table: table), store: nil)
        print("  \(NumberFormat.grouped(table.spans.count)) spans in \(NumberFormat.grouped(table.traces.count)) traces")

        var times: [Double] = []
        var rows = 0
        for _ in 0..<runs {
            let (stats, took) = Bench.time { () -> TraceStatistics in
                var accumulator = TraceStatistics.Accumulator()
                try? workspace.forEachBatch { accumulator.add($0) }
                return accumulator.finish()
            }
            rows = stats.operations.count + stats.services.count
            times.append(Bench.milliseconds(took))
        }
        let median = times.sorted()[times.count / 2]
        print("  statistics: \(Bench.fixed(median, 0)) ms (median of \(runs); \(rows) rows)   "
              + "target < \(Int(target)) ms: \(Bench.verdict(median < target))")

        // What the time goes to, on the whole table at once.
        let traces = Array(table.allTraces)
        let (trees, treeTime) = Bench.time { traces.map { TraceTree($0) } }
        let (_, selfTime) = Bench.time { zip(traces, trees).map { $1.selfTimes($0) } }
        let (_, pathTime) = Bench.time { zip(traces, trees).map { CriticalPath($0, tree: $1).paths.count } }
        print("    of which: trees \(Bench.fixed(Bench.milliseconds(treeTime), 0)) ms, self times "
              + "\(Bench.fixed(Bench.milliseconds(selfTime), 0)) ms, critical paths \(Bench.fixed(Bench.milliseconds(pathTime), 0)) ms")

        var compareTimes: [Double] = []
        var regressed: [StatisticsComparison.Row] = []
        var judged = 0
        for _ in 0..<runs {
            let (found, took) = Bench.time { try? workspace.statisticsComparison(.halves) }
            let rows = found?.comparison.operations ?? []
            regressed = rows.filter(\.regressed)
            judged = rows.reduce(0) { n, row in
                n + (row.duration.all + row.selfTime.all).filter { [.regressed, .improved, .noise].contains($0.verdict) }.count
            }
            compareTimes.append(Bench.milliseconds(took))
        }
        let compareMedian = compareTimes.sorted()[compareTimes.count / 2]
        print("  the halves compared: \(Bench.fixed(compareMedian, 0)) ms (median of \(runs); \(judged) percentiles judged, "
              + "\(regressed.count) operations regressed beyond noise, where both halves are drawn alike)")
        for row in regressed {
            let marked = zip(["p50", "p90", "p95", "p99", "self p50", "self p90", "self p95", "self p99"], [row.duration.p50, row.duration.p90, row.duration.p95, row.duration.p99]
                             + [row.selfTime.p50, row.selfTime.p90, row.selfTime.p95, row.selfTime.p99])
            print("    false alarm: \(row.service) \(row.operation ?? ""): " + marked.map { "\($0) \($1.changeText) \($1.verdict)" }.joined(separator: ", "))
        }
    }
}
