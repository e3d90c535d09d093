import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The header, the detail pane and the `a` key tell the same story as `trex analyze`: a call
/// that outlived a caller that gave up is not clock skew; a child that starts before its caller
/// is, with the estimate analyze gives.
@Suite struct ClockSkewAgreementTests {
    /// The cascading failure: the gateway's client call gives up after 250 ms; the auth service
    /// keeps working for 408 ms on its own host.
    static let cascading = TraceDrawing.table("""
        login   gateway  [==========================]                host=g kind=server status=error
         auth   gateway   [=========================]                host=g kind=client status=error error.type=timeout
          srv   auth-service [=========================================]  host=h kind=server
        """, trace: "cascade", unitNanos: 10_000_000)

    @Test func aCallerThatGaveUpIsReportedAsOutlivingNotAsSkew() {
        let h = ExplorerHarness(table: Self.cascading, height: 70)
        h.press(.enter)
        let header = h.screen.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(!h.screen.contains("clock skew"))
        #expect(header.contains("outlives-parent"))
        h.press(.char("G"), .tab)   // the server span (the last row) and its detail
        #expect(h.screen.contains("the caller gave up: timeout"))
        #expect(!h.screen.contains("looks 0 behind"))
        h.press(.tab, .char("a"))
        #expect(h.screen.contains("Clock-skew adjusted timings: 0 spans shifted."))
    }

    @Test func aChildThatStartsBeforeItsCallerShowsTheEstimateAnalyzeGives() {
        let table = TraceDrawing.table("""
            root   web           [==================]  host=a
             call  api       [======]                  host=b kind=server
            """, trace: "skewed")
        let h = ExplorerHarness(table: table, height: 60)
        h.press(.enter)
        // Jaeger's centring shift, the figure analyze leads with ("api's clock looks 10ms
        // behind"), not how far the call sticks out (4 ms).
        #expect(h.screen.contains("clock skew in api (+10ms)"))
        h.press(.char("j"), .tab)
        #expect(h.screen.contains("looks 10ms behind"))
        h.press(.tab)
        h.press(.char("a"))
        #expect(h.screen.contains("Clock-skew adjusted timings: 1 span shifted."))
    }
}
