import TraceAnalysis
import TraceModel
import TraceWorkspace

/// What the waterfall shows from the analysis of one trace, in one timing mode (raw or
/// clock-skew adjusted): the critical path per span, diagnostics per span, and the header's
/// one-line summary.
struct TraceInsights: Sendable {
    let report: AnalysisReport
    /// Critical-path sections of each span (local index -> sections in time order).
    let sectionsBySpan: [Int: [CriticalPathSection]]
    /// Diagnostics that involve each span.
    let diagnosticsBySpan: [Int: [Diagnostic]]
    let selfTimes: [Nanoseconds]
    /// Earliest start and latest end in these timings.
    let window: (start: Int64, end: Int64)
    /// The header's diagnostics line, computed once.
    let summary: (text: String, isWarning: Bool)

    /// The trace's report (`AnalysisSubject.report`, what `trex analyze` prints), with the
    /// neighbouring traces the workspace supplied.
    init(_ subject: AnalysisSubject, tree: TraceTree, adjusted: Bool) {
        let trace = subject.trace
        report = subject.report(AnalysisOptions(adjustSkew: adjusted), tree: tree)
        var sections: [Int: [CriticalPathSection]] = [:]
        for section in report.criticalPath.sections { sections[section.span, default: []].append(section) }
        sectionsBySpan = sections
        var bySpan: [Int: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            for span in diagnostic.spans { bySpan[span, default: []].append(diagnostic) }
        }
        diagnosticsBySpan = bySpan
        selfTimes = tree.selfTimes(trace)
        let times = report.times
        let lo = times.starts.min() ?? 0
        window = (lo, max(times.ends.max() ?? 1, TimeMath.add(lo, 1)))
        summary = Self.summarize(report, table: trace.table)
    }

    var times: SpanTimes { report.times }

    /// "Errors started at auth-service connect (r) · 2 warnings: clock skew in auth-service
    /// (+212ms), 1 orphan span", or "No problems found in this trace." when there is neither an
    /// error nor a finding.
    private static func summarize(_ report: AnalysisReport, table: SpanTable) -> (text: String, isWarning: Bool) {
        let diagnostics = report.diagnostics
        let origins = report.rootCause.origins
        var errors: String?
        if let first = origins.first {
            let span = report.trace[first]
            errors = "Error started at \(table.serviceName(of: span)) \(table.strings[span.name])"
                + (origins.count > 1 ? " and \(NumberFormat.count(origins.count - 1, "other span"))" : "") + " (r)"
        }
        guard !diagnostics.isEmpty else { return (errors ?? "No problems found in this trace.", errors != nil) }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var parts: [String] = []
        var byKind: [DiagnosticKind: [Diagnostic]] = [:]
        for d in diagnostics { byKind[d.kind, default: []].append(d) }
        for kind in DiagnosticKind.allCases {
            guard let group = byKind[kind] else { continue }
            switch kind {
            case .clockSkew:
                // The estimate `trex analyze` leads with ("the clock looks 250ms behind"):
                // the median centring shift of the pair with the most violations.
                if let estimate = report.clockSkew.estimates.first {
                    let amount = estimate.medianShift
                    parts.append("clock skew in \(table.strings[estimate.childService]) "
                                 + "(\(amount > .zero ? "+" : "")\(DurationFormat.string(amount)))")
                } else {
                    parts.append("clock skew")
                }
            case .orphan:
                let spans = Set(group.flatMap(\.spans)).count
                parts.append(NumberFormat.count(spans, "orphan span"))
            case .nPlusOne:
                for finding in report.fanOut.nPlusOne.prefix(2) {
                    parts.append("N+1: \(finding.calls.count) sequential \(table.strings[finding.service]) "
                                 + "\(table.strings[finding.name]) (\(DurationFormat.string(finding.totalTime)), "
                                 + "~\(DurationFormat.string(finding.longestTime)) batched)")
                }
                if report.fanOut.nPlusOne.count > 2 { parts.append("\(report.fanOut.nPlusOne.count - 2) more N+1") }
            case .fanOut:
                for finding in report.fanOut.wideFanOuts.prefix(1) {
                    parts.append("fan-out: \(finding.childCount) calls, \(finding.maxConcurrency) at once, under "
                                 + table.strings[report.trace[finding.parent].name])
                }
                if report.fanOut.wideFanOuts.count > 1 { parts.append("\(report.fanOut.wideFanOuts.count - 1) more fan-outs") }
            default:
                parts.append(group.count == 1 ? kind.rawValue : "\(group.count)× \(kind.rawValue)")
            }
        }
        let head = warnings.isEmpty ? NumberFormat.count(diagnostics.count, "note")
            : NumberFormat.count(warnings.count, "warning")
        let findings = "\(head): " + parts.joined(separator: ", ")
        return (errors.map { $0 + " · " + findings } ?? findings, !warnings.isEmpty || errors != nil)
    }
}
