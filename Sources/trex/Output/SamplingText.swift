import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// `trex sample`'s table: what the traces are, a row per policy, then the operations each
/// policy loses and what the columns mean.
enum SamplingText {
    static func render(_ comparison: SamplingComparison, ascii: Bool) -> String {
        var out = heading(comparison, ascii: ascii) + "\n\n"
        var table = TextTable(SamplingColumn.allCases.map {
            TextTable.Column($0.title, $0.isNumeric ? .right : .left, maxWidth: $0 == .policy ? 60 : nil)
        })
        for outcome in comparison.outcomes {
            table.append(SamplingColumn.allCases.map { $0.text(outcome, ascii: ascii) })
        }
        out += table.render()
        let losing = comparison.outcomes.filter { !$0.vanishedOperations.isEmpty }
        if !losing.isEmpty {
            out += "\nOperations no kept trace holds:\n"
            for outcome in losing {
                let shown = outcome.vanishedOperations.prefix(8).map(\.visiblyEscaped).joined(separator: ", ")
                let more = outcome.vanishedOperations.count > 8 ? ", and \(outcome.vanishedOperations.count - 8) more" : ""
                out += "  \(outcome.policy.visiblyEscaped): \(shown)\(more)\n"
            }
        }
        out += """

        SLOW: traces at or above the p99 of duration. PARTIAL: traces split if each service made its own
        head decision (the decision not propagated). P95/P99: trace duration as a metrics query on the kept
        traces would report it, next to the true value.

        """
        return out
    }

    /// `24 traces, 312 spans, starting over 3h 10m; seed 1`.
    static func heading(_ c: SamplingComparison, ascii: Bool) -> String {
        var text = "\(NumberFormat.count(c.traces, "trace")), \(NumberFormat.count(c.spans, "span"))"
        if let first = c.firstStart, let last = c.lastStart {
            text += ", starting over \(DurationFormat.string(last - first, ascii: ascii))"
        }
        return text + "; seed \(c.seed)"
    }
}

/// `trex sample --json`: {traces, spans, firstStart, lastStart (RFC 3339), seed, policies: [outcome]}.
struct SamplingJSON: Encodable {
    let comparison: SamplingComparison

    init(_ comparison: SamplingComparison) { self.comparison = comparison }

    private enum Keys: String, CodingKey { case traces, spans, firstStart, lastStart, seed, policies }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(comparison.traces, forKey: .traces)
        try c.encode(comparison.spans, forKey: .spans)
        try c.encodeIfPresent(comparison.firstStart.map(TimestampFormat.rfc3339), forKey: .firstStart)
        try c.encodeIfPresent(comparison.lastStart.map(TimestampFormat.rfc3339), forKey: .lastStart)
        try c.encode(comparison.seed, forKey: .seed)
        try c.encode(comparison.outcomes, forKey: .policies)
    }
}
