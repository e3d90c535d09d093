import TerminalCore
import TraceAnalysis
import TraceModel

/// `trex lint`'s text: a summary line, then each finding, worst first: its level, rule and
/// subject, the explanation, where it was seen, examples and the fix.
enum LintText {
    static func render(_ report: LintReport) -> String {
        var out = summary(report) + "\n"
        for finding in report.findings {
            out += "\n\(finding.level.rawValue.uppercased())  \(finding.rule.rawValue)  \(finding.subject.visiblyEscaped)\n"
            out += "  \(finding.message.visiblyEscaped)\n"
            let operations = finding.operations.map(\.visiblyEscaped).joined(separator: ", ")
            out += "  where: \(finding.services.map(\.visiblyEscaped).joined(separator: ", "))"
                + (operations.isEmpty ? "" : " · \(operations)") + "\n"
            for example in finding.examples {
                out += "  e.g. trace \(example.traceID.hex) span \(example.spanID.hex)  \(example.label.visiblyEscaped)\n"
            }
            out += "  fix: \(finding.fix)\n"
        }
        return out
    }

    /// `24 traces, 352 spans linted: 1 error, 5 warnings, 2 infos`.
    static func summary(_ report: LintReport) -> String {
        let what = "\(NumberFormat.count(report.traces, "trace")), \(NumberFormat.count(report.spans, "span")) linted"
        return report.findings.isEmpty ? what + ": no finding." : what + ": " + report.countsText + "."
    }
}
