import TerminalCore
import TraceQuery

/// Draws the filter bar at the bottom: the prompt and text, and under a bad query a caret at
/// its column with the message (and the suggestion, when there is one); above it, while Tab
/// completes, the candidates or what completion is waiting for.
struct FilterBarView {
    let bar: FilterBar
    let context: RenderContext

    /// Rows the bar needs: the text, a row for the caret while the query has an error, a row
    /// for the completion line while it shows.
    var height: Int { 1 + (bar.diagnostic == nil ? 0 : 1) + (hasCompletionLine ? 1 : 0) }

    private var hasCompletionLine: Bool { bar.completionMenu != nil || bar.completionNote != nil }

    /// Draws into `area` (its last `height` rows) and returns where the cursor goes.
    func render(in area: Rect, into buffer: inout Buffer) -> Point {
        var area = area
        if hasCompletionLine, area.height >= 2 {
            let (line, rest) = area.splitTop(1)
            CompletionLine(menu: bar.completionMenu, note: bar.completionNote, context: context).render(in: line, into: &buffer)
            area = rest
        }
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
        // A selected text (a reopened filter, replaced by typing) is drawn as the selection.
        buffer.setString(visible, x: textX, y: inputRow.y, style: bar.editor.selectedAll ? context.style(.selection) : style,
                         maxWidth: room)
        if let diagnostic = bar.diagnostic, area.height >= 2 {
            let caretRow = area.row(1)
            let errorStyle = context.style(.error)
            buffer.fill(caretRow, style: context.style(.text))
            let column = DisplayWidth.of(String(bar.editor.string.prefix(diagnostic.range.lowerBound))) - shift
            let underline = max(1, DisplayWidth.of(String(Array(bar.editor.string)
                .dropFirst(diagnostic.range.lowerBound).prefix(diagnostic.range.count))))
            let caretX = textX + max(0, column)
            let caret = "^" + String(repeating: "~", count: max(0, min(underline, 40) - 1))
            var message = diagnostic.message
            if let suggestion = diagnostic.suggestion { message = "did you mean `\(suggestion)`? " + message }
            // Unless the message already says what was expected (`expected \`)\` after ...`).
            else if !diagnostic.expected.isEmpty, !message.hasPrefix("expected ") {
                // Up to eight, and how many more (the line is cut at the screen's edge anyway).
                let shown = diagnostic.expected.prefix(8).joined(separator: ", ")
                let more = diagnostic.expected.count > 8 ? ", and \(diagnostic.expected.count - 8) more" : ""
                message += " (expected \(shown)\(more))"
            }
            // The message goes on the side of the caret with more room; the caret stays under
            // the column.
            let rightRoom = caretRow.right - caretX - DisplayWidth.of(caret) - 1
            let leftRoom = caretX - caretRow.x - 1
            buffer.setString(caret, x: caretX, y: caretRow.y, style: errorStyle, maxWidth: caretRow.right - caretX)
            if DisplayWidth.of(message) <= rightRoom || rightRoom >= leftRoom {
                buffer.setString(message.truncated(toWidth: max(0, rightRoom)), x: caretX + DisplayWidth.of(caret) + 1,
                                 y: caretRow.y, style: errorStyle)
            } else {
                let cut = message.truncated(toWidth: leftRoom)
                buffer.setString(cut, x: caretX - 1 - DisplayWidth.of(cut), y: caretRow.y, style: errorStyle)
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

