import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct ClockSkewAdjustmentTests {
    let ms: Int64 = 1_000_000

    @Test func skewInBothDirectionsIsCentredInTheParent() {
        let trace = AnalysisDrawing.trace("""
            root   web           [==================]  host=a
             early api       [======]  host=b kind=server
             late  db                          [========]  host=c kind=server
            """)
        let adjustment = ClockSkewAdjustment(trace)
        // early [0,8) under root [4,24): 4 + (20 - 8) / 2 - 0 = +10.
        #expect(adjustment.shifts[trace.local("early")] == 10 * ms)
        #expect(adjustment.notes[trace.local("early")] == .centred(shift: .milliseconds(10)))
        // late [18,28): 4 + (20 - 10) / 2 - 18 = -9.
        #expect(adjustment.shifts[trace.local("late")] == -9 * ms)
        #expect(adjustment.shifts[trace.local("root")] == 0)
        let times = SpanTimes(trace, adjustment: adjustment)
        #expect(Units.of(times.start(of: trace.local("late"))) == 9)
        #expect(times.duration(of: trace.local("late")) == .milliseconds(10))
        #expect(adjustment.notes[trace.local("late")]?.jaegerWarning == "This span's timestamps were adjusted by -9ms")
    }

    @Test func aSkewedChildLongerThanItsParentOnlyStopsStartingFirst() {
        let trace = AnalysisDrawing.trace("""
            root   web           [========]  host=a
             long  api       [==============]  host=b kind=server
            """)
        let adjustment = ClockSkewAdjustment(trace)
        let long = trace.local("long")
        #expect(adjustment.notes[long] == .alignedToParentStart(shift: .milliseconds(4)))
        #expect(Units.of(adjustment.start(of: long, in: trace)) == 4)
        #expect(adjustment.notes[long]?.explanation.contains("longer than its parent") == true)
        let finding = ClockSkewAnalysis(trace).findings.first
        #expect(finding?.childLongerThanParent == true)
        #expect(finding?.startsEarlyBy == .milliseconds(4))
        #expect(finding?.endsLateBy == .milliseconds(2))
    }

    @Test func theShiftCarriesDownTheSameHostAndStopsAtTheNext() {
        let trace = AnalysisDrawing.trace("""
            root   web                 [==================]  host=a
             srv   api       [======]  host=b kind=server
              q    api         [==]  host=b
              far  db            []  host=c kind=server
            """)
        let adjustment = ClockSkewAdjustment(trace)
        // srv [0,8) centred in root [10,30): +16; q rides along on host b.
        #expect(adjustment.shifts[trace.local("srv")] == 16 * ms)
        #expect(adjustment.notes[trace.local("q")] == .inherited(shift: .milliseconds(16)))
        // far (host c) is measured against q's adjusted [18,22): 18 + (4 - 2) / 2 - 4 = +15.
        #expect(adjustment.notes[trace.local("far")] == .centred(shift: .milliseconds(15)))
        // Raw, far fits in q (both clocks are behind together): no finding for it.
        #expect(ClockSkewAnalysis(trace).findings.map { trace.nameOf($0.child) } == ["srv"])
    }

    @Test func aChildOnItsParentsHostIsNeverSkew() {
        let trace = AnalysisDrawing.trace("""
            root   web           [========]  host=a
             odd   web       [======]  host=a
            """)
        #expect(ClockSkewAdjustment(trace).adjustedSpans.isEmpty)
        #expect(ClockSkewAnalysis(trace).findings.isEmpty)
    }

    @Test func withoutHostInformationTheServiceIsTheClock() {
        // No host attributes: one service shares a clock, two services do not.
        let trace = AnalysisDrawing.trace("""
            root   web           [========]
             same  web       [======]
             other api       [======]      kind=server
            """)
        let adjustment = ClockSkewAdjustment(trace)
        #expect(adjustment.shifts[trace.local("same")] == 0)
        #expect(adjustment.shifts[trace.local("other")] != 0)
        let domains = ClockDomains(trace.table)
        #expect(domains.label(of: trace[trace.local("other")]) == "service api")
    }

    @Test func aShiftBeyondTheMaximumIsReportedNotApplied() {
        let trace = AnalysisDrawing.trace("""
            root   web           [==================]  host=a
             early api       [======]  host=b kind=server
            """)
        let early = trace.local("early")
        let limited = ClockSkewAdjustment(trace, maximumShift: .milliseconds(5))
        #expect(limited.shifts[early] == 0)
        #expect(limited.notes[early] == .exceedsMaximum(shift: .milliseconds(10), maximum: .milliseconds(5)))
        let disabled = ClockSkewAdjustment(trace, maximumShift: .zero)
        #expect(disabled.notes[early]?.jaegerWarning
                == "clock skew adjustment disabled; not applying calculated delta of 10ms")
    }

    @Test func orphansAndRepeatedIDsAreLeftAlone() {
        var f = TraceFixture()
        f.span("root", service: "web", start: 10, end: 20, resource: ["host.name": .string("a")])
        f.span("lost", parent: "gone", service: "api", start: 0, end: 4, resource: ["host.name": .string("b")])
        f.span("root", service: "web", name: "again", start: 12, end: 14, resource: ["host.name": .string("c")])
        let trace = f.buildTrace()
        let adjustment = ClockSkewAdjustment(trace)
        #expect(adjustment.adjustedSpans.isEmpty)
        #expect(adjustment.notes[trace.local("lost")] == .missingParent(TraceFixture.id("gone")))
        let again = (0..<trace.spanCount).first { trace.nameOf($0) == "again" }!
        #expect(adjustment.notes[again] == .duplicateSpanID)
    }

    @Test func skewDeltaFollowsJaegersThreeRules() {
        // Fits: nothing.
        #expect(SkewDelta.compute(childStart: 2, childEnd: 8, parentStart: 0, parentEnd: 10) == (0, .none))
        // Longer and starting first: align to the parent's start.
        #expect(SkewDelta.compute(childStart: -5, childEnd: 20, parentStart: 0, parentEnd: 10) == (5, .alignedToParentStart))
        // Longer but starting inside: nothing.
        #expect(SkewDelta.compute(childStart: 1, childEnd: 20, parentStart: 0, parentEnd: 10) == (0, .none))
        // Sticking out: centre; odd latency truncates toward zero like Go.
        #expect(SkewDelta.compute(childStart: 7, childEnd: 12, parentStart: 0, parentEnd: 10) == (-5, .centred))
        #expect(SkewDelta.compute(childStart: 7, childEnd: 11, parentStart: 0, parentEnd: 10) == (-4, .centred))
    }
}
