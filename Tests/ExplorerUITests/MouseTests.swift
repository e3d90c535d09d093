import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The mouse in the cell grid: the wheel scrolls what has the keys, a click selects, a double
/// click opens a trace, folds a span or opens a leaf's detail, and jumps to a panel's entry.
@Suite struct MouseTests {
    func click(_ h: ExplorerHarness, x: Int = 10, y: Int, double: Bool = false) {
        _ = h.app.handle(.input(.mouse(MouseEvent(.click, at: Point(x: x, y: y)))))
        if double { _ = h.app.handle(.input(.mouse(MouseEvent(.doubleClick, at: Point(x: x, y: y))))) }
    }

    func wheel(_ h: ExplorerHarness, down: Bool, notches: Int = 1) {
        for _ in 0..<notches {
            _ = h.app.handle(.input(.mouse(MouseEvent(down ? .wheelDown : .wheelUp, at: Point(x: 5, y: 5)))))
        }
    }

    /// Forty one-span traces.
    static func many() -> SpanTable {
        var f = TraceFixture(unitNanos: 1_000_000)
        for i in 0..<40 {
            f.inTrace("t\(i)")
            f.span("r\(i)", service: "web", name: "GET /\(i)", start: Int64(i * 10), end: Int64(i * 10 + 5), kind: .server)
        }
        return f.build()
    }

    @Test func inTheListAClickSelectsTheRowAndTheWheelMovesThree() {
        let h = ExplorerHarness(table: Self.many(), width: 120, height: 20)
        click(h, y: 7)   // rows start at y = 3 (under the overview, the p95 line, the titles): the fifth trace
        #expect(h.screen.contains("[5/40]"), "\(h.screen)")
        wheel(h, down: true, notches: 2)
        #expect(h.screen.contains("[11/40]"))
        wheel(h, down: false)
        #expect(h.screen.contains("[8/40]"))
        // Clicks off the rows (the overview, the p95 line, the column titles) do nothing.
        click(h, y: 0)
        click(h, y: 1)
        click(h, y: 2)
        #expect(h.screen.contains("[8/40]"))
    }

    @Test func aClickOnAScrolledListSelectsTheRowUnderIt() {
        let h = ExplorerHarness(table: Self.many(), width: 120, height: 20)
        h.press(.char("G"))
        click(h, y: 3)   // the first row on screen: 15 rows a page, the 26th of 40
        let line = h.frame.buffer.lineText(3)
        let position = h.screen.range(of: #"\[\d+/40\]"#, options: .regularExpression).map { String(h.screen[$0]) }
        #expect(position == "[26/40]", "\(line)")
        #expect(line.contains("GET /25"))
    }

    @Test func overAViewAClickSelectsNothingBeneathAndTheWheelScrollsIt() {
        let h = ExplorerHarness(table: Self.many(), width: 120, height: 20)
        for key in [Key.char("T"), .char("I"), .char("P")] {
            h.press(key)
            click(h, y: 7, double: true)
            #expect(h.app.traceScreen == nil, "a double click over \(key) opens nothing")
            h.press(.escape)
            #expect(h.screen.contains("[1/40]"), "the list's selection is where it was: \(h.screen)")
        }
        h.press(.char("T"))
        wheel(h, down: true)
        #expect(h.app.statistics?.cursor.selected == 3, "a notch moves the view's own rows three")
    }

    @Test func aDoubleClickOpensTheTrace() {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140)
        let row = h.screen.split(separator: "\n").firstIndex { $0.contains("POST_/login") }!
        click(h, y: row, double: true)
        #expect(h.app.traceScreen?.trace.id == StableHash.traceID(for: "login"))
    }

    @Test func inTheWaterfallClicksSelectAndADoubleClickFoldsOrOpensTheDetail() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140)
        let row = h.screen.split(separator: "\n").firstIndex { $0.contains("GET_/checkout") }!
        click(h, y: row, double: true)
        let screen = try #require(h.app.traceScreen)
        #expect(screen.rows.count == 7)
        // The header takes three rows, then the ruler: the first span row is y = 4.
        click(h, y: 6)   // the third row: POST_/orders, which has children
        #expect(h.app.traceScreen?.cursor.selected == 2)
        click(h, y: 6, double: true)
        #expect(h.app.traceScreen?.rows.count == 4, "folded: \(h.screen)")
        click(h, y: 6, double: true)
        #expect(h.app.traceScreen?.rows.count == 7)
        #expect(h.app.traceScreen?.detail == nil)
        click(h, y: 5, double: true)   // cart.get, a leaf: its detail opens
        #expect(h.app.traceScreen?.detail != nil)
        #expect(h.app.traceScreen?.cursor.selected == 1)
        wheel(h, down: true)
        #expect(h.app.traceScreen?.cursor.selected == 4)
    }

    @Test func inAPanelAClickSelectsAnEntryAndADoubleClickJumpsToItsSpan() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140)
        let row = h.screen.split(separator: "\n").firstIndex { $0.contains("GET_/checkout") }!
        click(h, y: row, double: true)
        let before = h.app.traceScreen?.selectedSpan
        h.press(.char("t"))   // critical time by span
        let panel = try #require(h.app.traceScreen?.panel)
        // An entry whose span is not the one selected now, and not the panel's first.
        let target = try #require(panel.entries.indices.dropFirst().first { panel.entries[$0].span.map { $0 != before } ?? false })
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(lines.firstIndex { $0.contains(panel.entries[target].text.prefix(20)) })
        click(h, y: y)
        #expect(h.app.traceScreen?.panel?.cursor.selected == target)
        click(h, y: y, double: true)
        #expect(h.app.traceScreen?.panel == nil)
        #expect(h.app.traceScreen?.selectedSpan == panel.entries[target].span)
        // The jump can be undone.
        h.press(.escape)
        #expect(h.app.traceScreen?.selectedSpan == before)
    }

    @Test func overTheHelpTheWheelScrollsAndAClickOutsideCloses() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140, height: 24)
        h.press(.char("?"))
        wheel(h, down: true, notches: 2)
        #expect(h.app.help?.scroll == 6)
        let box = try #require(h.app.help?.box(in: h.app.mainArea))
        click(h, x: box.x + 3, y: box.y + 2)   // inside: text to read
        #expect(h.app.help != nil)
        #expect(box.x > 0)
        click(h, x: 0, y: 3)                   // outside
        #expect(h.app.help == nil)
    }

    @Test func theHelpNamesTheMouse() {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140, height: 80)
        h.press(.char("?"))
        #expect(h.screen.contains("Mouse (off with --no-mouse)"))
        #expect(h.line(containing: "double click")?.contains("open a trace, fold a span") == true)
    }

    @Test func aClickOutsideAPanelClosesIt() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140)
        let row = h.screen.split(separator: "\n").firstIndex { $0.contains("GET_/checkout") }!
        click(h, y: row, double: true)
        h.press(.char("d"))
        #expect(h.app.traceScreen?.panel != nil)
        click(h, x: 0, y: 38)
        #expect(h.app.traceScreen?.panel == nil)
    }

    @Test func theWheelScrollsThePaneUnderThePointerAndAnotherSpansDetailStartsAtItsTop() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 160, height: 40)
        let row = h.screen.split(separator: "\n").firstIndex { $0.contains("GET_/checkout") }!
        click(h, y: row, double: true)
        h.press(.tab)   // the detail pane, to the right at this width, not focused
        let pane = try #require(WaterfallLayout(area: h.app.mainArea, detailOpen: true).detail)
        let selected = h.app.traceScreen?.cursor.selected
        _ = h.app.handle(.input(.mouse(MouseEvent(.wheelDown, at: Point(x: pane.x + 5, y: pane.y + 5)))))
        #expect(h.app.traceScreen?.cursor.selected == selected, "the span rows did not move")
        #expect(h.app.traceScreen?.detail?.focused == true)
        #expect((h.app.traceScreen?.detail?.selected ?? 0) > 0, "the pane scrolled")
        // Over the span rows the wheel moves the selection, and the new span's detail starts at the top.
        _ = h.app.handle(.input(.mouse(MouseEvent(.wheelDown, at: Point(x: 5, y: 6)))))
        #expect(h.app.traceScreen?.cursor.selected != selected)
        #expect(h.app.traceScreen?.detail?.selected == 0)
        #expect(h.app.traceScreen?.detail?.focused == false)
    }

    @Test func withTheFilterBarOpenTheMouseDoesNothing() {
        let h = ExplorerHarness(table: Self.many(), width: 120, height: 20)
        h.press(.char("/"))
        click(h, y: 8)
        wheel(h, down: true)
        #expect(h.app.filterBar != nil)
        h.press(.escape)
        #expect(h.screen.contains("[1/40]"))
    }
}
