import TerminalCore
import TraceQuery

/// Draws the filter bar at the bottom: the prompt and text, and under a bad query a caret at
/// its column with the message (and the suggestion, when there is one).
struct FilterBarView {
    let bar: FilterBar
    let context: RenderContext

    /// Rows the bar needs: one, or two while the query has an error.
    var height: Int { bar.diagnostic == nil ? 1 : 2 }

    /// Draws into `area` (its last `height` rows) and returns where the cursor goes.
    func render(in area: Rect, into buffer: inout Buffer) -> Point {
        let inputRow = area.row(0)
        let style = context.style(.status)
        buffer.fill(inputRow, style: style)
        let prompt = bar.prompt + ": "
        let promptWidth = buffer.setString(prompt, x: inputRow.x, y: inputRow.y, style: style.adding(.bold))
        let textX = inputRow.x + promptWidth
        let room = max(1, inputRow.width - promptWidth - 1)
        // Scroll the text horizontally so the cursor stays visible.
        let cursorColumn = bar.editor.cursorColumn
        let shift = max(0, cursorColumn - room + 1)
        let visible = dropColumns(bar.editor.string, shift)
        buffer.setString(visible, x: textX, y: inputRow.y, style: style, maxWidth: room)
        if let diagnostic = bar.diagnostic, area.height >= 2 {
            let caretRow = area.row(1)
            let errorStyle = context.style(.error)
            buffer.fill(caretRow, style: context.style(.text))
            let column = DisplayWidth.of(String(bar.editor.string.prefix(diagnostic.range.lowerBound))) - shift
            let underline = max(1, DisplayWidth.of(String(Array(bar.editor.string)
                .dropFirst(diagnostic.range.lowerBound).prefix(diagnostic.range.count))))
            let caretX = textX + max(0, column)
            var caret = "^" + String(repeating: "~", count: max(0, min(underline, 40) - 1))
            var message = diagnostic.message
            if let suggestion = diagnostic.suggestion { message += " (did you mean `\(suggestion)`?)" }
            else if !diagnostic.expected.isEmpty {
                message += " (expected \(diagnostic.expected.prefix(4).joined(separator: ", ")))"
            }
            if caretX + DisplayWidth.of(caret) + 2 + DisplayWidth.of(message) > caretRow.right {
                // Not enough room after the caret: put the message before it.
                caret = message + " " + caret
                let start = max(caretRow.x, caretX + 1 - DisplayWidth.of(caret))
                buffer.setTruncated(caret, x: start, y: caretRow.y, width: caretRow.right - start, style: errorStyle)
            } else {
                buffer.setString(caret + " " + message, x: caretX, y: caretRow.y, style: errorStyle)
            }
        }
        return Point(x: textX + cursorColumn - shift, y: inputRow.y)
    }

    private func dropColumns(_ text: String, _ columns: Int) -> String {
        guard columns > 0 else { return text }
        var dropped = 0
        var index = text.startIndex
        while index < text.endIndex, dropped < columns {
            dropped += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        return String(text[index...])
    }
}
