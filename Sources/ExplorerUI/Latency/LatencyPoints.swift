import TraceModel

/// The traces a latency plot shows, one point each: the trace's start, its duration (a negative
/// one, from spans that end before they start, as 0), whether any of its spans failed, and its
/// index in the listing.
///
/// Read from the listing's summaries alone, so plotting a store of any size loads no span.
/// Kept as parallel arrays (no allocation per point). O(traces) to build.
struct LatencyPoints: Sendable {
    private(set) var starts: [Int64] = []
    private(set) var durations: [Int64] = []
    private(set) var errors: [Bool] = []
    /// Each point's index into the listing's summaries.
    private(set) var traces: [Int] = []
    /// The earliest and latest start; nil without points.
    private(set) var startRange: ClosedRange<Int64>?
    /// The shortest and longest duration; nil without points.
    private(set) var durationRange: ClosedRange<Int64>?

    /// The points of the summaries at `indices` (the traces a list shows, in any order).
    init(summaries: [TraceSummary], indices: some Collection<Int>) {
        starts.reserveCapacity(indices.count)
        durations.reserveCapacity(indices.count)
        errors.reserveCapacity(indices.count)
        traces.reserveCapacity(indices.count)
        var firstStart = Int64.max, lastStart = Int64.min
        var shortest = Int64.max, longest = Int64.min
        for index in indices {
            let summary = summaries[index]
            let start = summary.start.unixNanos, duration = Self.duration(of: summary)
            starts.append(start)
            durations.append(duration)
            errors.append(summary.errorCount > 0)
            traces.append(index)
            firstStart = min(firstStart, start)
            lastStart = max(lastStart, start)
            shortest = min(shortest, duration)
            longest = max(longest, duration)
        }
        if !traces.isEmpty {
            startRange = firstStart...lastStart
            durationRange = shortest...longest
        }
    }

    var count: Int { traces.count }
    var isEmpty: Bool { traces.isEmpty }
    var errorCount: Int { errors.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// The duration a trace is plotted at: latest end minus earliest start, 0 when negative.
    /// The selection filter reads durations through this too, so it keeps what is drawn.
    static func duration(of summary: TraceSummary) -> Int64 { max(0, summary.duration.value) }
}
