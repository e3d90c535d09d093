import TerminalCore

/// The detail pane's lines laid out as screen rows: a value with newlines (a stack trace, SQL)
/// gets one row per line of the value, and every line is wrapped within the value column, so
/// nothing is cut off. Continuation rows have no label and start under the value column.
///
/// The view draws these rows and the screen moves its cursor over them, so `y` and Enter act on
/// the line (the field) the cursor row belongs to, wherever in a wrapped value the cursor is.
struct SpanDetailRows {
    struct Row: Equatable {
        /// The index of the line in `SpanDetail.lines` this row shows (part of).
        var line: Int
        /// The label: the line's own on its first row, empty on continuation rows.
        var label: String
        /// The text in the value column (controls other than the line breaks stay in it; the
        /// buffer draws them as visible escapes).
        var value: Substring
        /// Whether this is the line's first row.
        var first: Bool
        /// The value spans the pane's whole width (an id too wide for the value column).
        var fullWidth = false
    }

    /// Rows one value may take; beyond them a last row says the rest is there for `y`.
    static let maxRowsPerValue = 2_000

    let rows: [Row]
    /// The first row of each line, and one past the end.
    private let starts: [Int]

    /// Lays out `detail` for a value column `valueWidth` columns wide. O(total length of the values
    /// shown, at most `maxRowsPerValue` rows each).
    /// Labels wider than `labelWidth` wrap over the line's rows (a long attribute key is shown
    /// whole).
    init(_ detail: SpanDetail, valueWidth: Int, labelWidth: Int = .max, innerWidth: Int = 0) {
        var rows: [Row] = []
        var starts: [Int] = []
        starts.reserveCapacity(detail.lines.count + 1)
        for (index, line) in detail.lines.enumerated() {
            starts.append(rows.count)
            switch line.kind {
            case .heading, .section:
                rows.append(Row(line: index, label: line.label, value: line.value[...], first: true))
            case .field, .text, .warning:
                let width = DisplayWidth.of(line.value)
                if line.whole, width > valueWidth, width <= innerWidth - 2 {
                    rows.append(Row(line: index, label: line.label, value: "", first: true))
                    rows.append(Row(line: index, label: "", value: line.value[...], first: false, fullWidth: true))
                    continue
                }
                let pieces = Self.layout(line.value, width: valueWidth)
                let labels = Self.chunks(line.label, width: labelWidth)
                for n in 0..<max(pieces.count, labels.count) {
                    rows.append(Row(line: index, label: n < labels.count ? labels[n] : "",
                                    value: n < pieces.count ? pieces[n] : "", first: n == 0))
                }
            }
        }
        starts.append(rows.count)
        self.rows = rows
        self.starts = starts
    }

    /// The rows of line `line` (empty when there is no such line).
    func rows(of line: Int) -> Range<Int> {
        guard line >= 0, line + 1 < starts.count else { return rows.endIndex..<rows.endIndex }
        return starts[line]..<starts[line + 1]
    }

    /// The row a cursor at (`line`, `offset` rows into it) stands on, clamped to the line's rows;
    /// the first row when there is no such line (the pane now shows a span with fewer lines).
    func row(line: Int, offset: Int) -> Int {
        let range = rows(of: line)
        guard !range.isEmpty else { return 0 }
        return range.lowerBound + max(0, min(offset, range.count - 1))
    }

    /// The detail pane's value column width for a pane `paneWidth` columns wide (border included).
    static func valueWidth(paneWidth: Int, longestLabel: Int = 14) -> Int {
        let inner = max(0, paneWidth - 2)
        return max(4, inner - labelWidth(innerWidth: inner, longestLabel: longestLabel) - 3)
    }

    /// The label column width for a pane whose inside is `innerWidth` columns: as wide as the
    /// longest label (`messaging.kafka.consumer.group`, `broken-propagation`), at most half the
    /// pane (a longer label wraps), at least 8.
    static func labelWidth(innerWidth: Int, longestLabel: Int = 14) -> Int {
        min(max(8, longestLabel), max(8, innerWidth / 2))
    }

    /// A label cut into pieces of at most `width` columns (one piece when it fits).
    static func chunks(_ text: String, width: Int) -> [String] {
        guard width < Int.max, DisplayWidth.of(text) > width, width > 0 else { return [text] }
        var out: [String] = []
        var current = ""
        var used = 0
        for c in text {
            let w = VisibleEscapes.visibleWidth(c) ?? DisplayWidth.of(c)
            if used + w > width, !current.isEmpty { out.append(current); current = ""; used = 0 }
            current.append(c)
            used += w
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    // MARK: - Layout

    /// `text` cut at its line breaks (LF, CR LF) and each line wrapped to `width` columns,
    /// preferring to break after a space. An empty line stays an empty row.
    static func layout(_ text: String, width: Int) -> [Substring] {
        var pieces: [Substring] = []
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r\n" {
                guard wrap(text[lineStart..<index], width: width, into: &pieces) else { return pieces }
                lineStart = text.index(after: index)
            }
            index = text.index(after: index)
        }
        _ = wrap(text[lineStart...], width: width, into: &pieces)
        return pieces
    }

    /// Appends `line` wrapped to `width` columns; false (after a last "…" row) once the value has
    /// `maxRowsPerValue` rows. O(length of line).
    private static func wrap(_ line: Substring, width: Int, into pieces: inout [Substring]) -> Bool {
        var start = line.startIndex
        var used = 0
        var lastSpace: String.Index?
        var index = line.startIndex
        while index < line.endIndex {
            let w = DisplayWidth.of(line[index])
            // Break after the last space on this row when there is one, else before this character
            // (twice when what follows the space is still too wide with this character).
            while used + w > width, index > start {
                let end = lastSpace.map { line.index(after: $0) } ?? index
                guard append(line[start..<end], to: &pieces) else { return false }
                start = end
                used = DisplayWidth.of(line[start..<index])
                lastSpace = nil
            }
            if line[index] == " " { lastSpace = index }
            used += w
            index = line.index(after: index)
        }
        return append(line[start...], to: &pieces)
    }

    /// Appends one row unless the value already has its maximum; then appends the "…" row instead.
    private static func append(_ piece: Substring, to pieces: inout [Substring]) -> Bool {
        if pieces.count == maxRowsPerValue - 1 {
            pieces.append("… (more: y copies the whole value)")
            return false
        }
        pieces.append(piece)
        return true
    }
}
