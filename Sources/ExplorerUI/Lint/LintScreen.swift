import TerminalCore
import TraceAnalysis
import TraceModel

/// The instrumentation lint (`I`): what `trex lint` finds, a finding a row (level, rule,
/// subject, how often), and below the list the selected finding's explanation, where it was
/// seen, example spans and the fix. Opened from a waterfall it shows the open trace's
/// findings (`trex lint --trace`), and Tab switches to every trace's (`trex lint`); from the
/// trace list, every trace's. Enter opens the finding's first example span.
struct LintScreen {
    /// The open trace's findings and its id as shown, when opened from a waterfall.
    let traceReport: LintReport?
    let traceLabel: String?
    /// Every trace's findings, once read.
    var setReport: LintReport?
    private(set) var showingTrace: Bool
    var cursor = ListCursor()

    init(traceReport: LintReport, traceLabel: String) {
        self.traceReport = traceReport
        self.traceLabel = traceLabel
        showingTrace = true
        cursor.count = traceReport.findings.count
    }

    init(setReport: LintReport) {
        traceReport = nil
        traceLabel = nil
        self.setReport = setReport
        showingTrace = false
        cursor.count = setReport.findings.count
    }

    var report: LintReport? { showingTrace ? traceReport : setReport }
    var findings: [LintFinding] { report?.findings ?? [] }
    var selected: LintFinding? { findings.indices.contains(cursor.selected) ? findings[cursor.selected] : nil }

    enum Effect: Equatable {
        case none
        case redraw
        /// Read every trace's findings, then `show(setReport:)`.
        case needSetReport
        /// Open a trace at a span.
        case open(TraceID, SpanID)
        case flash(String)
    }

    mutating func perform(_ command: Command) -> Effect {
        if cursor.perform(command) { return .redraw }
        switch command {
        case .toggleLintScope:
            guard traceReport != nil else { return .flash("These are every trace's findings already.") }
            if showingTrace, setReport == nil { return .needSetReport }
            showingTrace.toggle()
            cursor.count = findings.count
            cursor.home()
            return .redraw
        case .openExample:
            guard let example = selected?.examples.first else { return .flash("No finding selected.") }
            return .open(example.traceID, example.spanID)
        default:
            return .none
        }
    }

    /// Shows every trace's findings, once read.
    mutating func show(setReport report: LintReport) {
        setReport = report
        showingTrace = false
        cursor.count = report.findings.count
        cursor.home()
    }

    /// The status line: which findings, and how many at each level.
    var summary: String {
        guard let report else { return "Lint" }
        let scope = showingTrace ? "trace \(traceLabel ?? "")" : "every trace"
        return "Lint · \(scope) · " + (report.findings.isEmpty ? "no finding" : report.countsText)
            + " · \(NumberFormat.count(report.traces, "trace")), \(NumberFormat.count(report.spans, "span"))"
    }

    // MARK: - Drawing

    func render(in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        guard area.height >= 3, area.width >= 20 else { return }
        let findings = self.findings
        guard !findings.isEmpty else {
            let what = showingTrace ? "this trace" : "these traces"
            buffer.setTruncated(" No lint finding in \(what): the instrumentation follows every rule trex checks.",
                                x: area.x, y: area.y, width: area.width, style: context.style(.text))
            if showingTrace {
                buffer.setTruncated(" Tab: every trace's findings.", x: area.x, y: area.y + 1, width: area.width,
                                    style: context.style(.dim))
            }
            return
        }
        let listHeight = max(2, min(findings.count + 1, area.height / 2))
        let (list, rest) = area.splitTop(listHeight)
        renderList(findings, in: list, into: &buffer, context: context)
        guard rest.height >= 2, let finding = selected else { return }
        buffer.fill(rest.row(0), with: Character(context.glyphs.horizontal), style: context.style(.dim))
        renderDetail(finding, in: rest.splitTop(1).rest, into: &buffer, context: context)
    }

    private func renderList(_ findings: [LintFinding], in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        let levelWidth = 8, ruleWidth = min(31, max(12, area.width / 4)), countWidth = 18
        let subjectWidth = max(8, area.width - levelWidth - ruleWidth - countWidth - 3)
        func line(_ cells: [String], y: Int, style: Style) {
            var x = area.x + 1
            buffer.setTruncated(cells[0], x: x, y: y, width: levelWidth, style: style)
            x += levelWidth
            buffer.setTruncated(cells[1], x: x, y: y, width: ruleWidth - 1, style: style)
            x += ruleWidth
            buffer.setTruncated(cells[2], x: x, y: y, width: subjectWidth - 1, style: style)
            x += subjectWidth
            buffer.setTruncated(cells[3], x: x, y: y, width: countWidth - 1, style: style, alignment: .right)
        }
        line(["LEVEL", "RULE", "SUBJECT", "SEEN"], y: area.y, style: context.style(.title))
        var cursor = self.cursor
        cursor.page = max(1, area.height - 1)
        for i in 0..<(area.height - 1) {
            let index = cursor.offset + i
            guard findings.indices.contains(index) else { break }
            let f = findings[index]
            var style = context.style(f.level == .error ? .error : f.level == .warning ? .warning : .text)
            if index == cursor.selected {
                style = context.selected(style)
                buffer.fill(Rect(x: area.x, y: area.y + 1 + i, width: area.width, height: 1), style: style)
            }
            let seen = "\(NumberFormat.grouped(f.occurrences))× in \(NumberFormat.count(f.traces, "trace"))"
            line([f.level.rawValue, f.rule.rawValue, f.subject.visiblyEscaped, seen], y: area.y + 1 + i, style: style)
        }
    }

    private func renderDetail(_ f: LintFinding, in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        let width = area.width - 2
        var lines: [(String, ThemeRole)] = []
        lines += WordWrap.lines(f.message.visiblyEscaped, width: width).map { ($0, .text) }
        let operations = f.operations.map(\.visiblyEscaped).joined(separator: ", ")
        lines += WordWrap.lines("Where: \(f.services.map(\.visiblyEscaped).joined(separator: ", "))"
                                + (operations.isEmpty ? "" : " · \(operations)"), width: width, indent: "  ").map { ($0, .dim) }
        for (n, example) in f.examples.enumerated() {
            let lead = n == 0 ? "Example (Enter opens it): " : "          also: "
            lines.append(("\(lead)trace \(example.traceID.shownHex) span \(example.spanID.hex)  \(example.label.visiblyEscaped)",
                          .dim))
        }
        lines += WordWrap.lines("Fix: \(f.fix)", width: width, indent: "  ").map { ($0, .improved) }
        lines.append(("\(f.rule.category) · docs/lint.md#\(f.rule.rawValue)", .dim))
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.setTruncated(line.0, x: area.x + 1, y: area.y + i, width: width, style: context.style(line.1))
        }
    }
}
