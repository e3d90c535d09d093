import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The explorer shows a 64-bit id as its 16 digits and a non-hex id as its file wrote it, and
/// its filter finds traces by any prefix of either.
@Suite struct TraceIDScreenTests {
    static let table: SpanTable = {
        var f = TraceFixture(trace: "t")
        f.span("sixty-four", start: 0, end: 5)
        f.span("named", start: 1, end: 3)
        let built = f.build()
        let short = TraceID(high: 0, low: 0xce04_7bfb_1234_5678)
        let named = StableHash.traceID(for: "trace-123")
        var builder = SpanTableBuilder()
        for var span in built.spans {
            span.traceID = built.strings[span.name] == "named" ? named : short
            builder.copy(span, from: built)
        }
        builder.writtenTraceIDs[named] = "trace-123"
        return builder.finish()
    }()

    @Test func headersShowSixteenDigitsOrTheWrittenText() {
        let h = ExplorerHarness(table: Self.table)
        h.press(.char("/"))
        h.type("traceid = \"ce047bfb\"")
        h.press(.enter)
        #expect(h.screen.contains("1 span in 1 trace matches"))
        h.press(.enter)
        #expect(h.screen.contains(" Trace ce047bfb12345678 "))
        #expect(!h.screen.contains("0000000000000000"))
        h.press(.char("q"), .char("/"))
        h.press(.ctrl("u"))
        h.type("traceid = \"trace-1\"")
        h.press(.enter)
        #expect(h.screen.contains("1 span in 1 trace matches"))
        h.press(.enter)
        #expect(h.screen.contains(" Trace trace-123 "))
    }
}
