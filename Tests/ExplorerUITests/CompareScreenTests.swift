import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The trace compare screen in the cell grid: `x` marks A in the list, `=` compares the selected
/// or open trace with it, `B` compares with the baseline; marks, folding, self time, only what
/// changed; golden screens at 80x24 and 160x50.
@Suite struct CompareScreenTests {
    /// The checkouts of `trex compare`'s CLI tests: in B a cache lookup (only in B) runs beside
    /// everything and finishes last, so the payment and the database call leave B's critical
    /// path; C is A with a payment 10 ms slower; D is a login.
    static let table: SpanTable = {
        var f = TraceFixture()
        let traces: [(String, Int64, [(String, String?, String, String, Int64, Int64)])] = [
            ("a", 0, [("01", nil, "web", "GET /checkout", 0, 100), ("02", "01", "auth", "verify", 5, 15),
                      ("03", "01", "postgres", "SELECT", 15, 45), ("04", "01", "payment", "charge", 45, 95)]),
            ("b", 1_000, [("01", nil, "web", "GET /checkout", 0, 200), ("02", "01", "auth", "verify", 5, 15),
                          ("03", "01", "postgres", "SELECT", 15, 45), ("05", "01", "redis", "GET cart", 15, 190),
                          ("04", "01", "payment", "charge", 45, 95)]),
            ("c", 2_000, [("01", nil, "web", "GET /checkout", 0, 110), ("02", "01", "auth", "verify", 5, 15),
                          ("03", "01", "postgres", "SELECT", 15, 45), ("04", "01", "payment", "charge", 45, 105)]),
            ("d", 3_000, [("01", nil, "web", "POST /login", 0, 50)]),
        ]
        for (name, t0, spans) in traces {
            f.inTrace(name)
            for (id, parent, service, op, start, end) in spans {
                f.span(name + id, parent: parent.map { name + $0 }, service: service, name: op, start: t0 + start,
                       end: t0 + end, kind: parent == nil ? .server : .client)
            }
        }
        return f.build()
    }()

    @Test func markOneCompareAnother() throws {
        let h = ExplorerHarness(table: Self.table, width: 160, height: 50)
        h.press(.char("="))
        #expect(h.screen.contains("Mark a trace with x first"), "\(h.screen)")
        h.press(.char("x"))   // the first trace, a
        #expect(h.screen.contains("Marked trace"), "\(h.screen)")
        let rowA = try #require(h.line(containing: "GET /checkout"))
        #expect(rowA.hasPrefix("A"), "the marked row: \(rowA)")
        h.press(.char("="))
        #expect(h.screen.contains("This is the marked trace"), "\(h.screen)")
        h.press(.char("j"), .char("="))   // b
        let screen = h.screen
        #expect(h.app.compare != nil)
        #expect(screen.contains("B - A: duration +100ms (+100%), critical path +100ms, spans +1"), "\(screen)")
        let cache = try #require(h.line(containing: "redis GET cart"))
        #expect(cache.hasPrefix(" +"), "only in B: \(cache)")
        let payment = try #require(h.line(containing: "payment charge"))
        #expect(payment.hasPrefix(" *") && payment.hasSuffix("A"), "left B's critical path: \(payment)")
        try GoldenScreen.check(screen, named: "compare-160x50")
        // The biggest difference first: the cache lookup (+175ms) right under the root.
        #expect(h.app.compare?.visible.prefix(2).map { h.app.compare!.comparison.nodes[$0].key.service } == ["web", "redis"])
        // Slower in the error role, faster in improved.
        let context = RenderContext(theme: h.app.theme, capabilities: h.capabilities)
        let buffer = h.frame.buffer
        let y = try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("redis GET cart") })
        #expect((0..<160).contains { buffer[$0, y].character == "+" && buffer[$0, y].style == context.style(.error) })
        // q goes back to the list, the mark kept.
        h.press(.char("q"))
        #expect(h.app.compare == nil && h.app.markedForCompare != nil)
        h.press(.char("k"), .char("x"))
        #expect(h.app.markedForCompare == nil && h.screen.contains("Unmarked"))
    }

    @Test func selfTimeOnlyChangesAndFolding() throws {
        let h = ExplorerHarness(table: Self.table, width: 80, height: 24)
        h.press(.char("x"), .char("j"), .char("j"), .char("="))   // a against c
        try GoldenScreen.check(h.screen, named: "compare-80x24")
        let compare = try #require(h.app.compare)
        #expect(compare.visible.count == 4)
        h.press(.char("d"))   // only what changed: the root and the payment
        #expect(h.app.compare?.visible.count == 2, "\(h.screen)")
        #expect(h.screen.contains("changed only (2 shown)"), "\(h.screen)")
        #expect(!h.screen.contains("auth verify"))
        h.press(.char("d"), .char("t"))
        #expect(h.screen.contains("SELF DIFF"), "\(h.screen)")
        h.press(.char("g"), .enter)   // fold the root
        #expect(h.app.compare?.visible.count == 1)
        #expect(h.screen.contains("▸ web GET /checkout"), "\(h.screen)")
        h.press(.char("O"))
        #expect(h.app.compare?.visible.count == 4)
    }

    @Test func fromAWaterfallAndAgainstTheBaseline() throws {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 40)
        h.press(.char("x"))   // mark a in the list
        h.press(.char("j"), .char("j"), .enter)   // open c
        #expect(h.app.traceScreen != nil)
        h.press(.char("="))
        #expect(h.app.compare?.b.traceIDs == [h.app.traceScreen!.trace.id])
        h.press(.escape)
        #expect(h.app.compare == nil && h.app.traceScreen != nil, "back to the waterfall")
        h.press(.char("B"))   // c against the median of a and b
        let screen = h.screen
        #expect(screen.contains("BASE: median of 2 traces with root web GET /checkout"), "\(screen)")
        #expect(screen.contains("TRACE - BASE:"), "\(screen)")
        h.press(.char("q"), .char("q"))
        #expect(h.app.traceScreen == nil)
        h.press(.char("G"), .char("B"))   // the login has no peers
        #expect(h.screen.contains("No other trace has the root operation web POST /login"), "\(h.screen)")
        #expect(h.app.compare == nil)
    }

    @Test func theHelpListsTheKeysAndTheMarks() {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 50)
        h.press(.char("x"), .char("j"), .char("="), .char("?"))
        #expect(h.screen.contains("Trace compare") && h.screen.contains("only the paths that changed"), "\(h.screen)")
        h.press(.escape, .escape)
        h.press(.char("?"))
        #expect(h.screen.contains("mark this trace as A to compare"), "\(h.screen)")
    }
}
