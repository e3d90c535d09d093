import TerminalCore
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// The status line under the waterfall.
extension WaterfallScreen {
    var statusText: String {
        guard let span = selectedSpan else {
            if let p = selectedPosition, case .missingParent(let id) = rows.tree.nodes[p] {
                return "Span \(id.hex) is referenced as a parent but is not in the trace."
            }
            return ""
        }
        let s = trace[span]
        let table = trace.table
        let (start, end) = times(span)
        var text = "\(table.serviceName(of: s)) \(table.strings[s.name]): \(DurationFormat.string(Nanoseconds(TimeMath.subtract(end, start))))"
        let critical = insights.report.criticalPath.criticalTime[span]
        if critical > .zero {
            let share = AnalysisReport.percent(insights.report.criticalShare(of: span))
            text += ", \(share)% of the response, on the critical path"
            if critical < Nanoseconds(TimeMath.subtract(end, start)) { text += " (\(DurationFormat.string(critical)))" }
        } else {
            text += ", not on the critical path"
        }
        if s.status == .error { text += " · ERROR" + errorRole(span) }
        return text
    }

    /// " (origin of 3 errors above)" or " (bubbled up from auth-service connect)".
    func errorRole(_ span: Int) -> String {
        let causes = insights.report.rootCause
        let table = trace.table
        switch causes.role(of: span) {
        case .origin:
            let above = causes.chain(to: span).dropLast().filter { trace[$0].status == .error }.count
            return above == 0 ? " (where it started)" : " (origin of \(NumberFormat.count(above, "error")) above; r: next origin)"
        case .propagated:
            // The nearest origin below it, in pre-order: the first origin whose chain holds it.
            guard let origin = causes.origins.first(where: { causes.chain(to: $0).contains(span) }) else { return "" }
            return " (bubbled up from \(table.serviceName(of: trace[origin])) \(table.strings[trace[origin].name]); r: go there)"
        case nil:
            return ""
        }
    }

    var statusRight: String {
        "\(cursor.selected + 1)/\(NumberFormat.grouped(rows.count))" + (adjusted ? " · adjusted" : "")
    }
}
