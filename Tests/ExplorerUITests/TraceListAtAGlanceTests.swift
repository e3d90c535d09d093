import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The trace list's first line, its number columns, sorting, the reopened filter and `#`.
@Suite struct TraceListAtAGlanceTests {
    @Test func theFirstLineSummarisesTheLoadedSet() {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140)
        let first = h.screen.split(separator: "\n", omittingEmptySubsequences: false)[0]
        #expect(first.contains("2 traces · 9 spans · 2 with errors (100%)"), "\(first)")
        #expect(first.contains("p50 120ms p95 620ms p99 620ms"), "\(first)")
        #expect(first.contains("2023-11-14 22:13:20 – 22:13:20 UTC"), "\(first)")
    }

    @Test func numberColumnsNeverCutACount() {
        // One trace of 200,000 spans: its count is shown whole even on a narrow screen.
        var f = TraceFixture(unitNanos: 1_000)
        f.inTrace("wide")
        f.span("root", service: "api", start: 0, end: 300_000, kind: .server)
        for i in 0..<199_999 { f.span("c\(i)", parent: "root", service: "api", name: "work", start: Int64(i), end: Int64(i + 1)) }
        let h = ExplorerHarness(table: f.build(), width: 80)
        #expect(h.line(containing: "200,000") != nil, "\(h.screen)")
    }

    @Test func theSortedColumnAlwaysShowsItsMarkerAndLongDurationsAreWhole() {
        var f = TraceFixture(unitNanos: 1_000_000)
        f.inTrace("long")
        f.span("root", service: "api", start: 0, end: 1_485_466_000_000, kind: .server)   // 412,629 h
        f.inTrace("short")
        f.span("r2", service: "api", start: 0, end: 5, kind: .server)
        let h = ExplorerHarness(table: f.build(), width: 100)
        #expect(h.line(containing: "412629h")?.contains("412629h26m") == true, "\(h.screen)")
        for title in ["SPANS", "ERR", "DURATION"] {
            while h.line(containing: title + "▼") == nil && h.line(containing: title + "▲") == nil { h.press(.char("s")) }
            #expect(h.screen.split(separator: "\n")[2].contains(title + "▼") || h.screen.contains(title + "▲"), "\(title)")
        }
    }

    @Test func aSortSelectsTheFirstRow() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("j"))
        #expect(h.screen.contains("[2/2]"))
        h.press(.char("s"))
        #expect(h.screen.contains("[1/2]"))
        h.press(.char("S"))
        #expect(h.screen.contains("[1/2]"))
    }

    @Test func slashReopensTheFilterWithItsTextSelectedSoTypingReplacesIt() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("/"))
        h.type("status = error")
        h.press(.enter)
        h.press(.char("/"))
        #expect(h.app.filterBar?.editor.selectedAll == true)
        h.type("name = \"verify\"")
        #expect(h.app.filterBar?.editor.string == "name = \"verify\"")
        h.press(.escape, .char("/"), .left)   // a movement keeps the text and drops the selection
        #expect(h.app.filterBar?.editor.string == "status = error")
        #expect(h.app.filterBar?.editor.selectedAll == false)
        h.press(.escape, .char("/"), .backspace)
        #expect(h.app.filterBar?.editor.string == "")
    }

    @Test func hashGoesToATraceByAnyPrefixOfItsID() {
        let table = SampleTraces.table()
        let login = StableHash.traceID(for: "login")
        let h = ExplorerHarness(table: table)
        let loginRow = h.screen.split(separator: "\n").firstIndex { $0.contains("POST_/login") }!
        h.press(loginRow == 3 ? .char("G") : .char("g"))   // the other trace selected first
        let selection = RenderContext(theme: .standard, capabilities: h.capabilities).style(.selection)
        #expect(h.frame.buffer[5, loginRow].style.background != selection.background)
        h.press(.char("#"))
        #expect(h.screen.contains("go to trace id:"))
        h.type(String(login.shownHex.prefix(6)))
        h.press(.enter)
        #expect(h.app.filterBar == nil)
        #expect(h.frame.buffer[5, loginRow].style.background == selection.background)
        h.press(.char("#"))
        h.type("zzzz")
        h.press(.enter)
        #expect(h.screen.contains("No trace id starts with zzzz."))
    }
}
