import TraceModel

/// `bad-duration`: spans that end before they start (a warning each; an end of zero means the
/// span was never ended) and spans of zero duration (info, grouped: sometimes an instant
/// marker, often a span ended right after it started by mistake). O(n).
enum BadDurationRule {
    static func find(_ context: AnalysisContext) -> [Diagnostic] {
        let trace = context.trace
        var out: [Diagnostic] = []
        var zero: [Int] = []
        for i in 0..<trace.spanCount {
            let span = trace[i]
            let d = span.duration.value
            if d == 0 {
                zero.append(i)
            } else if d < 0 {
                let what = span.end.unixNanos == 0
                    ? "has no end time: it was never ended (exported while still running, or the process died)"
                    : "ends \(SpanLabel.duration(TimeMath.negate(d))) before it starts: its clock jumped, or start and end were swapped"
                out.append(Diagnostic(.badDuration, .warning, spans: [i], "\(context.label(i)) \(what)"))
            }
        }
        if !zero.isEmpty {
            out.append(Diagnostic(.badDuration, .info, spans: zero,
                "\(SpanLabel.count(zero.count, "span")) last exactly zero time (\(zero.prefix(3).map(context.label).joined(separator: ", "))"
                + "\(zero.count > 3 ? ", ..." : "")): instant markers, or spans ended right after they started"))
        }
        return out
    }
}
