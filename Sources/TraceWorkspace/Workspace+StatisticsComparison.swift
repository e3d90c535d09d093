import TraceAnalysis
import TraceModel
import TraceStore

/// The statistics of two windows of the loaded range (`trex stats --windows`, the statistics
/// screen's `c` and `w`).
extension Workspace {
    /// Two windows' statistics compared, with the windows resolved and each one's trace count.
    public struct WindowedComparison: Sendable {
        public var comparison: StatisticsComparison
        public var windows: StatisticsWindows.Resolved
        public var traces: (first: Int, second: Int)
    }

    /// Reads every trace once, batch by batch, each into the window its start falls in. Nil
    /// when nothing is loaded. O(spans log spans).
    public func statisticsComparison(_ windows: StatisticsWindows) throws -> WindowedComparison? {
        let summaries = try listing().summaries
        guard let first = summaries.map(\.start).min(), let last = summaries.map(\.start).max() else { return nil }
        let resolved = windows.resolve(start: first, end: last)
        var before = TraceStatistics.Accumulator(), after = TraceStatistics.Accumulator()
        var counts = (first: 0, second: 0)
        try forEachBatch { table in
            var window: [Int?] = []
            window.reserveCapacity(table.traces.count)
            for trace in table.allTraces {
                let start = trace.spans.lazy.map(\.start).min() ?? first
                let w = resolved.window(of: start, rangeEnd: last)
                window.append(w)
                if w == 0 { counts.first += 1 } else if w == 1 { counts.second += 1 }
            }
            before.add(table) { window[$0.index] == 0 }
            after.add(table) { window[$0.index] == 1 }
        }
        return WindowedComparison(comparison: StatisticsComparison(before: before, after: after),
                                  windows: resolved, traces: counts)
    }
}
