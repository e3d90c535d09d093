import TerminalCore

/// An aligned plain-text table: a header row and data rows, columns padded to the widest cell.
///
/// Every data cell is one field and is shown `visiblyEscaped` (a control character, a newline or
/// a bidi override in a span name becomes `\e`, `\n`, `\u{202E}`), so callers pass raw values.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
        /// Cells longer than this are cut with an ellipsis (nil: no limit).
        var maxWidth: Int?

        init(_ title: String, _ alignment: Alignment = .left, maxWidth: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines, two spaces between columns, no trailing spaces.
    func render() -> String {
        var out = ""
        write { out += $0 }
        return out
    }

    /// Writes the table in chunks of about 64 KB, so a table of many rows never exists as one
    /// string (a listing of a large input keeps its memory for the traces).
    func write(to output: (String) -> Void) {
        let cells = [columns.map(\.title)] + rows.map { row in
            row.enumerated().map { index, raw in
                let cell = raw.visiblyEscaped
                guard let limit = columns[index].maxWidth else { return cell }
                return TextWidth.truncate(cell, to: limit)
            }
        }
        var widths = columns.map { _ in 0 }
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TextWidth.of(cell)) }
        }
        var chunk = ""
        for row in cells {
            var line = ""
            for (index, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - TextWidth.of(cell))
                if index > 0 { line += "  " }
                line += columns[index].alignment == .left ? cell + pad : pad + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            chunk += line + "\n"
            if chunk.utf8.count >= 1 << 16 {
                output(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { output(chunk) }
    }
}

/// Display width for plain-text output, in terminal columns (TerminalCore's `DisplayWidth`: CJK
/// and emoji take two, combining marks none), so tables align as the terminal draws them.
enum TextWidth {
    static func of(_ text: String) -> Int { DisplayWidth.of(text) }

    /// `text` cut to `width` with an ellipsis, never inside a visible escape (`\u{202E}` is kept
    /// whole or left out whole). O(n).
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        let room = max(0, width - 1)
        var end = text.startIndex
        var used = 0
        while end < text.endIndex {
            let next = VisibleEscapes.unitEnd(in: text, at: end)
            let w = DisplayWidth.of(text[end..<next])
            if used + w > room { break }
            used += w
            end = next
        }
        return String(text[..<end]) + "…"
    }
}
