import ArgumentParser
import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex stats`: latency and errors per operation and per service over all loaded traces; or two
/// windows of time, or two inputs, compared.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per-operation and per-service counts, error rates, duration/self-time percentiles and critical-path share.",
        discussion: """
        CRIT% is the share of all critical-path time spent in the row's spans: where the waiting went.

        With --windows or --compare, two sets of traces are compared: each percentile in the second \
        (B) with its change from the first (A), marked \u{25B2} where it regressed beyond noise and \
        \u{25BC} where it improved. Noise: the 99% confidence intervals of the percentile in A and B \
        (from order statistics, whatever the distribution) do not overlap, and the change is at \
        least 5%; ? marks a percentile with too few spans to bound (p95 needs 164 in each, p99 846). \
        Rows with a regression come first.

        Examples:
          trex stats traces/
          trex stats --sort p99 --json traces/
          trex stats --windows halves traces/
          trex stats --windows '0m..15m 45m..' traces/
          trex stats --compare before.json after.json
        """)

    @OptionGroup var input: InputOptions

    @Option(help: "Sort by: \(TraceStatistics.SortKey.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: TraceStatistics.SortKey = .count

    @Option(help: ArgumentHelp(
        "Compare two windows of the loaded range: 'halves', or 'START..END START..END'.",
        discussion: "Bounds are offsets from the first trace's start (15m, 1h30m) or RFC 3339 times; empty is open.",
        valueName: "windows"))
    var windows: String?

    @Option(name: .customLong("compare"), parsing: .upToNextOption,
            help: ArgumentHelp("Compare two inputs (files, directories or stores' exports): A then B.", valueName: "A B"))
    var compareInputs: [String] = []

    @Flag(help: "With --windows or --compare: show self-time percentiles rather than durations.")
    var selfTime = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard !compareInputs.isEmpty else { return }
        guard compareInputs.count == 2 else { throw ValidationError("--compare takes two inputs, A and B") }
        guard windows == nil else { throw ValidationError("give --compare or --windows, not both") }
        guard input.files.isEmpty else { throw ValidationError("with --compare, the inputs are A and B only") }
    }

    func run() throws {
        if !compareInputs.isEmpty { return try runComparison(inputs: compareInputs) }
        let workspace = try input.resolve()
        if let windows { return try runComparison(workspace, windows: windows) }
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

    /// `--windows`: the loaded range's two windows.
    private func runComparison(_ workspace: Workspace, windows text: String) throws {
        let spec: StatisticsWindows
        if text == "halves" {
            spec = .halves
        } else {
            do { spec = try StatisticsWindows.parse(text) } catch { throw ValidationError("--windows: \(error)") }
        }
        guard let found = try sourceOperation({ try workspace.statisticsComparison(spec) }) else {
            throw ValidationError("no traces loaded")
        }
        let w = found.windows
        let heading = "A: \(TimestampFormat.rfc3339(w.first.lowerBound)) .. \(TimestampFormat.rfc3339(w.first.upperBound)), "
            + "\(NumberFormat.count(found.traces.first, "trace"))\n"
            + "B: \(TimestampFormat.rfc3339(w.second.lowerBound)) .. \(TimestampFormat.rfc3339(w.second.upperBound)), "
            + "\(NumberFormat.count(found.traces.second, "trace"))\n"
        try print(found.comparison, heading: heading)
    }

    /// `--compare A B`: two inputs, each read on its own.
    private func runComparison(inputs: [String]) throws {
        var accumulators: [TraceStatistics.Accumulator] = []
        var heading = ""
        for (label, path) in zip(["A", "B"], inputs) {
            var options = input
            options.files = [path]
            let workspace = Workspace(files: try options.load(), store: nil)
            var accumulator = TraceStatistics.Accumulator()
            try sourceOperation { try workspace.forEachBatch { accumulator.add($0) } }
            accumulators.append(accumulator)
            heading += "\(label): \(path.visiblyEscaped), \(NumberFormat.count(try workspace.listing().count, "trace"))\n"
        }
        try print(StatisticsComparison(before: accumulators[0], after: accumulators[1]), heading: heading)
    }

    private func print(_ comparison: StatisticsComparison, heading: String) throws {
        if json { return try JSONOutput.write(comparison) }
        var out = heading + "\nPer operation:\n" + StatsComparisonTable.render(comparison.operations, operations: true, selfTime: selfTime)
        out += "\nPer service:\n" + StatsComparisonTable.render(comparison.services, operations: false, selfTime: selfTime)
        out += "\n" + PercentileChange.noiseRule + "\n"
        FileHandleOutput.standardOutput(out)
    }

    private func table(_ rows: [OperationStatistics], operations: Bool) -> String {
        var columns: [TextTable.Column] = [.init("SERVICE", maxWidth: 24)]
        if operations { columns.append(.init("OPERATION", maxWidth: 40)) }
        columns += [.init("COUNT", .right), .init("ERR%", .right), .init("P50", .right), .init("P90", .right),
                    .init("P95", .right), .init("P99", .right), .init("MAX", .right), .init("SELF P50", .right),
                    .init("SELF P99", .right), .init("CRIT%", .right)]
        var text = TextTable(columns)
        func d(_ ns: Int64) -> String { DurationFormat.string(Nanoseconds(ns)) }
        for r in rows {
            var cells = [r.service]
            if operations { cells.append(r.operation ?? "") }
            // "~": within 0.5% (a row of more than 65,536 spans); the maximum is exact.
            let a = r.isApproximate ? "~" : ""
            cells += [NumberFormat.grouped(r.count), StatsComparisonTable.errorRate(r), a + d(r.duration.p50),
                      a + d(r.duration.p90), a + d(r.duration.p95), a + d(r.duration.p99), d(r.duration.max),
                      a + d(r.selfTime.p50), a + d(r.selfTime.p99), StatsComparisonTable.share(r.criticalShare)]
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
