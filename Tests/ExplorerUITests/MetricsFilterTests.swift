import Testing
import TerminalCore
import TraceModel
@testable import ExplorerUI

/// A metrics query typed in the trace list's filter bar: the chart above the traces it counts,
/// the list and its paging under it, and back to the plain list when the filter is cleared.
@Suite struct MetricsFilterTests {
    func filtered(_ query: String, height: Int = 40) -> ExplorerHarness {
        let h = ExplorerHarness(table: SampleTraces.table(), height: height)
        h.press(.char("/"))
        h.type(query)
        h.press(.enter)
        return h
    }

    static func hasBraille(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }

    @Test func theChartSitsAboveTheListItFilters() throws {
        let h = filtered("{ } | count_over_time() by (resource.service.name)")
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let legend = try #require(lines.firstIndex { $0.contains("{resource.service.name=") })
        let titles = try #require(lines.firstIndex { $0.contains("START▲") })
        #expect(legend < titles)
        #expect(Self.hasBraille(lines[..<titles].joined()))
        #expect(h.screen.contains("UTC"))
        #expect(h.screen.contains("series over"))
        #expect(h.line(containing: "GET_/checkout") != nil)
        // The rows under the chart are the ones a click or a page move reach.
        let row = try #require(lines.firstIndex { $0.contains("GET_/checkout") || $0.contains("POST_/login") })
        #expect(row > titles)
    }

    @Test func pagingCountsTheRowsTheChartTakes() {
        let h = filtered("{ } | rate()")
        guard case .ready(let list) = h.app.phase else { Issue.record("not ready"); return }
        let chart = list.chartRows(in: h.app.mainArea)
        #expect(chart > 0)
        #expect(list.state.cursor.page == h.app.mainArea.height - 2 - list.sparklineRows(in: h.app.mainArea) - chart)
    }

    @Test func clearingOrAPlainFilterRemovesTheChart() {
        let h = filtered("{ } | rate()")
        #expect(Self.hasBraille(h.screen))
        h.press(.char("\\"))
        #expect(!Self.hasBraille(h.screen))
        h.press(.char("/"))
        h.press(.ctrl("u"))
        h.type("{ status = error }")
        h.press(.enter)
        #expect(!Self.hasBraille(h.screen))
        #expect(!h.screen.contains("series over"))
    }

    @Test func aShortTerminalKeepsTheListAndDropsTheChart() {
        let h = filtered("{ } | rate()", height: 12)
        #expect(!Self.hasBraille(h.screen))
        #expect(h.screen.contains("START▲"))
    }
}
