import TraceAnalysis
import TraceModel
import TraceStore

/// The loaded set at a glance, for the trace list's first line: traces, spans, the share with
/// errors, p50/p95/p99 of trace duration and the time range; and the widest numbers, so the
/// number columns never cut a count. Computed once from the summaries. O(traces log traces).
struct TraceSetOverview: Sendable {
    let traces: Int
    let spans: Int
    let tracesWithErrors: Int
    let durations: Percentiles
    let range: ClosedRange<Timestamp>?
    let maxSpans: Int
    let maxErrors: Int
    /// True when the traces start in different years: the START column then shows the year.
    let spansYears: Bool

    init(_ summaries: [TraceSummary]) {
        traces = summaries.count
        spans = summaries.reduce(0) { $0 + $1.spanCount }
        tracesWithErrors = summaries.reduce(0) { $0 + ($1.errorCount > 0 ? 1 : 0) }
        durations = Percentiles(summaries.map(\.duration.value))
        let start = summaries.map(\.start).min(), end = summaries.map(\.end).max()
        range = start.flatMap { s in end.map { s...max(s, $0) } }
        maxSpans = summaries.map(\.spanCount).max() ?? 0
        maxErrors = summaries.map(\.errorCount).max() ?? 0
        spansYears = range.map { TimestampFormat.utc($0.lowerBound).prefix(4) != TimestampFormat.utc($0.upperBound).prefix(4) } ?? false
    }

    /// "24 traces · 300 spans · 4 with errors (17%) · p50 395ms p95 6.31s p99 6.31s ·
    /// 2024-11-25 07:33:20 – 09:12:41 UTC".
    func text(ascii: Bool) -> String {
        guard traces > 0 else { return "No traces." }
        let share = Int((Double(tracesWithErrors) / Double(traces) * 100).rounded())
        var parts = [NumberFormat.count(traces, "trace"), NumberFormat.count(spans, "span"),
                     tracesWithErrors == 0 ? "no errors" : "\(NumberFormat.grouped(tracesWithErrors)) with errors (\(share)%)"]
        func d(_ v: Int64) -> String { DurationFormat.string(Nanoseconds(v), ascii: ascii) }
        parts.append("p50 \(d(durations.p50)) p95 \(d(durations.p95)) p99 \(d(durations.p99))")
        if let range {
            let from = TimestampFormat.utc(range.lowerBound, milliseconds: false)
            let to = TimestampFormat.utc(range.upperBound, milliseconds: false)
            // The end's date only when it differs from the start's.
            let sameDay = from.prefix(10) == to.prefix(10)
            parts.append("\(from) – \(sameDay ? String(to.dropFirst(11)) : to) UTC")
        }
        return parts.joined(separator: " · ")
    }


    /// Columns for a count: its grouped digits, at least the header's width.
    static func width(_ n: Int, header: String) -> Int { max(header.count, NumberFormat.grouped(n).count) }
}
