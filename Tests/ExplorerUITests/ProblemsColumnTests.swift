import Synchronization
import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The trace list's PROBLEMS column: a slot per problem, filled in by the background scan
/// (the rows on screen first), sortable, filterable with `trace:problem`, explained in `?`.
@Suite struct ProblemsColumnTests {
    /// Five traces: the checkout and login samples (errors) and drawn traces: an orphan
    /// (missing spans), twelve concurrent calls (fan-out), one quiet trace.
    static func table() -> SpanTable {
        var f = TraceFixture(unitNanos: 10_000_000)
        SampleTraces.checkout(into: &f)
        SampleTraces.login(into: &f)
        TraceDrawing.add("""
            lost     worker  [===]    trace=orphaned parent=gone name=lost.job
            quiet    web     [===]    trace=quiet name=GET_/health kind=server
            """ + "\nfan      web  [==========]  trace=fan name=GET_/fan kind=server"
            + (1...12).map { "\n call\($0)   db    [====]   trace=fan name=query kind=client" }.joined(),
            to: &f, defaultTrace: "x")
        return f.build()
    }

    /// The marks of the row whose root span is `name`, read from the PROBLEMS column's cells.
    static func marks(_ h: ExplorerHarness, row name: String) -> String? {
        let buffer = h.frame.buffer
        // The column titles: under the overview and the p95 line.
        guard let titles = (0..<4).first(where: { buffer.lineText($0).contains("PROBLEMS") }) else { return nil }
        let header = buffer.lineText(titles)
        guard let column = header.range(of: "PROBLEMS") else { return nil }
        let x = header.distance(from: header.startIndex, to: column.lowerBound)
        for y in (titles + 1)..<buffer.size.height where buffer.lineText(y).contains(name) {
            return String((x..<x + 7).map { buffer[$0, y].character })
        }
        return nil
    }

    static func scanned(_ h: ExplorerHarness) {
        h.app.problemScan?.runToEnd()
        _ = h.app.handle(.message(.problemsFound))
    }

    @Test func marksFillInOnceTheScanHasFoundThem() throws {
        let h = ExplorerHarness(table: Self.table(), width: 140)
        #expect(h.line(containing: "PROBLEMS") != nil)
        // Before the scan: an ellipsis, never a claim of "no problem".
        #expect(Self.marks(h, row: "GET_/health")?.hasPrefix("…") == true, "\(h.screen)")
        Self.scanned(h)
        #expect(Self.marks(h, row: "POST_/login") == "E······")
        #expect(Self.marks(h, row: "GET_/checkout") == "E······")
        #expect(Self.marks(h, row: "lost.job") == "··M····")
        #expect(Self.marks(h, row: "GET_/fan") == "····F··")
        #expect(Self.marks(h, row: "GET_/health") == "·······")
    }

    @Test func errorsAreInTheOriginRoleAndTheRestAsWarnings() throws {
        let h = ExplorerHarness(table: Self.table(), width: 140)
        Self.scanned(h)
        let buffer = h.frame.buffer
        let header = buffer.lineText(2)   // under the overview and the p95 line
        let x = header.distance(from: header.startIndex, to: try #require(header.range(of: "PROBLEMS")).lowerBound)
        let context = RenderContext(theme: .standard, capabilities: h.capabilities)
        // The first row is selected; these two are not.
        let login = try #require((3..<buffer.size.height).first { buffer.lineText($0).contains("GET_/checkout") })
        let fan = try #require((3..<buffer.size.height).first { buffer.lineText($0).contains("GET_/fan") })
        #expect(buffer[x, login].style.foreground == context.style(.origin).foreground)
        #expect(buffer[x + 4, fan].style.foreground == context.style(.warning).foreground)
        #expect(buffer[x + 1, fan].style.foreground == context.style(.dim).foreground)
        #expect(context.style(.origin).foreground != context.style(.warning).foreground)
    }

    @Test func sortingByProblemsPutsTheMostTroubledFirst() throws {
        let h = ExplorerHarness(table: Self.table(), width: 140)
        while h.app.sortColumn != .problems { h.press(.char("s")) }
        // Nothing is known yet: the status line says the order is provisional.
        #expect(h.screen.contains("Problems are known for 0 of 5 traces so far"), "\(h.screen)")
        Self.scanned(h)
        let rows = (3..<8).map { h.frame.buffer.lineText($0) }
        // Errors rank first (the most serious), then missing spans, then fan-out, then none.
        #expect(rows[0].contains("E······") && rows[1].contains("E······"), "\(rows)")
        #expect(rows[2].contains("lost.job"), "\(rows)")
        #expect(rows[3].contains("GET_/fan"), "\(rows)")
        #expect(h.screen.contains("PROBLEMS▼"))
        h.press(.char("g"))
        #expect(h.screen.contains("[1/5]"))
        h.press(.char("S"))
        #expect(h.frame.buffer.lineText(6).contains("E······"))
    }

    @Test func theFilterTakesTraceProblem() {
        let h = ExplorerHarness(table: Self.table(), width: 140)
        h.press(.char("/"))
        h.type("trace:problem = \"fan-out\"")
        h.press(.enter)
        #expect(h.screen.contains("13 spans in 1 trace match."), "\(h.screen)")
        #expect(h.line(containing: "GET_/fan") != nil)
        h.press(.char("/"))
        h.type("trace:problem = \"fan-ot\"")
        #expect(h.screen.contains("unknown trace problem `fan-ot`"), "\(h.screen)")
        #expect(h.screen.contains("did you mean `\"fan-out\"`?"))
    }

    @Test func theHelpExplainsEveryMark() {
        let h = ExplorerHarness(table: Self.table(), width: 120, height: 80)
        h.press(.char("?"))
        let screen = h.screen
        #expect(screen.contains("The PROBLEMS column (filter with trace:problem = \"name\")"))
        for problem in TraceProblems.all {
            let letter = problem.mark
            #expect(h.line(containing: problem.meaning)?.contains(" \(letter) ") == true, "\(problem.name)\n\(screen)")
            #expect(h.line(containing: problem.meaning)?.contains("\(problem.name): ") == true)
        }
    }

    @Test func theProvisionalOrderNoteGoesOnceEveryProblemIsKnown() {
        let h = ExplorerHarness(table: Self.table(), width: 140)
        while h.app.sortColumn != .problems { h.press(.char("s")) }
        #expect(h.screen.contains("Problems are known for 0 of 5 traces so far"))
        Self.scanned(h)
        #expect(!h.screen.contains("Problems are known for"))
        #expect(h.screen.contains("[1/5]"))
    }

    @Test func theLegendSaysWhatADotAndAnEllipsisMean() {
        let h = ExplorerHarness(table: Self.table(), width: 140, height: 80)
        h.press(.char("?"))
        #expect(h.line(containing: "the trace has none of that problem")?.contains("·") == true)
        #expect(h.line(containing: "its problems are still being found")?.contains("…") == true)
    }

    @Test func inASCIIDotsAndThreeFullStops() {
        let h = ExplorerHarness(table: Self.table(), width: 140, utf8: false)
        #expect(Self.marks(h, row: "GET_/health")?.hasPrefix("...") == true)
        Self.scanned(h)
        #expect(Self.marks(h, row: "lost.job") == "..M....")
    }

    @Test func theRowsOnScreenAreFoundFirst() throws {
        // 300 traces, 20 rows on screen: go to the end, and the end's traces come first.
        var f = TraceFixture(unitNanos: 1_000_000)
        for i in 0..<300 {
            f.inTrace("t\(i)")
            f.span("r\(i)", service: "web", name: "GET /\(i)", start: Int64(i * 10), end: Int64(i * 10 + 5), kind: .server)
        }
        let h = ExplorerHarness(table: f.build(), width: 140, height: 24)
        h.press(.char("G"))
        let scan = try #require(h.app.problemScan)
        let lastID = StableHash.traceID(for: "t299"), firstID = StableHash.traceID(for: "t0")
        let firstNotice = Mutex<(last: Bool, first: Bool)?>(nil)
        scan.runToEnd {
            firstNotice.withLock { seen in
                if seen == nil {
                    seen = (scan.workspace.knownProblems(of: lastID) != nil, scan.workspace.knownProblems(of: firstID) != nil)
                }
            }
        }
        let seen = try #require(firstNotice.withLock { $0 })
        #expect(seen.last && !seen.first)
        #expect(scan.workspace.knownProblemCount == 300)
    }
}
