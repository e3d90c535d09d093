import Testing
@testable import TerminalCore

@Suite("Rectangles and layout")
struct LayoutTests {
    @Test("Vertical split with a header, a fill and a status line")
    func vertical() {
        let parts = Rect(x: 0, y: 0, width: 80, height: 24).split(.vertical, [.length(1), .fill(1), .length(1)])
        #expect(parts == [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    @Test("Horizontal split by percentage and weights, with spacing")
    func horizontal() {
        let parts = Rect(x: 0, y: 0, width: 101, height: 5).split(.horizontal, [.percentage(40), .fill(1), .fill(2)], spacing: 1)
        #expect(parts.map(\.width) == [39, 20, 40])
        #expect(parts.map(\.x) == [0, 40, 61])
    }

    @Test("Fixed parts are cut from the end when there is no room")
    func overflow() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(.horizontal, [.length(6), .length(6), .min(3)])
        #expect(parts.map(\.width) == [6, 4, 0])
    }

    @Test("min gets its floor and a share of the rest")
    func minimum() {
        let parts = Rect(x: 0, y: 0, width: 30, height: 1).split(.horizontal, [.min(10), .fill(1)])
        #expect(parts.map(\.width) == [20, 10])
    }

    @Test("Margins, rows, splits and centring")
    func helpers() {
        let r = Rect(x: 2, y: 3, width: 20, height: 10)
        #expect(r.inset(by: Margin(all: 1)) == Rect(x: 3, y: 4, width: 18, height: 8))
        #expect(r.inset(by: Margin(horizontal: 11, vertical: 0)).isEmpty)
        #expect(r.row(2) == Rect(x: 2, y: 5, width: 20, height: 1))
        #expect(r.row(10).isEmpty)
        #expect(r.splitBottom(1).bottom == Rect(x: 2, y: 12, width: 20, height: 1))
        #expect(r.splitLeft(5).rest == Rect(x: 7, y: 3, width: 15, height: 10))
        #expect(r.centered(Size(width: 10, height: 2)) == Rect(x: 7, y: 7, width: 10, height: 2))
        #expect(r.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 3, height: 2))
        #expect(r.contains(Point(x: 2, y: 3)))
        #expect(!r.contains(Point(x: 22, y: 3)))
    }
}
