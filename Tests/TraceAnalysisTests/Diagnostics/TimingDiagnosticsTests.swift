import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Durations, outliving parents, partial traces and clock skew.
@Suite struct TimingDiagnosticsTests {
    @Test func negativeZeroAndUnendedDurations() {
        var f = TraceFixture()
        f.span("root", start: 0, end: 10)
        f.span("backwards", parent: "root", start: 6, end: 4)
        f.span("instant", parent: "root", start: 5, end: 5)
        f.builder.append(Span(traceID: f.traceID, spanID: TraceFixture.id("open"), parentSpanID: TraceFixture.id("root"),
                              name: f.builder.intern("open"), start: f.time(7), end: .zero))
        let trace = f.buildTrace()
        let found = diagnostics(.badDuration, in: trace)
        #expect(found.filter { $0.severity == .warning }.map { trace.nameOf($0.spans[0]) }.sorted() == ["backwards", "open"])
        #expect(found.contains { $0.message.contains("never ended") })
        #expect(found.contains { $0.message.contains("2ms before it starts") })
        #expect(found.first { $0.severity == .info }?.spans == [trace.local("instant")])
        #expect(diagnostics(.partialTrace, in: trace).contains { $0.message.contains("never ended") })
    }

    @Test func aSynchronousChildOutlivingItsParentIsSuspicious() {
        let trace = AnalysisDrawing.trace("""
            root   web  [========]
             call  web      [========]
            """)
        let found = diagnostics(.outlivesParent, in: trace)
        #expect(found.count == 1)
        #expect(found[0].severity == .warning)
        #expect(found[0].spans == [trace.local("call"), trace.local("root")])
        #expect(found[0].message.contains("4ms after its parent"))
    }

    @Test func asynchronousChildrenOutlivingTheirParentAreExpected() {
        let trace = AnalysisDrawing.trace("""
            root   web  [==========]
             pub   web   [==]              kind=producer
              sub  mail    [==========]    kind=consumer
             bg    web       [==========]  ref=follows
            """)
        let found = diagnostics(.outlivesParent, in: trace)
        #expect(found.count == 1)
        #expect(found[0].severity == .info)
        #expect(trace.names(found[0].spans) == ["sub", "bg"])
    }

    @Test func aCrossHostChildThatStartsInsideAndEndsLateOutlivesItsCallerAndIsNoSkew() {
        let trace = AnalysisDrawing.trace("""
            root   web   [========]    host=a
             call  api         [====]    host=b kind=server
            """)
        #expect(diagnostics(.clockSkew, in: trace).isEmpty)
        let found = diagnostics(.outlivesParent, in: trace)
        #expect(found.count == 1)
        #expect(found[0].severity == .warning)
        #expect(found[0].spans == [trace.local("call"), trace.local("root")])
        #expect(found[0].message.contains("not clock skew"))
    }

    @Test func lateEndsThatAgreeOnOneOffsetAcrossCallsAreSkew() {
        let trace = AnalysisDrawing.trace("""
            root    web   [====================]  host=a
             c1     web    [====]                 host=a kind=client
              s1    api      [====]               host=b kind=server
             c2     web             [====]        host=a kind=client
              s2    api               [====]      host=b kind=server
            """)
        #expect(diagnostics(.outlivesParent, in: trace).isEmpty)
        let skew = diagnostics(.clockSkew, in: trace)
        #expect(skew.count == 1)
        #expect(skew[0].spans == [trace.local("s1"), trace.local("s2")])
        #expect(skew[0].message.contains("api (host b) called from web (host a)"))
        #expect(skew[0].message.contains("ahead"))
    }

    @Test func aCallerThatTimedOutGaveUpWhileTheServerKeptWorking() {
        // The cascading failure: the gateway's client call gives up after 250 ms (status
        // error, a deadline), the auth service keeps working for 408 ms on its own host.
        let trace = AnalysisDrawing.trace("""
            login   gateway  [==========================]          host=g kind=server status=error
             auth   gateway   [=========================]          host=g kind=client status=error error.type=timeout
              srv   auth       [=========================================]  host=h kind=server
            """)
        #expect(diagnostics(.clockSkew, in: trace).isEmpty)
        let found = diagnostics(.outlivesParent, in: trace)
        #expect(found.count == 1)
        #expect(found[0].spans == [trace.local("srv"), trace.local("auth")])
        #expect(found[0].message.contains("the caller gave up: timeout"))
        let report = AnalysisReport(trace, options: AnalysisOptions(adjustSkew: true))
        #expect(report.adjustment?.adjustedSpans == [])
    }

    @Test func aRootEndingBeforeWorkItWaitsForIsAPartialTrace() {
        let trace = AnalysisDrawing.trace("""
            root   web  [====]
             a     web   [======]
              b    web     [=======]
             c     web   [==]
            """)
        let found = diagnostics(.partialTrace, in: trace)
        #expect(found.count == 1)
        #expect(trace.names(found[0].spans) == ["root", "a", "b"])
        #expect(found[0].message.contains("latest: web \"b\""))
    }

    @Test func aTraceWithoutRootIsPartial() {
        let trace = AnalysisDrawing.trace("""
            a   api  [====]  parent=gone
             b  api   [==]
            """)
        #expect(diagnostics(.partialTrace, in: trace).contains { $0.message.contains("no root span") })
    }

    @Test func warningsComeBeforeInfo() {
        let trace = AnalysisDrawing.trace("""
            root   web  [==========]
             pub   web   [==]              kind=producer
              sub  mail    [==========]    kind=consumer
             late  web       [==========]
            """)
        let all = TraceDiagnostics.run(AnalysisContext(trace))
        #expect(all.map(\.severity) == all.map(\.severity).sorted(by: >))
        #expect(all.first?.severity == .warning)
    }
}
