import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct RootCauseAnalysisTests {
    @Test func theDeepestErrorsAreOriginsAndTheRestBubbledUp() {
        let trace = AnalysisDrawing.trace("""
            login   web   [====================]  status=error
             auth   api    [================]     status=error kind=client
              check api     [==============]      status=error kind=server
               db   pg       [==]                 status=error
               db2  pg           [==]             name=db
               lock redis          [==]           status=error
             audit  log    [==]
            """)
        let analysis = RootCauseAnalysis(trace)
        #expect(trace.names(analysis.origins) == ["db", "lock"])
        #expect(trace.names(analysis.propagated) == ["login", "auth", "check"])
        #expect(trace.names(analysis.chain(to: trace.local("lock"))) == ["login", "auth", "check", "lock"])
        #expect(analysis.role(of: trace.local("login")) == .propagated)
        #expect(analysis.role(of: trace.local("audit")) == nil)
    }

    @Test func aTraceWithoutErrorsHasNoRootCause() {
        let trace = AnalysisDrawing.trace("root web [====]")
        #expect(!RootCauseAnalysis(trace).hasErrors)
    }

    @Test func errorsInSeparateFragmentsEachHaveTheirOrigin() {
        var f = TraceFixture()
        f.span("root", start: 0, end: 10, status: .error)
        f.span("lost", parent: "gone", start: 2, end: 4, status: .error)
        f.span("under", parent: "lost", start: 2, end: 3, status: .error)
        let trace = f.buildTrace()
        let analysis = RootCauseAnalysis(trace)
        #expect(trace.names(analysis.origins) == ["root", "under"])
        #expect(trace.names(analysis.chain(to: trace.local("under"))) == ["lost", "under"])
    }

    @Test func aDeepChainOfErrorsHasOneOrigin() {
        var f = TraceFixture(unitNanos: 1_000)
        let n = 100_000
        for i in 0..<n {
            f.span("s\(i)", parent: i == 0 ? nil : "s\(i - 1)", start: Int64(i), end: Int64(2 * n - i), status: .error)
        }
        let trace = f.buildTrace()
        let analysis = RootCauseAnalysis(trace)
        #expect(analysis.origins == [trace.local("s\(n - 1)")])
        #expect(analysis.propagated.count == n - 1)
        #expect(analysis.chain(to: analysis.origins[0]).count == n)
    }
}
