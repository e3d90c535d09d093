import TraceModel

/// A rectangle of the latency plot as a restriction of the trace list: the traces that start
/// from `startLow` to `startHigh` and last from `durationLow` to `durationHigh` (ends
/// included; durations as the plot draws them, `LatencyPoints.duration(of:)`).
///
/// TraceQL has no start-time intrinsic, so this is no query: the list keeps it beside its
/// filter (both must pass), says so in its status line, and `\` clears it first. It is a range
/// of values, not a set of traces, so it holds as traces arrive (`trex --listen`).
public struct LatencySelection: Sendable, Hashable {
    public var startLow: Int64
    public var startHigh: Int64
    public var durationLow: Int64
    public var durationHigh: Int64

    public init(startLow: Int64, startHigh: Int64, durationLow: Int64, durationHigh: Int64) {
        self.startLow = startLow
        self.startHigh = startHigh
        self.durationLow = durationLow
        self.durationHigh = durationHigh
    }

    /// Whether a trace is inside.
    public func contains(_ summary: TraceSummary) -> Bool {
        contains(start: summary.start.unixNanos, duration: LatencyPoints.duration(of: summary))
    }

    /// Whether a trace that starts at `start` and lasts `duration` (ns) is inside.
    func contains(start: Int64, duration: Int64) -> Bool {
        startLow <= start && start <= startHigh && durationLow <= duration && duration <= durationHigh
    }

    /// The traces inside both (a rectangle drawn on a plot of a selection's traces).
    public func intersection(_ other: LatencySelection) -> LatencySelection {
        LatencySelection(startLow: max(startLow, other.startLow), startHigh: min(startHigh, other.startHigh),
                         durationLow: max(durationLow, other.durationLow),
                         durationHigh: min(durationHigh, other.durationHigh))
    }

    /// "10:02:03–10:04:10 UTC × 120ms–1.3s": the times in UTC (with milliseconds when they are
    /// under a minute apart, with the date when they differ in day), the durations as the
    /// project writes them.
    public func text(ascii: Bool = false) -> String {
        let dash = ascii ? "-" : "–"
        let milliseconds = TimeMath.wideDifference(startHigh, startLow) < 60e9
        let from = TimestampFormat.utc(Timestamp(unixNanos: startLow), milliseconds: milliseconds)
        let to = TimestampFormat.utc(Timestamp(unixNanos: startHigh), milliseconds: milliseconds)
        // "2023-11-14 22:13:20(.123)": the day is what comes before the space.
        let day = { (text: String) in text.prefix { $0 != " " } }
        let clock = { (text: String) in text.drop { $0 != " " }.dropFirst() }
        let times = day(from) == day(to) ? "\(clock(from))\(dash)\(clock(to))" : "\(from)\(dash)\(to)"
        let durations = DurationFormat.string(Nanoseconds(durationLow), ascii: ascii) + dash
            + DurationFormat.string(Nanoseconds(durationHigh), ascii: ascii)
        return "\(times) UTC \(ascii ? "x" : "×") \(durations)"
    }
}
