import Foundation
import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// `J`: the selected span's OTLP JSON, then the trace's, searchable and copyable.
@Suite struct RawJSONTests {
    @Test func jShowsTheSpanTabTheTraceSlashSearchesYCopiesEscCloses() throws {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 40)
        if h.screen.split(separator: "\n")[3].contains("POST_/login") { h.press(.char("j")) }
        h.press(.enter, .char("b"))   // the bottleneck: stripe.call
        let screen = try #require(h.app.traceScreen)
        let span = try #require(screen.selectedSpan)
        h.press(.char("J"))
        #expect(h.screen.contains("OTLP JSON of this span"), "\(h.screen)")
        #expect(h.screen.contains(screen.trace[span].spanID.hex))
        let spanLines = try #require(h.app.traceScreen?.raw?.lines.count)

        h.press(.tab)
        #expect(h.screen.contains("OTLP JSON of the whole trace"))
        let whole = try #require(h.app.traceScreen?.raw)
        #expect(whole.lines.count > spanLines)
        for i in 0..<screen.trace.spanCount { #expect(whole.text.contains(screen.trace[i].spanID.hex)) }
        // The JSON is what trex show --json writes: it parses, with the trace's spans.
        #expect((try? JSONSerialization.jsonObject(with: Data(whole.text.utf8))) != nil)

        h.press(.char("/"))
        #expect(h.screen.contains("search the JSON:"))
        h.type("send")
        h.press(.enter)
        let match = try #require(h.app.traceScreen?.raw?.match)
        #expect(whole.lines[match].contains("send"))
        h.press(.char("y"))
        #expect(h.app.takeClipboardRequest() == whole.text)

        h.press(.escape)
        #expect(h.app.traceScreen?.raw == nil && h.app.traceScreen != nil)
        #expect(h.app.traceScreen?.selectedSpan == span)
    }
}
