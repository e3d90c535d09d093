import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The statistics screen in the cell grid: `T` from the list and from a waterfall, the columns
/// `trex stats` has, sorting, self time, per service, Enter listing the row's traces slowest
/// first; golden screens at 80x24 and 160x50.
@Suite struct StatisticsScreenTests {
    @Test func perOperationWithTheColumnsOfTrexStats() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 160, height: 50)
        h.press(.char("T"))
        let screen = h.screen
        #expect(screen.contains("COUNT▼") && screen.contains("P99") && screen.contains("ERR%"), "\(screen)")
        let charge = try #require(h.line(containing: "charge"))
        #expect(charge.contains("payment") && charge.contains("100.0%") && charge.contains("400ms"), "\(charge)")
        #expect(screen.contains("Statistics · 9 operations · duration · sorted by COUNT"), "\(screen)")
        try GoldenScreen.check(screen, named: "statistics-160x50")
    }

    @Test func sortSelfTimeAndPerService() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 80, height: 24)
        h.press(.char("T"))
        try GoldenScreen.check(h.screen, named: "statistics-80x24")
        h.press(.char("s"), .char("s"), .char("s"), .char("s"), .char("s"))   // count, err, p50, p90, p95, p99
        #expect(h.screen.contains("P99▼"), "\(h.screen)")
        let first = try #require(h.app.statistics?.rows.first)
        #expect(first.operation == "GET_/checkout", "the slowest p99 first")
        h.press(.char("S"))
        #expect(h.screen.contains("P99▲"))
        h.press(.char("t"))
        #expect(h.screen.contains("SELF P99"), "\(h.screen)")
        #expect(h.app.statistics?.rows.last?.operation == "stripe.call", "the most self time last when ascending")
        h.press(.tab)
        #expect(h.screen.contains("Statistics · 6 services"), "\(h.screen)")
        #expect(!h.screen.contains("OPERATION"))
    }

    @Test func enterListsTheRowsTracesSlowestFirst() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 40)
        h.press(.char("T"))
        while h.app.statistics?.rows[h.app.statistics!.cursor.selected].operation != "verify" { h.press(.char("j")) }
        h.press(.enter)
        #expect(h.app.statistics == nil)
        #expect(h.screen.contains("1 span in 1 trace matches."), "\(h.screen)")
        #expect(h.screen.contains("POST_/login") && !h.screen.contains("GET_/checkout"))
        #expect(h.app.sortColumn == .duration)
    }

    @Test func fromAWaterfallAndBack() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 40)
        h.press(.enter)
        h.press(.char("T"))
        #expect(h.screen.contains("Statistics ·"))
        h.press(.char("q"))
        #expect(h.app.statistics == nil && h.app.traceScreen != nil)
    }
}
