import Testing
import TerminalCore
import TraceAnalysis
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The findings, critical-time and breakdown panels over the waterfall.
@Suite struct WaterfallPanelTests {
    /// Two regions: the gateway in eu-west calls the API in ap-southeast across the network.
    static func regions() -> SpanTable {
        let eu: [String: AttributeValue] = ["region": .string("eu")], ap: [String: AttributeValue] = ["region": .string("ap")]
        return TraceDrawing.table("""
            req     gateway  [==============================]              kind=server
             call   gateway      [======================]                  kind=client
              api   api             [================]                     kind=server
               db   api               [======]                             name=query
            """, trace: "regions", unitNanos: 10_000_000, resources: ["req": eu, "call": eu, "api": ap, "db": ap])
    }

    @Test func dListsEveryFindingAndEnterGoesToItsSpan() throws {
        let h = ExplorerHarness(table: OriginErrorTests.cascade, width: 140, height: 40)
        h.press(.enter, .char("d"))
        let screen = h.screen
        #expect(screen.contains("Findings ("), "\(screen)")
        #expect(screen.contains("error origin"))
        #expect(screen.contains("the error started at auth connect"))
        let report = try #require(h.app.traceScreen?.insights.report)
        for d in report.diagnostics { #expect(screen.contains(d.kind.rawValue), "\(d.kind)") }
        h.press(.enter)   // the first entry: the origin
        #expect(h.app.traceScreen?.panel == nil)
        let status = h.screen.split(separator: "\n", omittingEmptySubsequences: false)[h.size.height - 2]
        #expect(status.contains("auth connect"), "\(status)")
        h.press(.escape)  // back to where d was pressed
        #expect(h.app.traceScreen?.selectedSpan == 0)
    }

    @Test func tListsTheCriticalTimeAsAnalyzeDoes() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 140, height: 40)
        if h.screen.split(separator: "\n")[3].contains("POST_/login") { h.press(.char("j")) }
        h.press(.enter, .char("t"))
        let report = try #require(h.app.traceScreen?.insights.report)
        let panel = try #require(h.app.traceScreen?.panel)
        #expect(panel.entries.map(\.span) == report.criticalShares.map(\.span))
        #expect(h.screen.contains("\(AnalysisReport.percent(report.criticalShares[0].share))%"))
        h.press(.escape)
        #expect(h.app.traceScreen?.panel == nil && h.app.traceScreen != nil)
    }

    @Test func wSaysWhereTheTimeWentWithTheNetworkApart() throws {
        let table = Self.regions()
        let h = ExplorerHarness(table: table, width: 140, height: 40)
        h.press(.enter, .char("w"))
        let screen = h.screen
        #expect(screen.contains("network: client calls' time their servers did not cover"), "\(screen)")
        let breakdown = LatencyBreakdown(try #require(h.app.traceScreen?.insights.report))
        let total = breakdown.lines.reduce(Nanoseconds.zero) { $0 + $1.time }
        #expect(total == h.app.traceScreen?.insights.report.criticalPathDuration, "the lines add up to the response")
        #expect(breakdown.lines.contains { $0.group == nil && $0.time > .zero })
        #expect(Set(breakdown.lines.compactMap(\.group)) == ["gateway", "api"])
        let byRegion = LatencyBreakdown(try #require(h.app.traceScreen?.insights.report), by: "region")
        #expect(Set(byRegion.lines.compactMap(\.group)) == ["eu", "ap"])
        // Tab groups the panel by the next resource attribute: the region.
        h.press(.tab)
        #expect(h.screen.contains("by region"), "\(h.screen)")
        #expect(h.app.traceScreen?.panel?.entries.contains { $0.text.hasSuffix("  eu") } == true)
        #expect(h.app.traceScreen?.detail == nil, "Tab went to the panel, not the detail pane")
    }

    @Test func aCutHeaderSaysWhereTheRestIs() {
        var f = TraceFixture(unitNanos: 1_000_000)
        f.inTrace("many")
        f.span("root", service: "api", start: 0, end: 100, kind: .server)
        for i in 0..<12 { f.span("lost\(i)", parent: "gone\(i)", service: "worker-with-a-long-name-\(i)", start: Int64(i), end: Int64(i + 5)) }
        let h = ExplorerHarness(table: f.build(), width: 60)
        h.press(.enter)
        let findings = h.screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(findings.contains("… d: all"), "\(findings)")
    }
}
