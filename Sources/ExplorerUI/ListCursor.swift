/// A selection and scroll offset over a list of `count` rows shown `page` rows at a time
/// (ratatui's `ListState`). Every move keeps the selection on screen.
public struct ListCursor: Sendable, Hashable {
    public private(set) var selected = 0
    public private(set) var offset = 0
    public var count = 0 { didSet { clamp() } }
    /// Rows visible at once; set by the view on every draw.
    public var page = 1 { didSet { clamp() } }

    public init(count: Int = 0, page: Int = 1) {
        self.count = count
        self.page = max(1, page)
    }

    public mutating func select(_ index: Int) {
        selected = index
        clamp()
    }

    /// Selects `index` shown at screen row `row` (as far as the list allows): a selection that
    /// stays where it was on screen while rows arrive around it.
    public mutating func select(_ index: Int, atScreenRow row: Int) {
        selected = index
        offset = index - max(0, row)
        clamp()
    }

    public mutating func move(by delta: Int) { select(selected + delta) }
    public mutating func pageDown() { select(selected + max(1, page - 1)) }
    public mutating func pageUp() { select(selected - max(1, page - 1)) }
    public mutating func halfPageDown() { select(selected + max(1, page / 2)) }
    public mutating func halfPageUp() { select(selected - max(1, page / 2)) }
    public mutating func home() { select(0) }
    public mutating func end() { select(count - 1) }

    private mutating func clamp() {
        if page < 1 { page = 1 }
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
        offset = max(0, min(offset, max(0, count - page)))
    }
}
