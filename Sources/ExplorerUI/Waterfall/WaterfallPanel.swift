import TerminalCore
import TraceAnalysis
import TraceModel

/// A list drawn over the waterfall, each entry leading to a span: every finding of the trace's
/// report (and what loading skipped), the spans with the most critical time, or where the
/// latency went by service with the network on its own line. j/k move, Enter goes to the
/// entry's span, Esc closes.
struct WaterfallPanel: Sendable {
    enum Kind: Sendable { case findings, criticalTime, breakdown }

    struct Entry: Sendable {
        /// A short first column: a kind, a share.
        var label: String
        var text: String
        var role: ThemeRole
        /// The span Enter goes to (local index), if any.
        var span: Int?
    }

    let kind: Kind
    let title: String
    let entries: [Entry]
    var cursor: ListCursor
    /// The breakdown's grouping key (`service.name`, `cloud.region`, ...), and the keys Tab
    /// cycles through.
    var groupKey = "service.name"
    var groupKeys: [String] = []

    init(kind: Kind, title: String, entries: [Entry]) {
        self.kind = kind
        self.title = title
        self.entries = entries
        cursor = ListCursor(count: entries.count, page: 10)
    }

    var selected: Entry? { entries.indices.contains(cursor.selected) ? entries[cursor.selected] : nil }

    /// Every diagnostic of the report (warnings first), then the loading's messages.
    static func findings(_ report: AnalysisReport, loadMessages: [String]) -> WaterfallPanel {
        let ordered = report.diagnostics.filter { $0.severity == .warning } + report.diagnostics.filter { $0.severity != .warning }
        var entries = ordered.map { d in
            Entry(label: d.kind.rawValue, text: d.message, role: d.severity == .warning ? .warning : .text, span: d.spans.first)
        }
        for origin in report.rootCause.origins {
            let span = report.trace[origin]
            let table = report.trace.table
            entries.insert(Entry(label: "error origin", text: "the error started at \(table.serviceName(of: span)) "
                                 + "\(table.strings[span.name])" + (span.statusMessage.isEmpty ? "" : ": " + table.strings[span.statusMessage]),
                                 role: .origin, span: origin), at: 0)
        }
        entries += loadMessages.map { Entry(label: "loading", text: $0, role: .dim, span: nil) }
        let title = entries.isEmpty ? "No findings in this trace" : "Findings (\(entries.count)) · Enter goes to the span"
        return WaterfallPanel(kind: .findings, title: title, entries: entries)
    }

    /// The spans with critical time, most first, as `trex analyze` lists them.
    static func criticalTime(_ report: AnalysisReport) -> WaterfallPanel {
        let table = report.trace.table
        let entries = report.criticalShares.map { share in
            let span = report.trace[share.span]
            return Entry(label: "\(AnalysisReport.percent(share.share))%",
                         text: "\(DurationFormat.string(share.time))  \(table.serviceName(of: span)) \(table.strings[span.name])",
                         role: .text, span: share.span)
        }
        return WaterfallPanel(kind: .criticalTime, title: "Critical time by span, of the response · Enter goes to it",
                              entries: entries)
    }

    /// The response's latency by a resource attribute (`service.name` by default), the network
    /// on its own line; Tab moves to the next attribute the trace's resources have.
    static func breakdown(_ report: AnalysisReport, by key: String = "service.name") -> WaterfallPanel {
        let entries = LatencyBreakdown(report, by: key).lines.map { line in
            Entry(label: "\(AnalysisReport.percent(line.share))%",
                  text: "\(DurationFormat.string(line.time))  "
                      + (line.group ?? "network: client calls' time their servers did not cover"),
                  role: line.group == nil ? .warning : .text, span: nil)
        }
        let name = key == "service.name" ? "service" : key
        var panel = WaterfallPanel(kind: .breakdown, title: "Where the response's time went, by \(name) · Tab: by another",
                                   entries: entries)
        panel.groupKey = key
        panel.groupKeys = resourceKeys(of: report.trace)
        return panel
    }

    /// The resource attribute keys of a trace's spans, `service.name` first. O(spans).
    static func resourceKeys(of trace: Trace) -> [String] {
        let table = trace.table
        var seenResources = Set<UInt32>()
        var keys = Set<String>()
        for span in trace.spans where seenResources.insert(span.resource).inserted {
            for kv in table.keyValues(table.resources[Int(span.resource)].attributes) { keys.insert(kv.key) }
        }
        keys.remove("service.name")
        return ["service.name"] + keys.sorted()
    }

    /// The same breakdown by the next resource attribute.
    func nextBreakdown(_ report: AnalysisReport) -> WaterfallPanel {
        let keys = groupKeys.isEmpty ? ["service.name"] : groupKeys
        let next = keys[((keys.firstIndex(of: groupKey) ?? -1) + 1) % keys.count]
        return .breakdown(report, by: next)
    }
}

/// Draws a `WaterfallPanel` in a box over the span rows.
struct WaterfallPanelView {
    let panel: WaterfallPanel
    let context: RenderContext

    /// The panel's box in `area`, nil when the area is too small to show it.
    static func box(for panel: WaterfallPanel, in area: Rect) -> Rect? {
        guard area.width >= 20, area.height >= 4 else { return nil }
        let height = min(area.height, panel.entries.count + 3)
        return Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: max(4, min(height, area.height - 1)))
    }

    /// The first entry shown: the selection kept in the middle of `rows` rows.
    static func top(of panel: WaterfallPanel, rows: Int) -> Int {
        max(0, min(panel.cursor.selected - rows / 2, panel.entries.count - rows))
    }

    /// The entry drawn at screen row `y` (a click), or nil.
    static func entry(at point: Point, of panel: WaterfallPanel, in area: Rect) -> Int? {
        guard let box = box(for: panel, in: area), box.contains(point) else { return nil }
        let inner = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
        let row = point.y - inner.y
        guard row >= 0, row < inner.height - 1 else { return nil }
        let index = top(of: panel, rows: inner.height - 1) + row
        return panel.entries.indices.contains(index) ? index : nil
    }

    func render(in area: Rect, into buffer: inout Buffer) {
        guard let box = Self.box(for: panel, in: area) else { return }
        buffer.fill(box, style: context.style(.text))
        let inner = buffer.drawBorder(box, glyphs: context.glyphs, style: context.style(.selection), title: " \(panel.title) ")
        let labelWidth = min(20, (panel.entries.map { DisplayWidth.of($0.label) }.max() ?? 4) + 1)
        let rows = inner.height - 1
        let top = Self.top(of: panel, rows: rows)
        for r in 0..<rows {
            let index = top + r
            guard index < panel.entries.count else { break }
            let entry = panel.entries[index]
            let y = inner.y + r
            var style = context.style(entry.role)
            var labelStyle = context.style(.dim)
            if index == panel.cursor.selected {
                buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: context.selected(style))
                style = context.selected(style)
                labelStyle = context.selected(labelStyle)
            }
            buffer.setTruncated(entry.label, x: inner.x + 1, y: y, width: labelWidth, style: labelStyle)
            buffer.setTruncated(entry.text, x: inner.x + 2 + labelWidth, y: y, width: inner.width - labelWidth - 3, style: style)
        }
        buffer.setTruncated("j/k move · Enter go · Esc close", x: inner.x + 1, y: inner.bottom - 1, width: inner.width - 2,
                            style: context.style(.dim), alignment: .right)
    }
}
