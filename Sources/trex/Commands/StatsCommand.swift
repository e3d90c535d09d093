import ArgumentParser
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// `trex stats`: latency and errors per operation and per service over all loaded traces.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per-operation and per-service counts, error rates and duration/self-time percentiles.",
        discussion: """
        Examples:
          trex stats traces/
          trex stats --sort p99 --json traces/
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Sort by: \(TraceStatistics.SortKey.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: TraceStatistics.SortKey = .count

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let workspace = try input.resolve()
        var accumulator = TraceStatistics.Accumulator()
        try sourceOperation { try workspace.forEachBatch { accumulator.add($0) } }
        let stats = accumulator.finish()
        if json {
            try JSONOutput.write(StatsJSON(operations: TraceStatistics.sorted(stats.operations, by: sort),
                                           services: TraceStatistics.sorted(stats.services, by: sort)))
            return
        }
        var out = "Per operation:\n" + table(TraceStatistics.sorted(stats.operations, by: sort), operations: true)
        out += "\nPer service:\n" + table(TraceStatistics.sorted(stats.services, by: sort), operations: false)
        FileHandleOutput.standardOutput(out)
    }

    private func table(_ rows: [OperationStatistics], operations: Bool) -> String {
        var columns: [TextTable.Column] = [.init("SERVICE", maxWidth: 24)]
        if operations { columns.append(.init("OPERATION", maxWidth: 40)) }
        columns += [.init("COUNT", .right), .init("ERR%", .right), .init("P50", .right), .init("P90", .right),
                    .init("P95", .right), .init("P99", .right), .init("MAX", .right), .init("SELF P50", .right),
                    .init("SELF P99", .right)]
        var text = TextTable(columns)
        func d(_ ns: Int64) -> String { DurationFormat.string(Nanoseconds(ns)) }
        for r in rows {
            var cells = [r.service]
            if operations { cells.append(r.operation ?? "") }
            let rate = (r.errorRate * 1000).rounded() / 10
            // "~": within 0.5% (a row of more than 65,536 spans); the maximum is exact.
            let a = r.isApproximate ? "~" : ""
            cells += [NumberFormat.grouped(r.count), r.errorCount == 0 ? "-" : "\(rate)%", a + d(r.duration.p50),
                      a + d(r.duration.p90), a + d(r.duration.p95), a + d(r.duration.p99), d(r.duration.max),
                      a + d(r.selfTime.p50), a + d(r.selfTime.p99)]
            text.append(cells)
        }
        let note = rows.contains(where: \.isApproximate)
            ? "~ percentiles of rows over 65,536 spans are within 0.5% (kept in 1% buckets; the maximum is exact)\n" : ""
        return text.render() + note
    }
}

extension TraceStatistics.SortKey: ExpressibleByArgument {}
/// The `--json` form: `{operations: [...], services: [...]}`.
private struct StatsJSON: Encodable {
    var operations: [OperationStatistics]
    var services: [OperationStatistics]
}
