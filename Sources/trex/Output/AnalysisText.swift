import TerminalCore
import TraceAnalysis
import TraceModel

/// `trex analyze` as text: sections a person reads top to bottom.
struct AnalysisText {
    let report: AnalysisReport

    private var trace: Trace { report.trace }
    private var table: SpanTable { report.trace.table }

    /// `service "name"`, raw: for `TextTable` cells, which escape themselves.
    private func label(_ local: Int) -> String {
        let span = trace[local]
        return "\(table.serviceName(of: span)) \"\(table.strings[span.name])\""
    }

    /// `label(local)` visibly escaped, for prose lines.
    private func shown(_ local: Int) -> String { label(local).visiblyEscaped }

    private func offset(_ t: Int64) -> String {
        DurationFormat.string(Nanoseconds(TimeMath.subtract(t, report.times.starts.min() ?? t)))
    }

    func render() -> String {
        var out = "Trace \(trace.shownID.visiblyEscaped): \(NumberFormat.count(trace.spanCount, "span")), "
            + "\(DurationFormat.string(report.duration))"
            + (report.options.adjustSkew ? " (clock-skew adjusted timings)" : " (raw timings)") + "\n\n"
        out += criticalPath() + "\n" + diagnostics() + "\n" + fanOut() + "\n" + rootCauses()
        if let adjustment = report.adjustment, !adjustment.adjustedSpans.isEmpty {
            out += "\nAdjusted for clock skew:\n"
            for span in adjustment.adjustedSpans {
                out += "  \(shown(span)) (\(trace[span].spanID.hex)) shifted by \(DurationFormat.string(adjustment.shift(of: span)))\n"
            }
        }
        return out
    }

    private func criticalPath() -> String {
        // Shares below are of the critical path's length, the response's latency; work after
        // the response is named apart.
        let roots = report.criticalPath.paths.count
        // Several roots (fragments) each have a path: their lengths add up, so say so.
        let length = roots > 1 ? "\(roots) roots, \(DurationFormat.string(report.criticalPathDuration)) in all" : DurationFormat.string(report.criticalPathDuration)
        var out = "Critical path (\(length) of \(DurationFormat.string(report.duration))"
            + (report.asyncWorkText.map { "; \($0)" } ?? "") + "):\n"
        var sections = TextTable([.init("  FROM", .right), .init("TO", .right), .init("TIME", .right), .init("SPAN"), .init("SPAN ID")])
        for s in report.criticalPath.sections {
            sections.append([offset(s.start.unixNanos), offset(s.end.unixNanos), DurationFormat.string(s.duration),
                             label(s.span), trace[s.span].spanID.hex])
        }
        out += sections.render()
        out += "\nCritical time by span:\n"
        var shares = TextTable([.init("  SHARE", .right), .init("TIME", .right), .init("SPAN")])
        for share in report.criticalShares.prefix(10) {
            shares.append(["\(AnalysisReport.percent(share.share))%", DurationFormat.string(share.time), label(share.span)])
        }
        return out + shares.render()
    }

    private func diagnostics() -> String {
        guard !report.diagnostics.isEmpty else { return "Diagnostics: none — this trace looks consistent.\n" }
        var out = "Diagnostics (\(report.diagnostics.count)):\n"
        for d in report.diagnostics {
            out += "  [\(d.severity.rawValue)] \(d.kind.rawValue): \(d.message.visiblyEscaped)\n"
        }
        return out
    }

    private func fanOut() -> String {
        let fan = report.fanOut
        guard !fan.nPlusOne.isEmpty || !fan.wideFanOuts.isEmpty else { return "Fan-out and N+1: none found.\n" }
        var out = "Fan-out and N+1:\n"
        for n in fan.nPlusOne {
            let what = n.statementShape ?? table.strings[n.name]
            out += "  N+1 under \(shown(n.parent)): \(n.calls.count) sequential calls to \(table.strings[n.service].visiblyEscaped) \"\(what.visiblyEscaped)\" "
                + "took \(DurationFormat.string(n.totalTime)); one batched or parallel call would take about "
                + "\(DurationFormat.string(n.longestTime)) (saves \(DurationFormat.string(n.savings)))\n"
        }
        for f in fan.wideFanOuts {
            out += "  fan-out under \(shown(f.parent)): \(f.childCount) children, up to \(f.maxConcurrency) at once; "
                + "it waited for the slowest, \(shown(f.slowest)) (\(DurationFormat.string(trace[f.slowest].duration)))\n"
        }
        return out
    }

    private func rootCauses() -> String {
        let rc = report.rootCause
        guard rc.hasErrors else { return "Errors: none.\n" }
        var out = "Error root cause (\(NumberFormat.count(rc.origins.count, "origin"))):\n"
        for origin in rc.origins {
            let message = table.strings[trace[origin].statusMessage]
            out += "  \(shown(origin)) (\(trace[origin].spanID.hex))" + (message.isEmpty ? "" : ": \(message.visiblyEscaped)") + "\n"
            out += "    chain: " + rc.chain(to: origin).map(shown).joined(separator: " → ") + "\n"
        }
        if !rc.propagated.isEmpty {
            out += "  bubbled up (errors caused by the above): " + rc.propagated.map(shown).joined(separator: ", ") + "\n"
        }
        return out
    }
}
