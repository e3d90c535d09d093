import TerminalCore

/// Where the chart's legend puts each series' label: left to right, two columns apart, over as
/// many rows as it has; a label wider than a row is cut with an ellipsis. When the series do
/// not all fit, the last row ends with `+N more`.
///
/// Widths are display widths (`DisplayWidth`), in which a control character counts as its
/// visible escape, so labels from trace data lay out exactly as `Buffer` draws them. Only the
/// labels that are placed are read. O(placed labels' length).
struct MetricsLegend: Sendable, Equatable {
    /// A label placed on `row` at column `x`, cut to fit.
    struct Entry: Sendable, Equatable {
        let series: Int
        let row: Int
        let x: Int
        let text: String
    }

    static let gap = 2

    private(set) var entries: [Entry] = []
    /// The `+N more` text and where it goes, when some series are left out.
    private(set) var more: Entry?
    /// The rows used.
    private(set) var rows = 0

    /// Lays out `count` labels (`label(i)` for series `i`) in `rows` rows of `width` columns.
    init(count: Int, width: Int, rows maxRows: Int, ellipsis: String, label: (Int) -> String) {
        guard count > 0, width > 0, maxRows > 0 else { return }
        var row = 0, x = 0, i = 0
        while i < count {
            let text = label(i)
            let left = count - i - 1
            let lastRow = row == maxRows - 1
            let reserve = lastRow && left > 0 ? Self.gap + Self.moreText(left).displayWidth : 0
            let start = x == 0 ? 0 : x + Self.gap
            // Measure no further than the row: a label may be very long.
            let measured = text.prefix(fittingWidth: width + 1)
            let whole = measured.text.endIndex == text.endIndex
            if whole, start + measured.width + reserve <= width {
                place(i, row: row, x: start, text: text)
                x = start + measured.width
                i += 1
            } else if x == 0, width - reserve >= 4 {
                let cut = text.truncated(toWidth: width - reserve, ellipsis: ellipsis)
                place(i, row: row, x: 0, text: cut)
                x = cut.displayWidth
                i += 1
                if !lastRow { row += 1; x = 0 }
            } else if !lastRow {
                row += 1
                x = 0
            } else {
                break
            }
        }
        if i < count {
            let start = x == 0 ? 0 : x + Self.gap
            more = Entry(series: -1, row: row, x: start, text: Self.moreText(count - i))
            rows = row + 1
        }
    }

    /// `+3 more`.
    static func moreText(_ n: Int) -> String { "+\(n) more" }

    private mutating func place(_ series: Int, row: Int, x: Int, text: String) {
        entries.append(Entry(series: series, row: row, x: x, text: text))
        rows = max(rows, row + 1)
    }
}
