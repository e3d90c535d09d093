/// The detail pane's state: whether it has the keys, and which of its lines is selected.
struct SpanDetailState: Sendable, Hashable {
    var focused = false
    var selected = 0

    mutating func select(_ line: Int, count: Int) {
        selected = max(0, min(line, count - 1))
    }
}
