import Foundation
import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// Opens the checkout trace's waterfall (it sorts after login by start tie order: pick by name).
private func openCheckout(_ h: ExplorerHarness) {
    if h.screen.split(separator: "\n")[3].contains("POST_/login") { h.press(.char("j")) }   // below the overview, the p95 line and titles
    h.press(.enter)
}

private func lines(_ h: ExplorerHarness) -> [String] {
    h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// The screen row of the span row holding `name` (below the ruler, so not the header).
private func row(_ h: ExplorerHarness, _ name: String) -> Int? {
    let text = lines(h)
    guard let ruler = text.firstIndex(where: { $0.contains("SERVICE  SPAN") }) else { return nil }
    return text.indices.first { $0 > ruler && text[$0].contains(name) }
}

@Suite struct WaterfallScreenTests {
    @Test func rowsFollowTheTreeWithGuidesAndMarkers() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        let screen = lines(h)
        let names = ["GET_/checkout", "cart.get", "POST_/orders", "database.query", "charge", "stripe.call", "send"]
        let rows = names.map { row(h, $0)! }
        #expect(rows == rows.sorted(), "rows are in tree order")
        #expect(screen[rows[0]].contains("▾ frontend GET_/checkout"))
        #expect(screen[rows[1]].contains("├─  checkout cart.get"))
        #expect(screen[rows[3]].contains("│ ├─  inventory database.query"))
        #expect(screen[rows[4]].contains("│ └─▾ ✘ payment charge"), "the origin error's marker")
        #expect(screen[rows[5]].contains("│   └─  payment stripe.call"))
        #expect(screen[rows[6]].contains("└─  mailer send"))
        #expect(h.screen.contains("Trace "))
        #expect(h.screen.contains("620ms · 7 spans · 5 services · 1 error"))
    }

    @Test func collapsingAndExpandingChangesTheVisibleRows() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("j"), .char("j"))   // POST_/orders
        h.press(.enter)
        #expect(!h.screen.contains("database.query"))
        let orders = lines(h)[row(h, "POST_/orders")!]
        #expect(orders.contains("▸"))
        #expect(orders.contains("+3"), "a collapsed row says how many it hides")
        h.press(.char("l"))
        #expect(h.screen.contains("database.query"))
        h.press(.char("C"))
        #expect(row(h, "cart.get") == nil)
        h.press(.char("O"))
        #expect(h.screen.contains("stripe.call"))
        h.press(.char("1"))
        #expect(row(h, "POST_/orders") != nil)
        #expect(row(h, "database.query") == nil)
    }

    @Test func barsAreScaledToTheTraceWithSubcellPrecision() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        let frame = h.frame
        let text = lines(h)
        let rootRow = row(h, "GET_/checkout")!
        let sendRow = row(h, "mailer send")!
        // The timeline starts after the duration column; the root bar fills it, `send` sits
        // near its right end (540-590 ms of 620 ms).
        let timelineStart = text[rootRow].range(of: "620ms")!.upperBound.utf16Offset(in: text[rootRow]) + 1
        let width = frame.buffer.width - timelineStart - 1
        func covered(_ y: Int) -> [Int] {
            (timelineStart..<(timelineStart + width)).filter { frame.buffer[$0, y].character != " " }
        }
        let root = covered(rootRow)
        #expect(root.count >= width - 1)
        let send = covered(sendRow)
        #expect(send.first! >= timelineStart + width * 540 / 620 - 1)
        #expect(send.last! <= timelineStart + width * 590 / 620 + 1)
        #expect(send.count <= width * 50 / 620 + 2)
        // Partial cells use eighth blocks.
        let glyphs = Set(send.map { frame.buffer[$0, sendRow].character })
        #expect(!glyphs.isSubset(of: ["█"]))
    }

    @Test func aTinySpanStillShowsOnTheTimeline() {
        var f = TraceFixture(unitNanos: 1_000_000)
        f.span("root", start: 0, end: 4000)
        f.span("blip", parent: "root", start: 2000, end: 2003)
        let h = ExplorerHarness(table: f.build())
        h.press(.enter)
        let frame = h.frame
        let y = row(h, "blip")!
        let row = (0..<frame.buffer.width).map { frame.buffer[$0, y].character }
        #expect(row.contains("▏"), "a 3 ms span in a 4 s trace covers less than a cell but is drawn")
    }

    @Test func criticalSectionsUseTheCriticalStyleOnlyWhereTheSpanIsCritical() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        let context = RenderContext(theme: .standard, capabilities: h.capabilities)
        let critical = context.style(.critical)
        func criticalCells() -> [String: Int] {
            let frame = h.frame
            var counts: [String: Int] = [:]
            for name in ["stripe.call", "cart.get", "send", "database.query"] {
                do {
                    let y = row(h, name)!
                    counts[name] = (0..<frame.buffer.width).filter {
                        frame.buffer[$0, y].style.foreground == critical.foreground && frame.buffer[$0, y].character != " "
                    }.count
                }
            }
            return counts
        }
        let on = criticalCells()
        #expect(on["stripe.call"]! > 10, "the slow payment call is the bottleneck")
        #expect(on["database.query"] == 0, "a query that overlaps the payment call is not critical")
        #expect(on["cart.get"] == 0, "cart.get ends after the orders call starts: not critical")
        #expect(on["send"]! > 3)
        h.press(.char("c"))
        #expect(criticalCells()["stripe.call"] == 0, "c hides the highlighting")
    }

    @Test func statusLineGivesTheCriticalShareOfTheSelectedSpan() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("]"))
        h.press(.char("]"))
        let status = lines(h)[h.size.height - 2]
        #expect(status.contains("on the critical path"))
        // Stepping with ] walks sections in time order; on the way we reach the payment call.
        var stripeStatus: String?
        for _ in 0..<10 {
            h.press(.char("]"))
            let status = lines(h)[h.size.height - 2]
            if status.contains("stripe.call") { stripeStatus = status }
        }
        #expect(stripeStatus?.contains("payment stripe.call: 380ms, 61% of the response, on the critical path") == true)
    }

    @Test func sharesAreOfTheResponseAndAsyncWorkAfterItIsNamedApart() {
        // The response takes 120 ms, half of it in the database; an e-mail is sent
        // after the response, until 400 ms: the database is 50% of the response, not 15% of the trace.
        let table = TraceDrawing.table("""
            root   web    [==========]                                  kind=server
             db    web     [====]                                       name=database.query
             mail  mailer           [============================]      name=send-email kind=consumer
            """, trace: "async", unitNanos: 10_000_000)
        let h = ExplorerHarness(table: table, width: 160, height: 30)
        h.press(.enter)
        #expect(lines(h)[0].contains("+280ms of async work after the response"), "\(lines(h)[0])")
        h.press(.char("j"))
        #expect(lines(h)[h.size.height - 2].contains("database.query: 60ms, 50% of the response, on the critical path"),
                "\(lines(h)[h.size.height - 2])")
        h.press(.tab)
        #expect(h.screen.contains("60ms, 50% of the response"))
    }

    @Test func bGoesToTheBottleneckInOneKey() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("b"))
        #expect(lines(h)[h.size.height - 2].contains("payment stripe.call: 380ms"), "\(lines(h)[h.size.height - 2])")
    }

    @Test func bracketsVisitEachSpanOfThePathOnceInOrder() throws {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        let screen = try #require(h.app.traceScreen)
        let order = screen.criticalSpansInOrder
        #expect(order.count < screen.insights.report.criticalPath.sections.count, "the path comes back to parents")
        #expect(h.app.traceScreen?.selectedSpan == order[0], "the root, where the path starts")
        var visited: [Int] = []
        for _ in order.dropFirst() {
            h.press(.char("]"))
            visited.append(try #require(h.app.traceScreen?.selectedSpan))
        }
        #expect(visited == Array(order.dropFirst()))
        h.press(.char("["))
        #expect(h.app.traceScreen?.selectedSpan == order[order.count - 2])
    }

    @Test func withoutColourTheCriticalPathHasAFillOfItsOwn() {
        let plain = ExplorerHarness(table: SampleTraces.table(), colorMode: .none)
        openCheckout(plain)
        #expect(plain.line(containing: "stripe.call")?.contains("▓") == true, "\(plain.screen)")
        let ascii = ExplorerHarness(table: SampleTraces.table(), utf8: false, colorMode: .none)
        openCheckout(ascii)
        #expect(ascii.line(containing: "stripe.call")?.contains("=") == true)
        let coloured = ExplorerHarness(table: SampleTraces.table())
        openCheckout(coloured)
        #expect(coloured.line(containing: "stripe.call")?.contains("▓") == false, "colour tells it apart")
    }

    @Test func eventsAreMarkedOnTheirBarsAndExceptionsStandOut() throws {
        var f = TraceFixture(unitNanos: 10_000_000)
        f.inTrace("events")
        f.span("root", service: "api", start: 0, end: 100, kind: .server)
        f.span("work", parent: "root", service: "api", start: 10, end: 90, events: [(30, "cache.miss"), (70, "exception")])
        let h = ExplorerHarness(table: f.build(), width: 140)
        h.press(.enter)
        let line = try #require(h.line(containing: "api work"))
        let marks = line.filter { $0 == "*" || $0 == "!" }
        #expect(marks == "*!", "\(line)")
        // The exception's mark is drawn in the error role.
        let frame = h.frame
        let y = try #require(frame.buffer.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("api work") })
        let x = try #require((0..<frame.buffer.width).first { frame.buffer[$0, y].character == "!" })
        let error = RenderContext(theme: .standard, capabilities: h.capabilities).style(.error)
        #expect(frame.buffer[x, y].style.foreground == error.foreground)
        // The cache miss is at 30 ms of the 100 ms trace: about 30% along the timeline.
        let star = try #require((0..<frame.buffer.width).first { frame.buffer[$0, y].character == "*" })
        #expect(star < x)
    }

    @Test func errorAndParentNavigation() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("e"))
        #expect(lines(h)[h.size.height - 2].contains("payment charge"))
        h.press(.char("p"))
        #expect(lines(h)[h.size.height - 2].contains("checkout POST_/orders"))
        h.press(.char("E"))
        #expect(lines(h)[h.size.height - 2].contains("payment charge"))
    }

    @Test func zoomFitsTheSelectedSpanToTheTimeline() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("j"))   // cart.get: 10-60 ms
        h.press(.char("z"))
        #expect(h.screen.contains("zoomed to"))
        let frame = h.frame
        let y = row(h, "cart.get")!
        let filled = (0..<frame.buffer.width).filter { frame.buffer[$0, y].character == "█" }.count
        #expect(filled > 40, "the zoomed span spans the timeline")
        h.press(.char("Z"))
        #expect(!h.screen.contains("zoomed to"))
    }

    @Test func filteringInsideTheTraceHighlightsAndStepsThroughMatches() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("/"))
        #expect(h.screen.contains("find spans:"))
        h.type("service = \"payment\"")
        h.press(.enter)
        #expect(h.screen.contains("2 spans match"))
        h.press(.char("n"))
        let first = lines(h)[h.size.height - 2]
        h.press(.char("n"))
        let second = lines(h)[h.size.height - 2]
        #expect(first != second)
        #expect([first, second].allSatisfy { $0.contains("payment") })
    }

    @Test func detailPaneShowsTheSpanAndItsTraceparent() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("e"), .tab)
        let screen = h.screen
        #expect(screen.contains("Span detail"))
        #expect(screen.contains("status"))
        #expect(screen.contains("ERROR"))
        #expect(screen.contains("traceparent"))
        #expect(screen.contains("00-\(TraceFixture(trace: "checkout").traceID.hex)-\(TraceFixture.id("pay").hex)-01"))
        h.press(.tab)
        #expect(!h.screen.contains("Span detail"))
    }

    @Test func detailPaneFollowsALinkToAnotherLoadedTrace() throws {
        let h = ExplorerHarness(table: LinkedTraces.table(withProducer: true))
        h.selectConsumersLink()   // the consumer trace (earliest), its linking span, detail keys
        #expect(h.screen.contains("Links (1)"), "the pane scrolls to the selected line")
        h.press(.enter)
        #expect(h.screen.contains("Opened the linked trace"))
        #expect(lines(h)[h.size.height - 2].contains("Opened the linked trace \(StableHash.traceID(for: "producer").hex)"))
        h.press(.char("j"))
        #expect(lines(h)[h.size.height - 2].contains("api publish"))
        // q goes back to where the link was followed from: the consumer trace, its span.
        h.press(.char("q"))
        #expect(h.app.traceScreen?.trace.id == StableHash.traceID(for: "consumer"))
        #expect(lines(h)[h.size.height - 2].contains("Back to trace"))
        let back = try #require(h.app.traceScreen)
        #expect(back.selectedSpan.map { back.trace[$0].spanID } == TraceFixture.id("consume"))
        h.press(.char("q"))
        #expect(h.app.traceScreen == nil, "then to the list")
    }

    @Test func escGoesBackFromAJumpWithTheFoldsAsTheyWere() throws {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.char("C"), .char("O"))   // everything expanded again: folds to compare
        h.press(.char("b"))               // to the bottleneck, a jump
        let bottleneck = try #require(h.app.traceScreen?.selectedSpan)
        h.press(.char("p"))               // to its parent, another jump
        #expect(h.app.traceScreen?.selectedSpan != bottleneck)
        h.press(.enter)                   // fold the parent
        h.press(.escape)                  // back to the bottleneck, unfolded as it was
        #expect(h.app.traceScreen?.selectedSpan == bottleneck)
        #expect(h.app.traceScreen?.rows.count == 7)
        h.press(.escape)                  // back to where b was pressed: the root
        #expect(h.app.traceScreen?.selectedSpan == 0)
        h.press(.escape)
        #expect(h.app.traceScreen == nil)
    }

    @Test func asciiFallbackWhenTheLocaleIsNotUTF8() {
        let h = ExplorerHarness(table: SampleTraces.table(), utf8: false)
        openCheckout(h)
        let screen = h.screen
        #expect(!screen.contains("│") && !screen.contains("█"))
        #expect(screen.contains("|-") || screen.contains("`-"))
        #expect(screen.contains("#"))
    }

    @Test func qGoesBackToTheListAndEscClosesTheDetailFirst() {
        let h = ExplorerHarness(table: SampleTraces.table())
        openCheckout(h)
        h.press(.tab)
        h.press(.escape)
        #expect(!h.screen.contains("Span detail"))
        #expect(h.screen.contains("SERVICE  SPAN"))
        #expect(h.press(.char("q")) == .redraw)
        #expect(h.screen.contains("START"))
        #expect(h.press(.char("q")) == .quit)
    }
}
