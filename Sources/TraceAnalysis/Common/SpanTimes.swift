import TraceModel

/// The start and end of every span of a trace, in local-index order: the raw times, or the
/// times of the clock-skew adjusted view.
///
/// Analyses that depend on timing (the critical path, the report) read times through this
/// value, so the same code serves the raw view (the default) and the adjusted one.
public struct SpanTimes: Sendable {
    /// Start of each span, Unix nanoseconds.
    public let starts: [Int64]
    /// End of each span, Unix nanoseconds.
    public let ends: [Int64]
    /// True when these times include clock-skew shifts.
    public let isAdjusted: Bool

    /// The raw times. O(n).
    public init(_ trace: Trace) {
        var starts = [Int64](repeating: 0, count: trace.spanCount)
        var ends = [Int64](repeating: 0, count: trace.spanCount)
        trace.table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for i in 0..<trace.spanCount {
                starts[i] = all[base + i].start.unixNanos
                ends[i] = all[base + i].end.unixNanos
            }
        }
        self.starts = starts
        self.ends = ends
        isAdjusted = false
    }

    /// The raw times moved by a clock-skew adjustment's per-span shifts. O(n).
    public init(_ trace: Trace, adjustment: ClockSkewAdjustment) {
        let raw = SpanTimes(trace)
        var starts = raw.starts
        var ends = raw.ends
        for i in 0..<starts.count where adjustment.shifts[i] != 0 {
            starts[i] = TimeMath.add(starts[i], adjustment.shifts[i])
            ends[i] = TimeMath.add(ends[i], adjustment.shifts[i])
        }
        self.starts = starts
        self.ends = ends
        isAdjusted = true
    }

    /// Times given directly (tests and callers with their own view).
    public init(starts: [Int64], ends: [Int64], isAdjusted: Bool = false) {
        precondition(starts.count == ends.count, "one start and one end per span")
        self.starts = starts
        self.ends = ends
        self.isAdjusted = isAdjusted
    }

    public var count: Int { starts.count }

    public func start(of span: Int) -> Timestamp { Timestamp(unixNanos: starts[span]) }
    public func end(of span: Int) -> Timestamp { Timestamp(unixNanos: ends[span]) }
    public func duration(of span: Int) -> Nanoseconds { Nanoseconds(TimeMath.subtract(ends[span], starts[span])) }
}
