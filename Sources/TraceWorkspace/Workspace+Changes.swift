import TraceModel
import TraceStore

extension Workspace {
    /// Spans arrived for these traces (a live receiver stored them): forgets the problems of
    /// every trace whose analysis may read them, so that the next asking finds them again as
    /// `trex analyze` would now. Those are the changed traces, the traces overlapping them
    /// within twice the skew allowance (an analysis reads its neighbours in time, and their
    /// rivals'), and the traces missing spans (their parents may have arrived). `listing` is
    /// the workspace's listing after the change. O(traces + changed log changed).
    ///
    /// - Returns: the ids whose problems were known and are forgotten.
    @discardableResult
    public func tracesChanged(_ changed: Set<TraceID>, listing: TraceListing) -> Int {
        guard !changed.isEmpty else { return 0 }
        var windows: [ClosedRange<Timestamp>] = []
        for summary in listing.summaries where changed.contains(summary.traceID) {
            let once = Self.widened(summary.start, summary.end)
            windows.append(Self.widened(once.lowerBound, once.upperBound))
        }
        let merged = Self.merged(windows)
        var affected = changed
        if !merged.isEmpty {
            for summary in listing.summaries where merged.contains(where: { $0.overlaps(summary.start...max(summary.start, summary.end)) }) {
                affected.insert(summary.traceID)
            }
        }
        return problemCache.forget(affected)
    }
}
