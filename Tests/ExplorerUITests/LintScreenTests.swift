import Testing
import TerminalCore
import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace
import TestSupport
@testable import ExplorerUI

/// The lint screen in the cell grid: `I` from the list (every trace's findings, as `trex
/// lint`), from a waterfall (the open trace's, Tab every trace's), Enter to an example span,
/// hostile names escaped; a golden screen at 120x40.
@Suite struct LintScreenTests {
    /// Two traces: an order page whose service queries its database once per item (12 spans
    /// in a loop) and records the deprecated `http.status_code`; a login whose spans follow
    /// the conventions.
    static let table: SpanTable = {
        var f = TraceFixture()
        f.inTrace("orders")
        f.span("root", service: "web", name: "GET /orders", start: 0, end: 200, kind: .server,
               attributes: ["http.request.method": .string("GET"), "http.route": .string("/orders"),
                            "http.status_code": .int(200)])
        for i in 0..<12 {
            f.span("q\(i)", parent: "root", service: "web", name: "SELECT item", start: 10 + Int64(i) * 10,
                   end: 18 + Int64(i) * 10, kind: .client,
                   attributes: ["db.system.name": .string("postgresql"), "db.query.text": .string("SELECT * FROM items WHERE id = $1")])
        }
        f.inTrace("login")
        f.span("login", service: "auth", name: "POST /login", start: 1_000, end: 1_050, kind: .server,
               attributes: ["http.request.method": .string("POST"), "http.route": .string("/login"),
                            "http.response.status_code": .int(200)])
        return f.build()
    }()

    @Test func fromTheListEveryTracesFindingsAsTrexLint() throws {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 40)
        h.press(.char("I"))
        let report = try Workspace(files: TraceCatalog(table: Self.table), store: nil).lint()
        #expect(h.app.lint?.findings == report.findings, "the screen shows what trex lint finds")
        #expect(report.findings.map(\.rule) == [.deprecatedAttribute, .spansInLoop], "\(report.findings.map(\.rule))")
        let screen = h.screen
        #expect(screen.contains("Lint · every trace · 0 errors, 2 warnings, 0 infos · 2 traces, 14 spans"), "\(screen)")
        let loop = try #require(h.line(containing: "spans-in-loop"))
        #expect(loop.contains("warning") && loop.contains("web \"SELECT item\" under \"GET /orders\"") && loop.contains("1× in 1 trace"),
                "\(loop)")
        #expect(screen.contains("http.status_code is deprecated") && screen.contains("use http.response.status_code"), "\(screen)")
        #expect(screen.contains("Fix: Rename the attribute"), "\(screen)")
        try GoldenScreen.check(screen, named: "lint-120x40")
    }

    @Test func enterOpensTheExampleSpan() throws {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 40)
        h.press(.char("I"))
        while h.app.lint?.selected?.rule != .spansInLoop { h.press(.char("j")) }
        #expect(h.screen.contains("one span per loop would save 11 spans"), "\(h.screen)")
        h.press(.enter)
        #expect(h.app.lint == nil)
        let waterfall = try #require(h.app.traceScreen)
        let selected = try #require(waterfall.selectedSpan)
        #expect(waterfall.trace[selected].spanID == TraceFixture.id("q0"), "the loop's first span")
    }

    @Test func fromAWaterfallTheTracesFindingsThenEveryTraces() throws {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 40)
        h.press(.enter)
        let orders = try #require(h.app.traceScreen)
        #expect(orders.trace.id == StableHash.traceID(for: "orders"), "the first row")
        h.press(.char("I"))
        #expect(h.screen.contains("Lint · trace \(orders.trace.shownID) · 0 errors, 2 warnings, 0 infos · 1 trace, 13 spans"),
                "\(h.screen)")
        h.press(.tab)
        #expect(h.screen.contains("Lint · every trace · 0 errors, 2 warnings, 0 infos · 2 traces, 14 spans"), "\(h.screen)")
        h.press(.tab)
        #expect(h.screen.contains("Lint · trace \(orders.trace.shownID)"))
        h.press(.char("q"))
        #expect(h.app.lint == nil && h.app.traceScreen?.trace.id == orders.trace.id)
        // The login's spans follow the conventions.
        h.press(.escape)
        h.press(.char("j"), .enter)
        #expect(h.app.traceScreen?.trace.id == StableHash.traceID(for: "login"))
        h.press(.char("I"))
        #expect(h.screen.contains("No lint finding in this trace") && h.screen.contains("no finding"), "\(h.screen)")
    }

    @Test func hostileNamesAreEscaped() throws {
        var f = TraceFixture()
        f.span("root", service: "evil\u{1B}]52;c;AAAA\u{07}", name: "GET /\u{1B}[2J", start: 0, end: 10, kind: .server,
               attributes: ["http.method": .string("GET"), "http.route": .string("/")])
        let h = ExplorerHarness(table: f.build(), width: 120, height: 30)
        h.press(.char("I"))
        let screen = h.screen
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "no control character reaches the grid")
        #expect(screen.contains("evil\\e]52;c;AAAA"), "\(screen)")
    }
}
