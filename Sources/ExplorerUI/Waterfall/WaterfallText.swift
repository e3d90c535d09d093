import Foundation
import TerminalCore
import TraceWorkspace

/// A trace's waterfall as plain text: what `trex show` prints. The explorer's own view
/// (`WaterfallView`) draws it, every span expanded, into the cell buffer, so the command and the
/// explorer show one waterfall: the same header and findings line, tree guides, durations, bars
/// and markers. Untrusted text arrives visibly escaped, as the buffer draws it.
public enum WaterfallText {
    /// Calls `line` with each line: the header, the findings line, the ruler, then every span
    /// row. Each row is drawn into a one-row buffer, so a trace of any size prints in memory
    /// proportional to its width. O(spans × width).
    public static func write(_ subject: AnalysisSubject, width: Int, unicode: Bool, _ line: (String) -> Void) {
        var screen = WaterfallScreen(subject: subject, filter: nil)
        screen.rows.expandAll()
        let context = RenderContext(theme: .standard, colorMode: .none, glyphs: unicode ? .unicode : .ascii)
        let view = WaterfallView(screen: screen, context: context, printing: true)
        let width = max(60, width)

        // Backslashes doubled, so escapes read unambiguously in plain text (as the CLI prints);
        // the first column, a margin on screen, dropped.
        func printed(_ buffer: Buffer, _ y: Int) -> String {
            var text = buffer.lineText(y)
            if text.first == " " { text.removeFirst() }
            return unicode ? text : ASCIIStandIns.replacing(text)
        }
        func blank(height: Int) -> Buffer {
            var buffer = Buffer(size: Size(width: width, height: height))
            buffer.doublesBackslashes = true
            return buffer
        }
        // The header and the findings line whole, however long (names are not cut in print).
        let headerWidth = 8_192
        var header = Buffer(size: Size(width: headerWidth, height: 2))
        header.doublesBackslashes = true
        view.drawHeader(in: Rect(x: 0, y: 0, width: headerWidth, height: 2), into: &header)
        for y in 0..<2 {
            for piece in wrap(printed(header, y), width: width) { line(piece) }
        }

        let area = Rect(x: 0, y: 0, width: width, height: 1)
        let columns = WaterfallView.Columns(area: area)
        let axis = view.axis(columns)
        var row = blank(height: 1)
        view.drawRuler(axis, columns: columns, y: 0, area: area, into: &row)
        line(printed(row, 0))
        for position in screen.rows.visible {
            row = blank(height: 1)
            view.drawRow(position: Int(position), y: 0, selected: false, columns: columns, axis: axis, area: area, into: &row)
            line(printed(row, 0))
        }
    }

    /// A long header line (whole names, every finding) wrapped to `width` after its " · " and
    /// ", " separators, continuation lines indented; a piece with no separator stays whole.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width else { return [text] }
        var pieces: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: " · ") ?? rest.range(of: ", ") {
            pieces.append(String(rest[..<range.upperBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        var lines: [String] = []
        var current = ""
        for piece in pieces {
            if !current.isEmpty, DisplayWidth.of(current + piece) > width {
                lines.append(String(current.reversed().drop { $0 == " " }.reversed()))
                current = "  "
            }
            current += piece
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(current) }
        return lines
    }
}
