/// The detail pane's state: whether it has the keys, which of its lines is selected, and which
/// row of that line the cursor is on (a wrapped or multi-line value takes several rows).
struct SpanDetailState: Sendable, Hashable {
    var focused = false
    var selected = 0
    /// Rows into the selected line (0: its first row).
    var offset = 0

    /// Back to the first row (another span is shown).
    mutating func toTop() {
        selected = 0
        offset = 0
    }

    mutating func select(_ line: Int, count: Int) {
        selected = max(0, min(line, count - 1))
        offset = 0
    }

    /// Moves the cursor `steps` rows down (negative: up) over `rows`, crossing from line to line.
    mutating func move(_ steps: Int, over rows: SpanDetailRows) {
        guard !rows.rows.isEmpty else { return }
        let current = rows.row(line: selected, offset: offset)
        let target = max(0, min(rows.rows.count - 1, current + steps))
        selected = rows.rows[target].line
        offset = target - rows.rows(of: selected).lowerBound
    }
}
