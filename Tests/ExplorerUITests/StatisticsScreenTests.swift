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

/// The statistics' two windows: `c` the halves, `w` windows written at a prompt; regressions
/// marked and first; the share of critical time.
@Suite struct StatisticsComparisonScreenTests {
    /// 400 checkouts a minute apart (7 hours); in the second half the database call takes 60%
    /// longer and the cache lookup half as long; the payment call is unchanged.
    static let table: SpanTable = {
        var f = TraceFixture()
        for i in 0..<400 {
            f.inTrace("checkout-\(i)")
            let t0 = Int64(i) * 60_000
            let later = i >= 200
            let jitter = Int64((i * 37) % 11)   // 0...10 ms, the same in both halves
            let db = (later ? 48 : 30) + jitter
            let cache = (later ? 5 : 10) + jitter / 2
            f.span("r\(i)", service: "web", name: "GET /checkout", start: t0, end: t0 + 120 + db, kind: .server)
            f.span("c\(i)", parent: "r\(i)", service: "redis", name: "GET cart", start: t0 + 1, end: t0 + 1 + cache, kind: .client)
            f.span("d\(i)", parent: "r\(i)", service: "postgres", name: "SELECT orders", start: t0 + 20, end: t0 + 20 + db,
                   kind: .client, status: i % 50 == 0 ? .error : .unset)
            f.span("p\(i)", parent: "r\(i)", service: "payment", name: "charge", start: t0 + 60 + db, end: t0 + 110 + db + jitter / 3,
                   kind: .client)
        }
        return f.build()
    }()

    @Test func theHalvesComparedWithRegressionsFirst() throws {
        let h = ExplorerHarness(table: Self.table, width: 160, height: 50)
        h.press(.char("T"))
        #expect(h.screen.contains("CRIT%"), "\(h.screen)")
        h.press(.char("c"))
        let screen = h.screen
        #expect(screen.contains("first half → second half (200 → 200 traces)"), "\(screen)")
        #expect(screen.contains("P50 B Δ") && screen.contains("Statistics · 2 operations regressed"), "\(screen)")
        let rows = try #require(h.app.statistics?.comparedRows)
        #expect(rows.prefix(2).map { $0.operation ?? "" }.sorted() == ["GET /checkout", "SELECT orders"])
        let db = try #require(h.line(containing: "SELECT orders"))
        #expect(db.contains("+5") && db.contains("▲"), "\(db)")
        let cache = try #require(h.line(containing: "GET cart"))
        #expect(cache.contains("▼"), "\(cache)")
        let charge = try #require(h.line(containing: "charge"))
        #expect(!charge.contains("▲") && !charge.contains("▼"), "\(charge)")
        try GoldenScreen.check(screen, named: "statistics-compare-160x50")
        // The marks are coloured: regressed in the error role, improved in its own.
        let y = try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("GET cart") })
        let context = RenderContext(theme: h.app.theme, capabilities: h.capabilities)
        let buffer = h.frame.buffer
        let row = (0..<160).map { buffer[$0, y] }
        #expect(row.contains { $0.character == "▼" && $0.style == context.style(.improved) })
        // `c` again: back to the plain statistics.
        h.press(.char("c"))
        #expect(h.app.statistics?.comparison == nil && h.screen.contains("Statistics · 4 operations"))
    }

    @Test func windowsWrittenAtAPrompt() throws {
        let h = ExplorerHarness(table: Self.table, width: 80, height: 24)
        h.press(.char("T"), .char("w"))
        #expect(h.screen.contains("compare windows"), "\(h.screen)")
        h.type("0m..1h 6h..")
        h.press(.enter)
        let screen = h.screen
        #expect(h.app.statistics?.summary.contains("0m..1h → 6h.. (60 → 40 traces)") == true, "\(screen)")
        #expect(screen.contains("Statistics · 2 operations regressed · 0m..1h → 6h.."), "\(screen)")
        try GoldenScreen.check(screen, named: "statistics-compare-80x24")
        // A bad pair says what is wrong and keeps what was shown.
        h.press(.char("w"))
        #expect(h.screen.contains("0m..1h 6h.."), "the last windows are offered again")
        h.press(.ctrl("u"))
        h.type("soon..later")
        h.press(.enter)
        #expect(h.screen.contains("Windows: write two windows"), "\(h.screen)")
        #expect(h.app.statistics?.comparison != nil)
        // Enter on a row lists its traces, slowest first.
        h.press(.enter)
        #expect(h.app.statistics == nil && h.app.sortColumn == .duration)
    }

    @Test func aWindowWithoutTracesSaysSo() {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 30)
        h.press(.char("T"), .char("w"))
        h.type("0m..1m 100h..200h")
        h.press(.enter)
        #expect(h.screen.contains("A window holds no trace"), "\(h.screen)")
        #expect(h.app.statistics?.comparison == nil)
    }
}
