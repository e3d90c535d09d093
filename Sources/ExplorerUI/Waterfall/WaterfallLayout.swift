import TerminalCore

/// Where the waterfall's parts go in the screen's area: header lines, the span rows, and the
/// detail pane (to the right on wide terminals, below on tall ones, full screen otherwise).
struct WaterfallLayout {
    static let headerRows = 3

    let header: Rect
    let spans: Rect
    let detail: Rect?

    init(area: Rect, detailOpen: Bool) {
        let (header, body) = area.splitTop(min(Self.headerRows, area.height))
        self.header = header
        guard detailOpen else {
            spans = body
            detail = nil
            return
        }
        if body.width >= 150 {
            let (left, right) = body.splitRight(max(50, body.width * 38 / 100))
            spans = left
            detail = right
        } else if body.height >= 30 {
            let (top, bottom) = body.splitBottom(body.height * 45 / 100)
            spans = top
            detail = bottom
        } else {
            spans = Rect(x: body.x, y: body.y, width: body.width, height: 0)
            detail = body
        }
    }

    /// Span rows on screen (the first row of `spans` is the ruler).
    var pageRows: Int { max(1, spans.height - 1) }

    /// Where a panel goes: over the span rows, or over the whole `area` when they are few.
    func panelArea(in area: Rect) -> Rect { spans.height > 3 ? spans : area }

    /// The index (into the visible rows) of the span row drawn at `point`, given the first row
    /// shown; nil off the span rows.
    func spanRow(at point: Point, offset: Int) -> Int? {
        guard spans.contains(point), point.y > spans.y else { return nil }
        return offset + point.y - spans.y - 1
    }
}
