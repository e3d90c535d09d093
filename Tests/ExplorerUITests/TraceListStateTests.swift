import Testing
import TraceModel
import TestSupport
@testable import ExplorerUI

@Suite struct ListCursorTests {
    @Test func movesStayInRangeAndKeepTheSelectionOnScreen() {
        var c = ListCursor(count: 100, page: 10)
        c.move(by: 15)
        #expect(c.selected == 15)
        #expect(c.offset == 6)
        c.pageDown()
        #expect(c.selected == 24)
        c.end()
        #expect(c.selected == 99)
        #expect(c.offset == 90)
        c.move(by: 5)
        #expect(c.selected == 99)
        c.home()
        #expect(c.selected == 0 && c.offset == 0)
        c.move(by: -3)
        #expect(c.selected == 0)
        c.halfPageDown()
        #expect(c.selected == 5)
    }

    @Test func shrinkingTheListOrThePageClamps() {
        var c = ListCursor(count: 50, page: 10)
        c.end()
        c.count = 20
        #expect(c.selected == 19)
        #expect(c.offset == 10)
        c.page = 5
        #expect(c.offset == 15)
        c.count = 0
        #expect(c.selected == 0 && c.offset == 0)
    }
}

@Suite struct TraceListStateTests {
    private func catalog() -> (SpanTable, [TraceSummary]) {
        var f = TraceFixture(trace: "slow")
        f.span("a", service: "checkout", start: 0, end: 900)
        f.inTrace("fast")
        f.span("b", service: "auth", start: 100, end: 110, status: .error)
        f.inTrace("mid")
        f.span("c", service: "billing", start: 50, end: 300)
        let table = f.build()
        return (table, table.traces.indices.map { TraceSummary(table.trace(at: $0)) })
    }

    private func services(_ state: TraceListState, _ table: SpanTable, _ summaries: [TraceSummary]) -> [String] {
        state.rows.map { table.strings[summaries[$0].rootService] }
    }

    @Test func sortsByEachColumnAndKeepsTheSelection() {
        let (table, summaries) = catalog()
        var state = TraceListState(traceCount: summaries.count)
        state.setSort(TraceListSort(column: .start, descending: false), summaries: summaries, strings: table.strings)
        #expect(services(state, table, summaries) == ["checkout", "billing", "auth"])
        state.cursor.select(2)
        state.setSort(TraceListSort(column: .duration, descending: true), summaries: summaries, strings: table.strings)
        #expect(services(state, table, summaries) == ["checkout", "billing", "auth"])
        state.setSort(TraceListSort(column: .service, descending: false), summaries: summaries, strings: table.strings)
        #expect(services(state, table, summaries) == ["auth", "billing", "checkout"])
        #expect(table.strings[summaries[state.selectedTrace!].rootService] == "auth")
        state.setSort(state.sort.reversed, summaries: summaries, strings: table.strings)
        #expect(services(state, table, summaries) == ["checkout", "billing", "auth"])
    }

    @Test func sortCycleVisitsEveryColumnAndMatchesOnlyWhenFiltered() {
        var sort = TraceListSort()
        var seen: [TraceListSort.Column] = []
        for _ in 0..<7 { sort = sort.next(filterActive: false); seen.append(sort.column) }
        #expect(Set(seen).count == 7)
        #expect(!seen.contains(.matches))
        #expect(TraceListSort(column: .services).next(filterActive: true).column == .matches)
    }

    @Test func filteringShowsOnlyMatchesAndClearingRestoresAll() {
        let (table, summaries) = catalog()
        var state = TraceListState(traceCount: summaries.count)
        let auth = state.rows.first { table.strings[summaries[$0].rootService] == "auth" }!
        state.applyFilter("status = error", matches: [auth: 1], summaries: summaries, strings: table.strings)
        #expect(state.rows == [auth])
        #expect(state.isFiltered)
        state.clearFilter(summaries: summaries, strings: table.strings)
        #expect(state.rows.count == 3)
        #expect(!state.isFiltered)
        #expect(state.selectedTrace == auth)
    }
}

@Suite struct FilterHistoryTests {
    @Test func recordsDeduplicatesPersistsAndRecalls() throws {
        let dir = "/tmp/trex-history-test-\(UInt32.random(in: 0...UInt32.max))"
        let path = dir + "/nested/history"
        var history = FilterHistory(path: path)
        history.record("duration > 5s")
        history.record("  status = error ")
        history.record("duration > 5s")
        history.record("")
        #expect(history.entries == ["status = error", "duration > 5s"])
        let reloaded = FilterHistory(path: path)
        #expect(reloaded.entries == ["status = error", "duration > 5s"])

        var cursor = HistoryCursor(entries: reloaded.entries, draft: "ser")
        #expect(cursor.older() == "duration > 5s")
        #expect(cursor.older() == "status = error")
        #expect(cursor.older() == nil)
        #expect(cursor.newer() == "duration > 5s")
        #expect(cursor.newer() == "ser")
        #expect(cursor.newer() == nil)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(FilterHistory.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/trex/history")
        #expect(FilterHistory.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/trex/history")
        #expect(FilterHistory.defaultPath(environment: [:]) == nil)
    }
}
