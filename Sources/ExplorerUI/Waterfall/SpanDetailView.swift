import TerminalCore

/// Draws the span detail pane: a bordered box of labelled lines, long values wrapped, the
/// selected line highlighted when the pane has the keys.
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
        let labelWidth = min(14, max(8, inner.width / 4))
        let valueWidth = max(4, inner.width - labelWidth - 3)

        // Wrap every line into screen rows, remembering which line each row belongs to.
        var rows: [(line: Int, label: String, value: String, first: Bool)] = []
        for (index, line) in detail.lines.enumerated() {
            switch line.kind {
            case .heading, .section:
                rows.append((index, line.label, line.value, true))
            default:
                let pieces = Self.wrap(line.value, width: valueWidth)
                for (n, piece) in pieces.enumerated() { rows.append((index, n == 0 ? line.label : "", piece, n == 0)) }
            }
        }
        // Scroll so the selected line's first row is visible.
        let selectedRow = rows.firstIndex { $0.line == state.selected } ?? 0
        let top = max(0, min(selectedRow - inner.height / 3, rows.count - inner.height))
        for r in 0..<inner.height {
            let index = top + r
            guard index < rows.count else { break }
            let row = rows[index]
            let line = detail.lines[row.line]
            let y = inner.y + r
            let selected = state.focused && row.line == state.selected
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
            buffer.setTruncated(row.label, x: inner.x + 1, y: y, width: labelWidth, style: labelStyle)
            buffer.setString(row.value, x: inner.x + 2 + labelWidth, y: y, style: valueStyle, maxWidth: valueWidth)
        }
    }

    /// Splits text into pieces of at most `width` columns, preferring to break at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width else { return [text] }
        var pieces: [String] = []
        var current = ""
        var currentWidth = 0
        var lastSpace: String.Index?
        for character in text {
            let w = DisplayWidth.of(character)
            if currentWidth + w > width {
                if let space = lastSpace, space > current.startIndex {
                    pieces.append(String(current[..<space]))
                    current = String(current[current.index(after: space)...])
                } else {
                    pieces.append(current)
                    current = ""
                }
                currentWidth = DisplayWidth.of(current)
                lastSpace = nil
            }
            if character == " " { lastSpace = current.endIndex }
            current.append(character)
            currentWidth += w
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces.count > 500 ? Array(pieces.prefix(500)) + ["…"] : pieces
    }
}
