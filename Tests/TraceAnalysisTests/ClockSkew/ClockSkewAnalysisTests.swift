import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct ClockSkewAnalysisTests {
    @Test func findingsRecordHowFarEachChildSticksOut() {
        let trace = AnalysisDrawing.trace("""
            root   web           [==================]  host=a
             early api       [======]  host=b kind=server
             late  db                          [========]  host=c kind=server
            """)
        let analysis = ClockSkewAnalysis(trace)
        #expect(analysis.findings.count == 1)
        let early = analysis.findings.first { trace.nameOf($0.child) == "early" }
        #expect(early?.startsEarlyBy == .milliseconds(4))
        #expect(early?.endsLateBy == .zero)
        #expect(early?.suggestedShift == .milliseconds(10))
        // One call that starts inside and ends late is no evidence of skew: the caller gave up.
        #expect(analysis.lateChildren == [trace.local("late")])
    }

    @Test func lateEndsAreSkewWhenTheServicePairShowsOneOffsetOrAlsoStartsEarly() {
        let consistent = AnalysisDrawing.trace("""
            root   web   [==========================]  host=a
             l1    db     [====]                         host=c kind=client
              s1   dbs      [====]                       host=d kind=server
             l2    db               [====]               host=c kind=client
              s2   dbs                [====]             host=d kind=server
            """)
        let a = ClockSkewAnalysis(consistent)
        #expect(a.findings.map(\.child) == [consistent.local("s1"), consistent.local("s2")])
        #expect(a.findings.map(\.endsLateBy) == [.milliseconds(2), .milliseconds(2)])
        #expect(a.findings.map(\.suggestedShift) == [.milliseconds(-2), .milliseconds(-2)])
        #expect(a.lateChildren.isEmpty)
        #expect(a.estimates.first?.minimumSkew == .milliseconds(-2))

        // Two late ends that want a shift of at most -2, and a third call of the pair that
        // starts 1 inside its caller (a shift below -1 would move it out): no single shift
        // explains them, so the late ends are callers that gave up, not skew.
        let inconsistent = AnalysisDrawing.trace("""
            root   web   [==============================]  host=a
             l1    db     [====]                           host=c kind=client
              s1   dbs      [====]                         host=d kind=server
             l2    db               [====]                 host=c kind=client
              s2   dbs                [====]               host=d kind=server
             l3    db                        [======]      host=c kind=client
              s3   dbs                        [==]         host=d kind=server
            """)
        let b = ClockSkewAnalysis(inconsistent)
        #expect(b.findings.isEmpty)
        #expect(b.estimates.isEmpty)
        #expect(b.lateChildren == [inconsistent.local("s1"), inconsistent.local("s2")])
    }

    @Test func theEstimateBoundsTheSkewByEveryCallBetweenTwoServices() {
        let trace = AnalysisDrawing.trace("""
            root   web                 [======================================]  host=a
             c1    api             [====]  host=b kind=server
             c2    api                           [====]  host=b kind=server
             c3    api                                         [======]  host=b kind=server
            """)
        let estimates = ClockSkewAnalysis(trace).estimates
        #expect(estimates.count == 1)
        let e = estimates[0]
        #expect(trace.table.strings[e.parentService] == "web" && trace.table.strings[e.childService] == "api")
        #expect(e.pairs == 3 && e.violations == 1)
        // c1 needs at least +4; c3 allows at most +8 (ends 8 before root).
        #expect(e.consistentShifts == 4_000_000...8_000_000)
        #expect(e.minimumSkew == .milliseconds(4))
        // Jaeger's centring for c1 alone: 10 + (40 - 6) / 2 - 6 = +21.
        #expect(e.medianShift == .milliseconds(21))
    }

    @Test func inconsistentCallsHaveNoSingleShift() {
        let trace = AnalysisDrawing.trace("""
            root   web           [==========]  host=a
             a     api       [====]  host=b kind=server
             b     api                   [====]  host=b kind=server
            """)
        let e = ClockSkewAnalysis(trace).estimates[0]
        #expect(e.violations == 2)
        #expect(e.consistentShifts == nil)
        #expect(e.minimumSkew == nil)
    }

    @Test func anAsynchronousChildMayEndLateButNotStartEarly() {
        let trace = AnalysisDrawing.trace("""
            send   shop      [====]          host=a kind=producer
             recv  mailer      [==========]  host=b kind=consumer
            """)
        #expect(ClockSkewAnalysis(trace).findings.isEmpty)
        let early = AnalysisDrawing.trace("""
            send   shop        [====]    host=a kind=producer
             recv  mailer    [==]        host=b kind=consumer
            """)
        #expect(ClockSkewAnalysis(early).findings.count == 1)
    }
}
