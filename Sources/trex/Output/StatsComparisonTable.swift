import TraceAnalysis
import TraceModel

/// The text table of `trex stats --windows/--compare`: per row the counts and error rates in A
/// and B, and each percentile in B with its change and verdict mark, in
/// `StatisticsComparison.regressionsFirst` order.
enum StatsComparisonTable {
    static func render(_ rows: [StatisticsComparison.Row], operations: Bool, selfTime: Bool) -> String {
        var columns: [TextTable.Column] = [.init("SERVICE", maxWidth: 24)]
        if operations { columns.append(.init("OPERATION", maxWidth: 40)) }
        let prefix = selfTime ? "SELF " : ""
        columns += [.init("COUNT A", .right), .init("COUNT B", .right), .init("ERR% A", .right), .init("ERR% B", .right)]
            + ["P50", "P90", "P95", "P99", "MAX"].map { .init(prefix + $0 + " B", .right) }
        var text = TextTable(columns)
        for row in StatisticsComparison.regressionsFirst(rows, selfTime: selfTime) {
            var cells = [row.service]
            if operations { cells.append(row.operation ?? "") }
            cells += [row.before.map { NumberFormat.grouped($0.count) } ?? "-", row.after.map { NumberFormat.grouped($0.count) } ?? "-",
                      row.before.map(errorRate) ?? "-", row.after.map(errorRate) ?? "-"]
            cells += (selfTime ? row.selfTime : row.duration).all.map(cell)
            text.append(cells)
        }
        return text.render()
    }

    /// "35ms +12% ▲": the value in B, the change, the mark.
    static func cell(_ change: PercentileChange) -> String {
        guard change.after != 0 || change.before != 0 else { return "-" }
        let value = change.after == 0 ? "-" : DurationFormat.string(Nanoseconds(change.after))
        return "\(value) \(change.changeText) \(change.mark())"
    }

    static func errorRate(_ r: OperationStatistics) -> String {
        r.errorCount == 0 ? "-" : "\((r.errorRate * 1000).rounded() / 10)%"
    }

    static func share(_ x: Double) -> String {
        x <= 0 ? "-" : x < 0.001 ? "<0.1%" : "\((x * 1000).rounded() / 10)%"
    }
}
