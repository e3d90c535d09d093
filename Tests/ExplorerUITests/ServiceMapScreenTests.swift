import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The service map screen in the cell grid: `m` from the list and from a waterfall, the
/// selection moving between boxes and scrolling into view at 80x24, Tab picking a call, Enter
/// listing the traces through it, q coming back where it was; golden screens at 80x24 and
/// 160x50.
@Suite struct ServiceMapScreenTests {
    @Test func theMapShowsEveryServiceAndItsCalls() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 160, height: 50)
        h.press(.char("m"))
        let screen = h.screen
        for service in ["frontend", "checkout", "inventory", "payment", "mailer", "auth-service"] {
            #expect(screen.contains("│ \(service)") || screen.contains("┃ \(service)"), "\(service)\n\(screen)")
        }
        #expect(screen.contains("Service map · 6 services · 5 call paths"), "\(screen)")
        #expect(screen.contains("frontend: calls 3 services, called by 0 services"), "the busiest caller first\n\(screen)")
        try GoldenScreen.check(screen, named: "service-map-160x50")
    }

    @Test func atEightyByTwentyFourTheSelectionScrollsIntoView() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 80, height: 24)
        h.press(.char("m"))
        try GoldenScreen.check(h.screen, named: "service-map-80x24")
        h.press(.char("l"), .char("l"))
        let map = try #require(h.app.serviceMap)
        let box = map.layout.boxes[map.selected].rect
        #expect(box.x >= map.origin.x && box.right <= map.origin.x + 80, "the selected box is on screen")
        #expect(h.screen.contains("┏"), "the selected box is drawn heavy")
        h.press(.char("h"), .char("h"), .char("h"))
        #expect(h.app.serviceMap?.layout.graph.services[h.app.serviceMap!.selected] == "frontend")
    }

    @Test func enterListsTheTracesThroughThePickedCall() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 40)
        h.press(.char("m"))
        h.press(.tab)
        let headline = try #require(h.line(containing: "→"))
        #expect(headline.contains("frontend → "), "\(headline)")
        let callee = try #require(headline.split(separator: "→").last?.split(separator: ":").first).trimmingCharacters(in: .whitespaces)
        h.press(.enter)
        #expect(h.app.serviceMap == nil)
        #expect(h.screen.contains("match"), "\(h.screen)")
        #expect(h.screen.contains(callee == "auth-service" ? "POST_/login" : "GET_/checkout"), "\(h.screen)")
        #expect(!h.screen.contains(callee == "auth-service" ? "GET_/checkout" : "POST_/login"), "\(h.screen)")
    }

    @Test func fromAWaterfallAndBack() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 40)
        h.press(.enter)
        let trace = try #require(h.app.traceScreen?.trace.id)
        h.press(.char("m"))
        #expect(h.screen.contains("Service map"))
        h.press(.char("q"))
        #expect(h.app.serviceMap == nil)
        #expect(h.app.traceScreen?.trace.id == trace, "q goes back to the waterfall it came from")
        #expect(Keymaps.waterfall.sections.flatMap(\.bindings).contains { $0.command == .openServiceMap },
                "m is the waterfall's too, and so in its help")
    }

    @Test func withoutCallsBetweenServicesItSaysSo() {
        var f = TraceFixture()
        f.span("alone", service: "solo", start: 0, end: 10)
        let h = ExplorerHarness(table: f.build())
        h.press(.char("m"))
        #expect(h.app.serviceMap == nil)
        #expect(h.screen.contains("No calls between services found"))
    }
}
