import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// The sampling what-if (`P`): the loaded traces replayed through sampling policies, a policy
/// a row with the columns of `trex sample` (`SamplingColumn`), and below the table what the
/// selected policy loses: the operations no kept trace holds. The policies are a plan fitted
/// to the traces until the user writes others (`e`).
struct SamplingScreen {
    let comparison: SamplingComparison
    var cursor = ListCursor()

    init(_ comparison: SamplingComparison) {
        self.comparison = comparison
        cursor.count = comparison.outcomes.count
    }

    var selected: SamplingOutcome? {
        comparison.outcomes.indices.contains(cursor.selected) ? comparison.outcomes[cursor.selected] : nil
    }

    /// `Sampling what-if · 24 traces, 352 spans · seed 1 · e: write the policies`.
    var summary: String {
        "Sampling what-if · \(NumberFormat.count(comparison.traces, "trace")), "
            + "\(NumberFormat.count(comparison.spans, "span")) · seed \(comparison.seed) · e: write the policies"
    }

    /// The columns that fit: all from 150 columns on, else the policy, traces, errors, slow,
    /// lost operations and p99.
    static func columns(width: Int) -> [SamplingColumn] {
        width >= 150 ? SamplingColumn.allCases : [.policy, .traces, .errors, .slow, .vanished, .partial, .p99]
    }

    func render(in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        guard area.height >= 3, area.width >= 20 else { return }
        let ascii = !context.glyphs.hasEighthBlocks
        let columns = Self.columns(width: area.width)
        let rows = comparison.outcomes.map { o in columns.map { $0.text(o, ascii: ascii) } }
        var widths = columns.enumerated().map { i, c in
            max(DisplayWidth.of(c.title), rows.map { DisplayWidth.of($0[i]) }.max() ?? 0)
        }
        let others = widths.dropFirst().reduce(0, +) + 2 * (columns.count - 1)
        widths[0] = max(12, min(widths[0], area.width - others - 2))
        func line(_ cells: [String], y: Int, style: Style) {
            var x = area.x + 1
            for (i, cell) in cells.enumerated() {
                buffer.setTruncated(cell, x: x, y: y, width: widths[i], style: style,
                                    alignment: columns[i].isNumeric ? .right : .left)
                x += widths[i] + 2
            }
        }
        line(columns.map(\.title), y: area.y, style: context.style(.title))
        let tableHeight = min(rows.count, area.height / 2)
        for i in 0..<tableHeight {
            let index = cursor.offset + i
            guard rows.indices.contains(index) else { break }
            var style = context.style(.text)
            if index == cursor.selected {
                style = context.selected(style)
                buffer.fill(Rect(x: area.x, y: area.y + 1 + i, width: area.width, height: 1), style: style)
            }
            line(rows[index].enumerated().map { $0.offset == 0 ? $0.element.visiblyEscaped : $0.element },
                 y: area.y + 1 + i, style: style)
        }
        let detail = Rect(x: area.x, y: area.y + 2 + tableHeight, width: area.width,
                          height: max(0, area.height - 2 - tableHeight))
        guard detail.height > 0, let outcome = selected else { return }
        renderDetail(outcome, in: detail, into: &buffer, context: context)
    }

    private func renderDetail(_ o: SamplingOutcome, in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        let width = area.width - 2
        let ascii = !context.glyphs.hasEighthBlocks
        var lines: [(String, ThemeRole)] = [(o.policy.visiblyEscaped, .title)]
        let lostErrors = o.errorTraces - o.errorTracesKept, lostSlow = o.slowTraces - o.slowTracesKept
        lines.append(("Keeps \(SamplingColumn.traces.text(o)) of the traces and \(SamplingColumn.spans.text(o)) of the spans; "
                      + "loses \(NumberFormat.count(lostErrors, "error trace")) and \(NumberFormat.count(lostSlow, "slow trace")).",
                      lostErrors + lostSlow > 0 ? .warning : .text))
        lines.append(("A metrics query on what it keeps reports p95 \(SamplingColumn.p95.text(o, ascii: ascii)) and "
                      + "p99 \(SamplingColumn.p99.text(o, ascii: ascii)) (kept / true).", .text))
        if let partial = o.partialTraces {
            lines.append(("Decided per service instead of propagated, the same share would leave "
                          + "\(NumberFormat.count(partial, "trace")) partial.", partial > 0 ? .warning : .dim))
        }
        if o.vanishedOperations.isEmpty {
            lines.append(("Every operation keeps at least one trace.", .dim))
        } else {
            lines.append(("Operations no kept trace holds (\(o.vanishedOperations.count)): "
                          + o.vanishedOperations.map(\.visiblyEscaped).joined(separator: ", "), .warning))
        }
        let wrapped = lines.flatMap { paragraph in
            WordWrap.lines(paragraph.0, width: width, indent: "  ").map { ($0, paragraph.1) }
        }
        for (i, line) in wrapped.prefix(area.height).enumerated() {
            buffer.setTruncated(line.0, x: area.x + 1, y: area.y + i, width: width, style: context.style(line.1))
        }
    }
}
