import TraceModel

/// Sampling consistency within a trace: a child whose W3C sampled flag differs from its
/// parent's, and parent and child disagreeing on `sampling.priority` or on the sampling
/// entry of their tracestate (OpenTelemetry's `ot=th:…` threshold). Per parent service →
/// child service. (Calls whose callee's side is missing are `PropagationLint`'s, as they need
/// the whole set.)
enum SamplingLint {
    static func observe(_ c: LintTraceContext, into tallies: inout LintTallies) {
        let table = c.table
        let priorityKey = table.strings.lookup("sampling.priority")
        for i in 0..<c.trace.spanCount {
            guard let p = c.parent(of: i) else { continue }
            let span = c.trace[i], parent = c.trace[p]
            func pair() -> String { "\(c.service(p)) → \(c.service(i))" }
            if let mine = span.sampled, let theirs = parent.sampled, mine != theirs {
                tallies[.sampledFlagMismatch, pair()].note(span, in: table)
            }
            if let key = priorityKey, let mine = priority(span, key, table), let theirs = priority(parent, key, table),
               mine != theirs {
                tallies[.samplingPriorityDisagreement, pair(), ["sampling.priority"]].note(span, in: table)
            } else if let mine = threshold(span, table), let theirs = threshold(parent, table), mine != theirs {
                tallies[.samplingPriorityDisagreement, pair(), ["tracestate"]].note(span, in: table)
            }
        }
    }

    /// A span's `sampling.priority`, as a number (some tracers write it as a string).
    static func priority(_ span: Span, _ key: StringID, _ table: SpanTable) -> Double? {
        guard let a = table.attribute(key, in: span.attributes) else { return nil }
        switch table.value(of: a) {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .string(let s): return Double(s)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The `th` of the `ot` entry of a span's tracestate (`ot=th:8;rv:…`), the sampling
    /// threshold OpenTelemetry propagates.
    static func threshold(_ span: Span, _ table: SpanTable) -> Substring? {
        let state = table.strings[span.traceState]
        guard !state.isEmpty else { return nil }
        for member in state.split(separator: ",") {
            let entry = member.drop { $0 == " " }
            guard entry.hasPrefix("ot=") else { continue }
            for field in entry.dropFirst(3).split(separator: ";") where field.hasPrefix("th:") {
                return field.dropFirst(3)
            }
        }
        return nil
    }

    static func finding(_ t: LintTally) -> LintFinding {
        let spans = SpanLabel.count(t.count, "span")
        let their = LintTally.agree(t.count, "its", "their")
        if t.rule == .sampledFlagMismatch {
            return t.finding("\(t.subject): \(spans) in \(SpanLabel.count(t.traceIDs.count, "trace")) "
                + "\(LintTally.agree(t.count, "carries", "carry")) a sampled flag that differs from \(their) parent's: "
                + "the child service overrides the caller's decision, so traces lose parts of themselves.")
        }
        let what = t.details.first == "tracestate" ? "the sampling threshold of tracestate (ot=th)" : "sampling.priority"
        return t.finding("\(t.subject): \(spans) in \(SpanLabel.count(t.traceIDs.count, "trace")) "
            + "\(LintTally.agree(t.count, "disagrees", "disagree")) with \(their) parent on \(what): services of one "
            + "call chain apply different sampling decisions.")
    }
}
