import TerminalCore

/// Draws the span detail pane: a bordered box of labelled lines, values with newlines line by
/// line and long lines wrapped (`SpanDetailRows`), the cursor row highlighted when the pane has
/// the keys.
struct SpanDetailView {
    let detail: SpanDetail
    let state: SpanDetailState
    let context: RenderContext

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.width >= 10, area.height >= 3 else { return }
        buffer.fill(area, style: context.style(.text))
        let borderStyle = state.focused ? context.style(.selection) : context.style(.border)
        let title = state.focused ? " Span detail (keys here; S-Tab returns) " : " Span detail (S-Tab for keys) "
        let inner = buffer.drawBorder(area, glyphs: context.glyphs, style: borderStyle, title: title)
        let labelWidth = SpanDetailRows.labelWidth(innerWidth: inner.width, longestLabel: detail.longestLabel)
        let valueWidth = SpanDetailRows.valueWidth(paneWidth: area.width, longestLabel: detail.longestLabel)

        // Every line as screen rows (multi-line values line by line, long lines wrapped); scroll
        // so the cursor row is visible.
        let layout = SpanDetailRows(detail, valueWidth: valueWidth, labelWidth: labelWidth, innerWidth: inner.width)
        let rows = layout.rows
        let cursorRow = layout.row(line: state.selected, offset: state.offset)
        let top = max(0, min(cursorRow - inner.height / 3, rows.count - inner.height))
        for r in 0..<inner.height {
            let index = top + r
            guard index < rows.count else { break }
            let row = rows[index]
            let line = detail.lines[row.line]
            let y = inner.y + r
            let selected = state.focused && index == cursorRow
            var valueStyle = context.style(.text)
            var labelStyle = context.style(.dim)
            switch line.kind {
            case .heading:
                buffer.setSpans([.init(line.label + " ", style: context.service(line.label).adding(.bold)),
                                 .init(line.value, style: context.style(.title))], x: inner.x + 1, y: y, width: inner.width - 1)
                continue
            case .section:
                buffer.setTruncated(line.label, x: inner.x + 1, y: y, width: inner.width - 1, style: context.style(.title).adding(.underline))
                continue
            case .warning:
                valueStyle = context.style(.warning)
                labelStyle = context.style(.warning)
            case .field, .text:
                break
            }
            if line.link != nil { valueStyle = context.style(.match) }
            if selected {
                buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: context.selected(valueStyle))
                valueStyle = context.selected(valueStyle)
                labelStyle = context.selected(labelStyle)
            }
            if !row.label.isEmpty { buffer.setTruncated(row.label, x: inner.x + 1, y: y, width: labelWidth, style: labelStyle) }
            if row.fullWidth {
                buffer.setString(row.value, x: inner.x + 1, y: y, style: valueStyle, maxWidth: inner.width - 1)
            } else {
                buffer.setString(row.value, x: inner.x + 2 + labelWidth, y: y, style: valueStyle, maxWidth: valueWidth)
            }
        }
    }
}
