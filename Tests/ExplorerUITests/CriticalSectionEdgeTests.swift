import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// A critical section that reaches an end of its bar inside a cell leaves the rest of that
/// cell to the row's background, not the bar's colour (which would draw the span longer).
@Suite struct CriticalSectionEdgeTests {
    @Test func theCellsWhereASectionReachesAPartialEndOfTheBar() {
        // Bar from 2.5 to 7.25: both ends inside cells (2 and 7).
        #expect(WaterfallView.barEdgeCells(section: (2.5, 7.25), bar: (2.5, 7.25), width: 20) == [2, 7])
        #expect(WaterfallView.barEdgeCells(section: (4, 7.25), bar: (2.5, 7.25), width: 20) == [7])
        #expect(WaterfallView.barEdgeCells(section: (2.5, 5), bar: (2.5, 7.25), width: 20) == [2])
        #expect(WaterfallView.barEdgeCells(section: (3, 6), bar: (2.5, 7.25), width: 20).isEmpty)
        // Ends on cell boundaries: nothing to clear.
        #expect(WaterfallView.barEdgeCells(section: (2, 7), bar: (2, 7), width: 20).isEmpty)
        // A bar within one cell.
        #expect(WaterfallView.barEdgeCells(section: (3.25, 3.5), bar: (3.25, 3.5), width: 20) == [3])
        #expect(WaterfallView.barEdgeCells(section: (.nan, 1), bar: (0, 1), width: 20).isEmpty)
    }

    @Test func onScreenAPartlyCoveredLastCellShowsTheRowBackground() throws {
        // The child is the whole critical path below the root up to 333 of 1000: its bar ends
        // inside a cell at most widths, and its critical section reaches that end.
        var f = TraceFixture(unitNanos: 1_000_000)
        f.span("root", service: "web", name: "GET /", start: 0, end: 1_000, kind: .server)
        f.span("child", parent: "root", service: "db", name: "query", start: 0, end: 333, kind: .client)
        var partial = 0
        for width in 120..<132 {
            let h = ExplorerHarness(table: f.build(), width: width)
            h.press(.enter)   // the root stays selected: the child's row is drawn unselected
            let context = RenderContext(theme: .standard, capabilities: h.capabilities)
            let buffer = h.frame.buffer
            let y = try #require((0..<buffer.size.height).first { buffer.lineText($0).contains("query") })
            let blocks = (0..<width).filter { "▏▎▍▌▋▊▉█".contains(buffer[$0, y].character) }
            let last = buffer[try #require(blocks.last), y]
            #expect(last.style.foreground == context.style(.critical).foreground, "the section reaches the end")
            guard last.character != "█" else { continue }
            partial += 1
            #expect(last.style.background != context.service("db").foreground,
                    "width \(width): the bar's colour drawn past the span's end")
        }
        #expect(partial > 0)
    }
}
